import { z } from 'astro/zod';

/** The schema version this code writes. Bump it (and add a migration) when an entry's shape changes. */
export const PROGRESS_VERSION = 1;

/** Stable kebab-case exercise id, the key progress is stored under. */
export const exerciseIdSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

/** What the site remembers about one exercise. */
export const progressEntrySchema = z
  .object({
    /** Graded submissions (invalid input, which cannot be graded, costs no attempt). */
    attempts: z.number().int().nonnegative(),
    /** Answered correctly at least once. */
    correct: z.boolean(),
    /** Best score so far, in [0, 1]; see `scoreFor`. */
    score: z.number().min(0).max(1),
    /** Hints revealed so far (the most ever revealed, not a click count). */
    hintsUsed: z.number().int().nonnegative(),
    /** The last graded answer, as typed (capped at 500 characters like any answer). */
    lastAnswer: z.string().max(500).optional(),
    /** When the entry last changed, ISO 8601. */
    updatedAt: z.iso.datetime(),
  })
  .strict();

export type ProgressEntry = z.infer<typeof progressEntrySchema>;

/**
 * The stored document, version 1. The top level is checked loosely (`exercises` must be an object)
 * and each entry on its own, so one bad entry never costs the student the others.
 */
export interface ProgressDocument {
  version: typeof PROGRESS_VERSION;
  exercises: Record<string, ProgressEntry>;
  /** Set in exported files only. */
  exportedAt?: string;
}

/**
 * Score of a correct answer: 1 on the first try without hints, less 0.2 per earlier wrong attempt
 * and 0.1 per hint, never below 0.2 (a correct answer always counts for something). Wrong: 0.
 */
export function scoreFor(correct: boolean, wrongAttemptsBefore: number, hintsUsed: number): number {
  if (!correct) return 0;
  return Math.max(0.2, Math.round((1 - 0.2 * wrongAttemptsBefore - 0.1 * hintsUsed) * 100) / 100);
}
