import { PROGRESS_KEY } from '../../src/progress/progress-key.ts';

/**
 * Whether anything is saved, checked without loading the progress store (and its validator): a
 * page with no saved progress loads no progress code until the student interacts.
 */
export function hasStoredProgress(): boolean {
  try {
    return window.localStorage.getItem(PROGRESS_KEY) !== null;
  } catch {
    return false;
  }
}

/** The page seed from `?seed=` (letters, digits, `-` and `_`, up to 32), or undefined. */
export function urlSeed(): string | undefined {
  const seed = new URLSearchParams(window.location.search).get('seed');
  return seed !== null && /^[A-Za-z0-9_-]{1,32}$/.test(seed) ? seed : undefined;
}

/** Event sent on the document after the practice page picked its visible exercises (the review re-reads them). */
export const PRACTICE_SET_SHOWN = 'practice-set-shown';
