import { DEFAULT_SEED } from './default-seed.ts';
import { scoreFor } from './score-reason.ts';

/** The schema version this code writes. Version 1 (counts and a stored best score) is migrated on read. */
export const PROGRESS_VERSION = 2;

/** Longest answer text kept (answers are capped at 500 characters when typed, too). */
export const MAX_ANSWER_LENGTH = 500;

/** Highest exercise revision (an exercise's `revision` in its YAML; the content schema uses it too). */
export const MAX_REVISION = 1000;

/**
 * Attempts kept per exercise. Past this, the oldest attempt that cannot change the score is dropped
 * (one after the first correct one, or a wrong one past the fourth, where the score is at its floor)
 * and counted in `omitted`, so the score and the attempt count stay exact.
 */
export const MAX_ATTEMPTS = 200;

/** Stable kebab-case exercise id, the key progress is stored under. */
export const EXERCISE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** One graded submission (invalid input, which cannot be graded, is never recorded). */
export interface Attempt {
  /** The grader's verdict. */
  readonly correct: boolean;
  /** Hints visible when the answer was checked. */
  readonly hints: number;
  /** When it was checked, ISO 8601. */
  readonly at: string;
  /** The page seed of a seeded exercise (its numbers), when it was not the default. */
  readonly seed?: string;
  /**
   * The exercise's `revision` when it was graded, when above 1: an exercise whose draws or key
   * changed is given a new revision, so an answer recorded for its old numbers is not called right
   * (or a repeat) for the new ones although the seed is the same.
   */
  readonly revision?: number;
  /** The answer as given; kept on the newest attempt only (older ones drop it to save space). */
  readonly answer?: string;
}

/** What the site remembers about one exercise. Everything else (score, solved) is derived from it. */
export interface ProgressEntry {
  /** Graded attempts, oldest first (at most {@link MAX_ATTEMPTS}). */
  readonly attempts: readonly Attempt[];
  /** Attempts dropped from the middle of the list (score-neutral); counted, not kept. */
  readonly omitted: number;
  /** Hints revealed so far (the most ever revealed, not a click count). */
  readonly hintsUsed: number;
  /**
   * An answer whose verdict is not known: progress from version 1 kept the last answer without
   * saying whether it was right. Shown back in the input, never under a verdict.
   */
  readonly draft?: string;
  /** When the entry last changed, ISO 8601. */
  readonly updatedAt: string;
}

/**
 * The stored document. The top level is checked loosely (`exercises` must be an object) and each
 * entry on its own, so one bad entry never costs the student the others.
 */
export interface ProgressDocument {
  version: typeof PROGRESS_VERSION;
  exercises: Record<string, ProgressEntry>;
  /** Set in exported files only. */
  exportedAt?: string;
}

// The score rule itself lives beside its wording (score-reason.ts), which the phone loads alone.
export { scoreFor } from './score-reason.ts';

/** What an entry says, derived from its attempts alone (so re-checking a right answer changes nothing). */
export interface EntryStatus {
  /** Graded attempts, including omitted ones. */
  readonly attempts: number;
  /** Answered correctly at least once. */
  readonly solved: boolean;
  /** The score of the first correct attempt ({@link scoreFor}), 0 while unsolved. */
  readonly score: number;
  /** 1-based number of the first correct attempt (unknown once attempts were omitted). */
  readonly solvedOnAttempt?: number;
  /** The newest attempt, if any. */
  readonly last?: Attempt;
}

/**
 * The status of an exercise as a pure function of its recorded attempts: the score is the first
 * correct attempt's, with the wrong attempts before it and the hints visible then. Later attempts,
 * right or wrong, never change it.
 */
export function entryStatus(entry: ProgressEntry | undefined): EntryStatus {
  if (entry === undefined) return { attempts: 0, solved: false, score: 0 };
  const first = entry.attempts.findIndex((a) => a.correct);
  const last = entry.attempts.at(-1);
  const common = { attempts: entry.attempts.length + entry.omitted, ...(last ? { last } : {}) };
  if (first < 0) return { ...common, solved: false, score: 0 };
  // Attempts are only ever omitted after the first correct one, or while unsolved past the fourth
  // wrong one (where any later score is at its floor), so the kept prefix gives the exact score.
  const score = scoreFor(true, first, entry.attempts[first]?.hints ?? 0);
  return { ...common, solved: true, score, ...(entry.omitted === 0 ? { solvedOnAttempt: first + 1 } : {}) };
}

/** Which numbers an exercise was shown with: the page seed (none: the default) and the exercise's revision (none: 1). */
export interface Numbers {
  readonly seed?: string | undefined;
  readonly revision?: number | undefined;
}

/** A seed as it picks numbers: the default seed is the same as none. */
const pageSeed = (seed: string | undefined): string | undefined => (seed === DEFAULT_SEED ? undefined : seed);

/** Whether an attempt was graded on these numbers: the same seed and the same revision of the exercise. */
export function sameNumbers(attempt: Attempt | undefined, numbers: Numbers): boolean {
  return (
    attempt !== undefined &&
    pageSeed(attempt.seed) === pageSeed(numbers.seed) &&
    (attempt.revision ?? 1) === (numbers.revision ?? 1)
  );
}

/**
 * Whether an answer repeats the newest recorded attempt (the same text for the same numbers):
 * checking the same answer again tells the grader nothing new, so it is not an attempt. The lesson
 * page's store and the classroom server's assignment scores both ask this.
 */
export function repeatsNewest(
  entry: ProgressEntry | undefined,
  answer: string | undefined,
  numbers: Numbers = {},
): boolean {
  const last = entry?.attempts.at(-1);
  return answer !== undefined && last !== undefined && last.answer === answer && sameNumbers(last, numbers);
}

/** The entry after one more graded attempt, capped at {@link MAX_ATTEMPTS} without changing the score. */
export function appendAttempt(entry: ProgressEntry, attempt: Attempt): ProgressEntry {
  const older = entry.attempts.map((a) => {
    if (a.answer === undefined) return a;
    const { answer: _dropped, ...rest } = a;
    return rest;
  });
  let attempts = [...older, attempt];
  let omitted = entry.omitted;
  if (attempts.length > MAX_ATTEMPTS) {
    const first = attempts.findIndex((a) => a.correct);
    // Score-neutral: right after the first correct attempt, or (while unsolved) the fifth wrong one,
    // since four wrong attempts already take a later correct answer to the floor of 0.2.
    const drop = first >= 0 && first < attempts.length - 1 ? first + 1 : 4;
    attempts = [...attempts.slice(0, drop), ...attempts.slice(drop + 1)];
    omitted++;
  }
  const { draft: _draft, ...rest } = entry;
  return { ...rest, attempts, omitted, updatedAt: attempt.at };
}

// ── validation (no schema library: this runs in the browser on every page with saved progress) ──

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;
const isTime = (value: unknown): value is string =>
  typeof value === 'string' && ISO.test(value) && !Number.isNaN(Date.parse(value));
const SEED = /^[A-Za-z0-9_-]{1,32}$/;
/** A stored revision is above 1 (revision 1 is not written). */
const isRevision = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 2 && value <= MAX_REVISION;

/*
 * Fields this code does not know are ignored, not refused: a newer copy of the site (a tab opened after
 * a deploy) may add one, and refusing the entry would make this copy drop it and write the rest back
 * without it. The fields it knows must be right.
 */
function readAttempt(value: unknown): Attempt | undefined {
  if (!isRecord(value)) return undefined;
  const { correct, hints, at, seed, answer } = value;
  // Revision 1 is the default and not written; one written anyway means the same.
  const revision = value['revision'] === 1 ? undefined : value['revision'];
  if (typeof correct !== 'boolean' || !isCount(hints) || !isTime(at)) return undefined;
  if (seed !== undefined && !(typeof seed === 'string' && SEED.test(seed))) return undefined;
  if (revision !== undefined && !isRevision(revision)) return undefined;
  if (answer !== undefined && !(typeof answer === 'string' && answer.length <= MAX_ANSWER_LENGTH)) return undefined;
  return {
    correct,
    hints,
    at,
    ...(seed === undefined ? {} : { seed }),
    ...(revision === undefined ? {} : { revision }),
    ...(answer === undefined ? {} : { answer }),
  };
}

/** A version-2 entry, or undefined when a field it needs is missing or out of range (unknown fields are ignored). */
export function readEntry(value: unknown): ProgressEntry | undefined {
  if (!isRecord(value)) return undefined;
  const { attempts, omitted, hintsUsed, draft, updatedAt } = value;
  if (!Array.isArray(attempts) || attempts.length > MAX_ATTEMPTS) return undefined;
  if (!isCount(omitted) || !isCount(hintsUsed) || !isTime(updatedAt)) return undefined;
  if (draft !== undefined && !(typeof draft === 'string' && draft.length <= MAX_ANSWER_LENGTH)) return undefined;
  const read = attempts.map(readAttempt);
  if (read.some((a) => a === undefined)) return undefined;
  return {
    attempts: read as Attempt[],
    omitted,
    hintsUsed,
    updatedAt,
    ...(draft === undefined ? {} : { draft }),
  };
}

/**
 * A version-1 entry (`attempts` a count, `correct`, best `score`, `hintsUsed`, `lastAnswer`) as the
 * attempts it implies: the wrong attempts before the first correct one are recovered from the score
 * (score = 1 − 0.2·wrong − 0.1·hints); the last answer becomes a draft, since version 1 did not keep
 * its verdict.
 */
export function migrateEntryV1(value: unknown): ProgressEntry | undefined {
  if (!isRecord(value)) return undefined;
  const { attempts, correct, score, hintsUsed, lastAnswer, updatedAt, ...extra } = value;
  if (Object.keys(extra).length > 0) return undefined;
  if (!isCount(attempts) || typeof correct !== 'boolean' || !isCount(hintsUsed) || !isTime(updatedAt)) return undefined;
  if (typeof score !== 'number' || !(score >= 0 && score <= 1)) return undefined;
  if (lastAnswer !== undefined && !(typeof lastAnswer === 'string' && lastAnswer.length <= MAX_ANSWER_LENGTH))
    return undefined;
  if (correct && attempts === 0) return undefined;
  const n = Math.min(attempts, MAX_ATTEMPTS);
  const wrong = (hints: number): Attempt => ({ correct: false, hints, at: updatedAt });
  let list: Attempt[];
  if (correct) {
    const guess = score > 0.2 ? Math.round((1 - score - 0.1 * hintsUsed) / 0.2) : n - 1;
    const before = Math.max(0, Math.min(n - 1, guess));
    const hints = Math.max(0, Math.min(hintsUsed, Math.round((1 - score - 0.2 * before) / 0.1)));
    list = [
      ...Array.from({ length: before }, () => wrong(0)),
      { correct: true, hints: score > 0.2 ? hints : hintsUsed, at: updatedAt },
      ...Array.from({ length: n - before - 1 }, () => wrong(hintsUsed)),
    ];
  } else {
    list = Array.from({ length: n }, () => wrong(hintsUsed));
  }
  return {
    attempts: list,
    omitted: attempts - n,
    hintsUsed,
    updatedAt,
    ...(lastAnswer === undefined ? {} : { draft: lastAnswer }),
  };
}
