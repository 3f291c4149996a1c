import { describe, expect, it } from 'vitest';
import { examDeadline, examMinutes, timeLeft } from '../../components/exercise/exam-clock.ts';

describe('the exam clock', () => {
  it.each([
    ['?exam=20', 20],
    ['?seed=a&exam=1', 1],
    ['?exam=180', 180],
    ['?exam=0', undefined],
    ['?exam=181', undefined],
    ['?exam=1e3', undefined],
    ['?exam=-5', undefined],
    ['?exam=', undefined],
    ['?seed=a', undefined],
  ])('reads %s as %s minutes', (search, minutes) => {
    expect(examMinutes(search)).toBe(minutes);
  });

  it('keeps a stored deadline across a reload, and refuses a stored one that is later than asked or stale', () => {
    const now = 1_000_000_000_000;
    expect(examDeadline(String(now + 60_000), 20, now)).toBe(now + 60_000);
    expect(examDeadline(String(now + 21 * 60_000), 20, now)).toBe(now + 20 * 60_000);
    expect(examDeadline(String(now - 2 * 24 * 3_600_000), 20, now)).toBe(now + 20 * 60_000);
    expect(examDeadline('soon', 20, now)).toBe(now + 20 * 60_000);
    expect(examDeadline(null, 20, now)).toBe(now + 20 * 60_000);
  });

  it.each([
    [20 * 60_000, '20:00 left'],
    [61_500, '1:02 left'],
    [999, '0:01 left'],
    [0, '0:00 left'],
    [-5_000, '0:00 left'],
  ])('%i ms before the deadline reads %s', (ms, text) => {
    expect(timeLeft(ms, 0)).toBe(text);
  });
});
