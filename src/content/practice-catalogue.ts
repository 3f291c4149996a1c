import { getCollection } from 'astro:content';
import type { Exercise } from './exercise-schema.ts';
import { courseOrder } from './course.ts';

/** One exercise of the practice catalogue, with the lesson it comes from. */
export interface CatalogueEntry {
  lesson: string;
  exercise: Exercise;
  /** The lesson's title and page, for the card's source link. */
  source: { title: string; href: string } | undefined;
}

/**
 * Every exercise of the course in course order (lessons by their `order`; an exercise file whose
 * lesson has no page in this build goes last), as the practice page and its card fragments need it.
 */
export async function practiceCatalogue(): Promise<{
  entries: CatalogueEntry[];
  pools: { lesson: string; ids: string[] }[];
}> {
  const lessons = courseOrder(await getCollection('lessons'), import.meta.env.DEV);
  const files = await getCollection('exercises');
  const rank = (id: string) => {
    const i = lessons.findIndex((l) => l.id === id);
    return i >= 0 ? i : lessons.length;
  };
  files.sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id));
  const base = import.meta.env.BASE_URL;
  const sourceOf = (lessonId: string) => {
    const lesson = lessons.find((l) => l.id === lessonId);
    return lesson ? { title: lesson.data.title, href: `${base}lessons/${lessonId}/` } : undefined;
  };
  return {
    entries: files.flatMap((f) =>
      f.data.exercises.map((exercise) => ({ lesson: f.id, exercise, source: sourceOf(f.id) })),
    ),
    pools: files.map((f) => ({ lesson: f.id, ids: f.data.exercises.map((e) => e.id) })),
  };
}
