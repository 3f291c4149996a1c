import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  MAX_ATTEMPTS,
  appendAttempt,
  entryStatus,
  readEntry,
  scoreFor,
  type Attempt,
  type ProgressEntry,
} from '../../src/progress/index.ts';

/**
 * The score of an exercise is a pure function of its recorded attempts: the first correct attempt's
 * score (wrong attempts before it, hints visible then). Nothing a student does afterwards (checking
 * again, more right or wrong answers, reloading) can raise or lower it.
 */
const AT = '2026-12-01T09:00:00.000Z';
const empty: ProgressEntry = { attempts: [], omitted: 0, hintsUsed: 0, updatedAt: AT };
const attempt = (correct: boolean, hints = 0): Attempt => ({ correct, hints, at: AT });
const build = (list: readonly Attempt[]): ProgressEntry => list.reduce(appendAttempt, empty);

/** The score by its definition, written out independently of `entryStatus`. */
function expectedScore(list: readonly Attempt[]): number {
  for (let i = 0; i < list.length; i++) {
    const a = list[i];
    if (a?.correct) return Math.max(0.2, Math.round((1 - 0.2 * i - 0.1 * a.hints) * 100) / 100);
  }
  return 0;
}

const attempts = fc.array(
  fc.record({ correct: fc.boolean(), hints: fc.integer({ min: 0, max: 4 }) }).map(({ correct, hints }) => ({
    correct,
    hints,
    at: AT,
  })),
  { maxLength: 30 },
);

describe('entryStatus', () => {
  it.each([
    ['nothing yet', [], { attempts: 0, solved: false, score: 0 }],
    ['right first time', [attempt(true)], { attempts: 1, solved: true, score: 1, solvedOnAttempt: 1 }],
    [
      'two wrong, then right',
      [attempt(false), attempt(false), attempt(true)],
      { attempts: 3, solved: true, score: 0.6, solvedOnAttempt: 3 },
    ],
    [
      'right after a hint, then wrong',
      [attempt(true, 1), attempt(false, 1)],
      { attempts: 2, solved: true, score: 0.9, solvedOnAttempt: 1 },
    ],
    ['only wrong', [attempt(false), attempt(false)], { attempts: 2, solved: false, score: 0 }],
  ])('%s', (_label, list, expected) => {
    const status = entryStatus(build(list));
    expect({ ...status, last: undefined }).toEqual({ ...expected, last: undefined });
  });

  it('equals the first correct attempt’s score for any history', () => {
    fc.assert(
      fc.property(attempts, (list) => {
        const status = entryStatus(build(list));
        expect(status.score).toBeCloseTo(expectedScore(list), 12);
        expect(status.attempts).toBe(list.length);
        expect(status.solved).toBe(list.some((a) => a.correct));
      }),
    );
  });

  it('never changes once solved, whatever comes after', () => {
    fc.assert(
      fc.property(attempts, attempts, (before, after) => {
        const solved = [...before, attempt(true, 2)];
        const score = entryStatus(build(solved)).score;
        expect(entryStatus(build([...solved, ...after])).score).toBe(score);
      }),
    );
  });

  it('keeps the score and the count exact past the cap of kept attempts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 300 }), (wrong, extra) => {
        const list = [
          ...Array.from({ length: wrong }, () => attempt(false)),
          attempt(true, 1),
          ...Array.from({ length: extra }, (_, i) => attempt(i % 2 === 0)),
        ];
        const entry = build(list);
        expect(entry.attempts.length).toBeLessThanOrEqual(MAX_ATTEMPTS);
        expect(entryStatus(entry).attempts).toBe(list.length);
        expect(entryStatus(entry).score).toBeCloseTo(expectedScore(list), 12);
        // What is stored reads back as the same entry.
        expect(readEntry(JSON.parse(JSON.stringify(entry)))).toEqual(entry);
      }),
      { numRuns: 60 },
    );
  });

  it('stays at the floor when a long unsolved streak is capped before the first right answer', () => {
    const list = [...Array.from({ length: 250 }, () => attempt(false)), attempt(true)];
    const status = entryStatus(build(list));
    expect(status).toMatchObject({ attempts: 251, solved: true, score: scoreFor(true, 250, 0) });
  });
});

describe('readEntry', () => {
  it.each([
    [
      'a revision that is not a whole number from 2',
      { ...empty, attempts: [{ correct: true, hints: 0, at: AT, revision: 2.5 }] },
    ],
    ['attempts not a list', { ...empty, attempts: 3 }],
    ['a negative omitted count', { ...empty, omitted: -1 }],
    ['a bad time', { ...empty, updatedAt: 'soon' }],
    ['a bad attempt time', { ...empty, attempts: [{ correct: true, hints: 0, at: '1 May' }] }],
    ['a seed with markup', { ...empty, attempts: [{ correct: true, hints: 0, at: AT, seed: '<b>' }] }],
    ['an overlong answer', { ...empty, attempts: [{ correct: true, hints: 0, at: AT, answer: 'z'.repeat(501) }] }],
    ['too many attempts', { ...empty, attempts: Array.from({ length: MAX_ATTEMPTS + 1 }, () => attempt(false)) }],
  ])('refuses %s', (_label, value) => {
    expect(readEntry(value)).toBeUndefined();
  });

  it('ignores a field it does not know (a newer copy of the site may add one) and keeps the entry', () => {
    expect(readEntry({ ...empty, extra: 1, attempts: [{ ...attempt(true), later: 'x' }] })).toEqual({
      ...empty,
      attempts: [attempt(true)],
    });
  });

  it('accepts a valid entry', () => {
    expect(readEntry({ ...empty, attempts: [attempt(true)], draft: 'g' })).toEqual({
      ...empty,
      attempts: [attempt(true)],
      draft: 'g',
    });
  });
});
