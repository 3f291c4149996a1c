import type { EntryStatus } from './progress-schema.ts';

/**
 * Score of a correct answer: 1 on the first try without hints, less 0.2 per earlier wrong attempt
 * and 0.1 per hint, never below 0.2 (a correct answer always counts for something). Wrong: 0.
 * (The one rule: `entryStatus` scores with it, {@link scoreRule} says it in words.)
 */
export function scoreFor(correct: boolean, wrongAttemptsBefore: number, hintsUsed: number): number {
  if (!correct) return 0;
  return Math.max(0.2, Math.round((1 - 0.2 * wrongAttemptsBefore - 0.1 * hintsUsed) * 100) / 100);
}

/** A score as people read it everywhere (exercise card, phone, teacher's table): "80%". */
export function formatScore(score: number): string {
  return `${Math.round(score * 100)}%`;
}

/** What the reason needs: an entry's status, or the classroom server's score of one exercise. */
export type ScoreStatus = Pick<EntryStatus, 'attempts' | 'solved' | 'score' | 'solvedOnAttempt'>;

export interface ScoreReasonOptions {
  /**
   * Whether hints exist where the score is shown (the lesson page: yes; a phone in class: no), so
   * the rule mentions them only where they can cost something. Default true.
   */
  readonly hints?: boolean;
  /** Hints visible now: what a right answer given now would lose for them. Default 0. */
  readonly hintsShown?: number;
}

/**
 * The rule of {@link scoreFor} in words: 1 less 0.2 per wrong attempt before the first right one
 * and 0.1 per hint then visible, at least 0.2; later answers never change it.
 */
export function scoreRule(options: ScoreReasonOptions = {}): string {
  const hints = options.hints ?? true;
  return `A right answer scores 100%, less 20% for each wrong attempt before it${
    hints ? ' and 10% for each hint shown' : ''
  }, never below 20%; later answers do not change it.`;
}

/**
 * Why an exercise has the score it has, from its status alone (the one wording, used by the
 * lesson page's card, the phone in class and the teacher's table):
 * - "Score 100%: right on the first attempt."
 * - "Score 80%: right on attempt 2. A right answer scores 100%, less 20% for each wrong attempt …"
 * - "Not solved yet after 2 attempts: a right answer now scores 60%."
 * - "" before any graded attempt.
 */
export function scoreReason(status: ScoreStatus, options: ScoreReasonOptions = {}): string {
  if (!status.solved) {
    if (status.attempts === 0) return '';
    // Every attempt so far was wrong; the next right one is scored with the hints visible now.
    const next = scoreFor(true, status.attempts, options.hints === false ? 0 : (options.hintsShown ?? 0));
    const n = `${status.attempts} attempt${status.attempts === 1 ? '' : 's'}`;
    return `Not solved yet after ${n}: a right answer now scores ${formatScore(next)}.`;
  }
  const which =
    status.solvedOnAttempt === undefined
      ? ''
      : status.solvedOnAttempt === 1
        ? ': right on the first attempt'
        : `: right on attempt ${status.solvedOnAttempt}`;
  const rule = status.score < 1 ? ` ${scoreRule(options)}` : '';
  return `Score ${formatScore(status.score)}${which}.${rule}`;
}
