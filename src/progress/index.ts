/**
 * The progress store: exercise results under stable ids, versioned, in localStorage (or any
 * Storage-like object). Pure TypeScript; the UI passes `localStorage`.
 */
export {
  EXERCISE_ID,
  MAX_ATTEMPTS,
  MAX_REVISION,
  PROGRESS_VERSION,
  appendAttempt,
  entryStatus,
  migrateEntryV1,
  readEntry,
  repeatsNewest,
  sameNumbers,
  scoreFor,
} from './progress-schema.ts';
export type { Attempt, EntryStatus, Numbers, ProgressDocument, ProgressEntry } from './progress-schema.ts';
export { BACKUP_KEY, PROGRESS_KEY } from './progress-key.ts';
export { createProgressStore, readProgress } from './progress-store.ts';
export type {
  AttemptInput,
  AttemptOutcome,
  ImportResult,
  ProgressNotice,
  ProgressStore,
  ProgressStoreOptions,
  ReadResult,
  StorageLike,
} from './progress-store.ts';
export { describeLessonProgress, summariseCourse } from './summary.ts';
export { describeReview, reviewSet } from './review.ts';
export { formatScore, scoreReason, scoreRule } from './score-reason.ts';
export type { ScoreReasonOptions, ScoreStatus } from './score-reason.ts';
export type { SetReview } from './review.ts';
export type { CourseProgress, LessonExercises, LessonProgress, LessonStatus } from './summary.ts';
