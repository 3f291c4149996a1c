import { entryStatus, type ProgressEntry } from './progress-schema.ts';

/** A lesson as the progress summary needs it: its exercises, in course order. */
export interface LessonExercises {
  id: string;
  title: string;
  exerciseIds: readonly string[];
}

export type LessonStatus = 'not-started' | 'in-progress' | 'complete';

export interface LessonProgress {
  id: string;
  title: string;
  /** Exercises in the lesson. */
  total: number;
  /** Exercises with at least one graded attempt. */
  attempted: number;
  /** Exercises answered correctly. */
  solved: number;
  /** Mean score over all the lesson's exercises, in [0, 1] (each its first correct attempt's; unattempted count as 0). */
  score: number;
  status: LessonStatus;
}

export interface CourseProgress {
  lessons: LessonProgress[];
  solved: number;
  total: number;
  /** The first lesson, in course order, that is not complete: what to do next. */
  next?: LessonProgress;
}

/**
 * Per-lesson progress from the saved entries. Entries for exercises no lesson lists any more
 * (renamed or removed) are ignored rather than counted.
 */
export function summariseCourse(
  lessons: readonly LessonExercises[],
  entries: Readonly<Record<string, ProgressEntry>>,
): CourseProgress {
  const entryOf = (id: string): ProgressEntry | undefined => (Object.hasOwn(entries, id) ? entries[id] : undefined);
  const summaries = lessons.map((lesson): LessonProgress => {
    const found = lesson.exerciseIds.map((id) => entryStatus(entryOf(id)));
    const attempted = found.filter((e) => e.attempts > 0).length;
    const solved = found.filter((e) => e.solved).length;
    const total = lesson.exerciseIds.length;
    const score = total === 0 ? 0 : found.reduce((sum, e) => sum + e.score, 0) / total;
    const status: LessonStatus =
      total > 0 && solved === total ? 'complete' : attempted > 0 || solved > 0 ? 'in-progress' : 'not-started';
    return { id: lesson.id, title: lesson.title, total, attempted, solved, score, status };
  });
  const next = summaries.find((l) => l.status !== 'complete');
  return {
    lessons: summaries,
    solved: summaries.reduce((sum, l) => sum + l.solved, 0),
    total: summaries.reduce((sum, l) => sum + l.total, 0),
    ...(next ? { next } : {}),
  };
}

/** A short, human status line for a lesson ("3 of 6 exercises solved · score 45%"). */
export function describeLessonProgress(lesson: LessonProgress): string {
  if (lesson.status === 'not-started') return `Not started · ${lesson.total} exercises`;
  const score = `score ${Math.round(lesson.score * 100)}%`;
  if (lesson.status === 'complete') return `Complete · all ${lesson.total} exercises solved · ${score}`;
  return `In progress · ${lesson.solved} of ${lesson.total} exercises solved · ${score}`;
}
