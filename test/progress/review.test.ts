import { describe, expect, it } from 'vitest';
import { appendAttempt, describeReview, reviewSet, type ProgressEntry } from '../../src/progress/index.ts';

const AT = '2026-12-01T09:00:00.000Z';
const empty: ProgressEntry = { attempts: [], omitted: 0, hintsUsed: 0, updatedAt: AT };
const history = (...verdicts: boolean[]) =>
  verdicts.reduce((e, correct) => appendAttempt(e, { correct, hints: 0, at: AT }), empty);

describe('reviewSet', () => {
  const entries = {
    right: history(true),
    late: history(false, false, true),
    wrong: history(false, false),
    'hints-only': { ...empty, hintsUsed: 2 },
    'not-in-set': history(true),
  };
  const review = reviewSet(['right', 'late', 'wrong', 'hints-only', 'untouched'], entries);

  it('counts solved and attempted, and scores each by its first correct attempt', () => {
    expect(review).toMatchObject({ total: 5, solved: 2, attempted: 3 });
    expect(review.score).toBeCloseTo((1 + 0.6) / 5, 12);
  });

  it('lists what was missed and what was never tried, in set order', () => {
    expect(review.missed).toEqual(['wrong']);
    expect(review.untried).toEqual(['hints-only', 'untouched']);
  });

  it('is not raised by re-checking: a solved exercise answered again keeps its score', () => {
    const again = { ...entries, late: appendAttempt(entries.late, { correct: true, hints: 0, at: AT }) };
    expect(reviewSet(['late'], again).score).toBeCloseTo(0.6, 12);
  });

  it('reads as a sentence', () => {
    expect(describeReview(review)).toBe('2 of 5 solved · 3 attempted · score 32%');
  });

  it('ignores names of object properties', () => {
    expect(reviewSet(['constructor'], {}).untried).toEqual(['constructor']);
  });
});
