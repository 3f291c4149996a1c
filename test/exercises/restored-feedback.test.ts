import { describe, expect, it } from 'vitest';
import { restoredFeedback } from '../../components/exercise/restored-feedback.ts';
import { appendAttempt, entryStatus, type ProgressEntry } from '../../src/progress/index.ts';

/** What a card says about saved work it did not just grade: the truth about the last answer. */
const AT = '2026-12-01T09:00:00.000Z';
const empty: ProgressEntry = { attempts: [], omitted: 0, hintsUsed: 0, updatedAt: AT };
const after = (...answers: [boolean, string][]) =>
  entryStatus(answers.reduce((e, [correct, answer]) => appendAttempt(e, { correct, hints: 0, at: AT, answer }), empty));

describe('restoredFeedback', () => {
  it('calls a wrong answer given after a right one what it is, and states the earlier solve', () => {
    expect(restoredFeedback(after([true, 'g*(1-g)'], [false, 'g*(1+g)']), { sameNumbers: true })).toEqual({
      status: 'incorrect',
      text: 'Your last answer, restored here, was not right. You solved this exercise earlier, on attempt 1.',
    });
  });

  it('calls a right last answer right', () => {
    expect(restoredFeedback(after([false, 'x'], [true, 'g - g^2']), { sameNumbers: true }).status).toBe('correct');
  });

  it('says nothing about an answer given for other numbers, beyond the earlier solve', () => {
    expect(restoredFeedback(after([true, '0.25']), { sameNumbers: false })).toEqual({
      status: 'saved',
      text: 'You solved this exercise earlier, on attempt 1. These numbers are new to you.',
    });
    expect(restoredFeedback(after([false, '0.3']), { sameNumbers: false })).toEqual({ status: '', text: '' });
  });

  it('restores a version-1 answer as a draft, under no verdict', () => {
    expect(restoredFeedback(entryStatus(undefined), { draft: 'g(1-g)', sameNumbers: true }).status).toBe('saved');
    expect(restoredFeedback(entryStatus(undefined), { sameNumbers: true })).toEqual({ status: '', text: '' });
  });
});
