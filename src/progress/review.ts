import { entryStatus, type ProgressEntry } from './progress-schema.ts';

/** The end-of-set review of a list of exercises, from their saved entries. */
export interface SetReview {
  /** Exercises in the set. */
  total: number;
  /** Solved at least once. */
  solved: number;
  /** With at least one graded attempt. */
  attempted: number;
  /** Mean score over the set, in [0, 1]; unsolved exercises count 0. */
  score: number;
  /** Attempted but never solved, in set order: the ones to review and retry. */
  missed: string[];
  /** Never attempted, in set order. */
  untried: string[];
}

/**
 * Reviews a set (a lesson's exercises, or a practice set) as a pure function of the saved entries,
 * so the figures are the same ones the exercise cards and the progress page show.
 */
export function reviewSet(ids: readonly string[], entries: Readonly<Record<string, ProgressEntry>>): SetReview {
  const statuses = ids.map((id) => ({ id, ...entryStatus(Object.hasOwn(entries, id) ? entries[id] : undefined) }));
  const total = ids.length;
  return {
    total,
    solved: statuses.filter((s) => s.solved).length,
    attempted: statuses.filter((s) => s.attempts > 0).length,
    score: total === 0 ? 0 : statuses.reduce((sum, s) => sum + s.score, 0) / total,
    missed: statuses.filter((s) => s.attempts > 0 && !s.solved).map((s) => s.id),
    untried: statuses.filter((s) => s.attempts === 0).map((s) => s.id),
  };
}

/** "4 of 10 solved · 7 attempted · score 52%". */
export function describeReview(review: SetReview): string {
  return `${review.solved} of ${review.total} solved · ${review.attempted} attempted · score ${Math.round(review.score * 100)}%`;
}
