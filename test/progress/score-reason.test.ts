import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  appendAttempt,
  entryStatus,
  formatScore,
  scoreReason,
  type Attempt,
  type ProgressEntry,
} from '../../src/progress/index.ts';

const AT = '2026-12-01T09:00:00.000Z';
const empty: ProgressEntry = { attempts: [], omitted: 0, hintsUsed: 0, updatedAt: AT };
const attempt = (correct: boolean, hints = 0): Attempt => ({ correct, hints, at: AT });
const status = (...list: Attempt[]) => entryStatus(list.reduce(appendAttempt, empty));

describe('scoreReason: why a score is what it is, in the one wording', () => {
  it.each([
    ['nothing yet', status(), {}, ''],
    ['right first time', status(attempt(true)), {}, 'Score 100%: right on the first attempt.'],
    [
      'one wrong, then right (a phone: no hints)',
      status(attempt(false), attempt(true)),
      { hints: false },
      'Score 80%: right on attempt 2. A right answer scores 100%, less 20% for each wrong attempt before it, never below 20%; later answers do not change it.',
    ],
    [
      'right with a hint (the lesson page)',
      status(attempt(true, 1)),
      {},
      'Score 90%: right on the first attempt. A right answer scores 100%, less 20% for each wrong attempt before it and 10% for each hint shown, never below 20%; later answers do not change it.',
    ],
    [
      'two wrong so far',
      status(attempt(false), attempt(false)),
      { hints: false },
      'Not solved yet after 2 attempts: a right answer now scores 60%.',
    ],
    [
      'one wrong, a hint shown now',
      status(attempt(false)),
      { hintsShown: 1 },
      'Not solved yet after 1 attempt: a right answer now scores 70%.',
    ],
    [
      'wrong again after solving: the score stays',
      status(attempt(false), attempt(true), attempt(false)),
      { hints: false },
      'Score 80%: right on attempt 2. A right answer scores 100%, less 20% for each wrong attempt before it, never below 20%; later answers do not change it.',
    ],
  ])('%s', (_label, given, options, expected) => {
    expect(scoreReason(given, options)).toBe(expected);
  });

  it('names the score entryStatus gives, and the attempt it came from, for any list of attempts', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 12 }), (list) => {
        const s = status(...list.map((correct) => attempt(correct)));
        const reason = scoreReason(s, { hints: false });
        if (!s.solved) return list.length === 0 ? reason === '' : reason.startsWith('Not solved yet');
        const first = list.indexOf(true) + 1;
        return (
          reason.startsWith(`Score ${formatScore(s.score)}: right on `) &&
          reason.includes(first === 1 ? 'the first attempt' : `attempt ${first}.`)
        );
      }),
    );
  });
});
