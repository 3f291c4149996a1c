/**
 * The progress store: exercise results under stable ids, versioned, in localStorage (or any
 * Storage-like object). Pure TypeScript; the UI passes `localStorage`.
 */
export { PROGRESS_VERSION, exerciseIdSchema, progressEntrySchema, scoreFor } from './progress-schema.ts';
export type { ProgressDocument, ProgressEntry } from './progress-schema.ts';
export { BACKUP_KEY, PROGRESS_KEY } from './progress-key.ts';
export { createProgressStore, readProgress } from './progress-store.ts';
export type {
  AttemptInput,
  ImportResult,
  ProgressNotice,
  ProgressStore,
  ProgressStoreOptions,
  ReadResult,
  StorageLike,
} from './progress-store.ts';
export { describeLessonProgress, summariseCourse } from './summary.ts';
export type { CourseProgress, LessonExercises, LessonProgress, LessonStatus } from './summary.ts';
