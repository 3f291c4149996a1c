import type { EntryStatus } from '../../src/progress/progress-schema.ts';

/** The feedback a card shows for saved progress it did not just grade (after a reload, or from another tab). */
export interface RestoredFeedback {
  /** `correct` / `incorrect` describe the last recorded answer; `saved` is a neutral note; '' shows nothing. */
  status: 'correct' | 'incorrect' | 'saved' | '';
  text: string;
}

/**
 * What to say about an exercise's saved state, true to what was recorded: the verdict of the last
 * answer (never "correct" for a wrong answer given after a right one), whether it was solved
 * earlier, and nothing about an answer given for other numbers (another seed). Pure.
 */
export function restoredFeedback(
  status: EntryStatus,
  options: { draft?: string | undefined; sameNumbers: boolean },
): RestoredFeedback {
  const last = status.last;
  if (last === undefined) {
    return options.draft === undefined
      ? { status: '', text: '' }
      : {
          status: 'saved',
          text: 'Your last answer is restored. Its result was not saved, so press Check to grade it again.',
        };
  }
  const earlier =
    status.solvedOnAttempt !== undefined
      ? `You solved this exercise earlier, on attempt ${status.solvedOnAttempt}.`
      : 'You solved this exercise earlier.';
  if (!options.sameNumbers || last.answer === undefined) {
    return status.solved
      ? { status: 'saved', text: `${earlier} These numbers are new to you.` }
      : { status: '', text: '' };
  }
  if (last.correct) return { status: 'correct', text: 'Your last answer, restored here, was right.' };
  return {
    status: 'incorrect',
    text: status.solved
      ? `Your last answer, restored here, was not right. ${earlier}`
      : 'Your last answer, restored here, was not right.',
  };
}
