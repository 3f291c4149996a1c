import { getCollection } from 'astro:content';
import type { LessonExercises } from '../progress/summary.ts';
import { courseOrder } from './course.ts';

/** The published lessons in course order, each with the ids of its exercises (for progress). */
export async function courseExercises(): Promise<(LessonExercises & { href: string })[]> {
  const lessons = courseOrder(await getCollection('lessons'), import.meta.env.DEV);
  const files = await getCollection('exercises');
  const base = import.meta.env.BASE_URL;
  return lessons.map((lesson) => ({
    id: lesson.id,
    title: lesson.data.title,
    href: `${base}lessons/${lesson.id}/`,
    exerciseIds: files.find((f) => f.id === lesson.id)?.data.exercises.map((e) => e.id) ?? [],
  }));
}
