import { describe, expect, it } from 'vitest';
import { describeLessonProgress, summariseCourse } from '../../src/progress/index.ts';
import type { ProgressEntry } from '../../src/progress/index.ts';

const AT = '2026-11-24T06:00:00.000Z';
/** An entry whose first correct attempt scores `score` (1, 0.8, 0.6…: that many wrong attempts before it). */
const entry = (correct: boolean, score: number, attempts = 1): ProgressEntry => {
  const wrongBefore = correct ? Math.round((1 - score) / 0.2) : attempts;
  return {
    attempts: [
      ...Array.from({ length: wrongBefore }, () => ({ correct: false, hints: 0, at: AT })),
      ...(correct ? [{ correct: true, hints: 0, at: AT }] : []),
    ],
    omitted: 0,
    hintsUsed: 0,
    updatedAt: AT,
  };
};

const lessons = [
  { id: 'sigmoid', title: 'Sigmoid', exerciseIds: ['s-1', 's-2'] },
  { id: 'tanh', title: 'Tanh', exerciseIds: ['t-1', 't-2', 't-3'] },
  { id: 'relu', title: 'ReLU', exerciseIds: ['r-1'] },
];

describe('summariseCourse', () => {
  it('starts with nothing done and the first lesson next', () => {
    const course = summariseCourse(lessons, {});
    expect(course.lessons.map((l) => l.status)).toEqual(['not-started', 'not-started', 'not-started']);
    expect(course.next?.id).toBe('sigmoid');
    expect([course.solved, course.total]).toEqual([0, 6]);
  });

  it('counts solved and attempted exercises, averages scores over all exercises, and points at the first unfinished lesson', () => {
    const course = summariseCourse(lessons, {
      's-1': entry(true, 1),
      's-2': entry(true, 0.6),
      't-1': entry(false, 0, 2),
      'r-1': entry(true, 0.8),
      'gone-exercise': entry(true, 1),
    });
    const [sigmoid, tanh, relu] = course.lessons;
    expect(sigmoid).toMatchObject({ status: 'complete', solved: 2, attempted: 2 });
    expect(sigmoid?.score).toBeCloseTo(0.8, 12);
    expect(tanh).toMatchObject({ status: 'in-progress', solved: 0, attempted: 1, score: 0 });
    expect(relu).toMatchObject({ status: 'complete', solved: 1 });
    expect(course.next?.id).toBe('tanh');
    expect([course.solved, course.total]).toEqual([3, 6]);
  });

  it('has nothing next when every lesson is complete', () => {
    const all = Object.fromEntries(lessons.flatMap((l) => l.exerciseIds.map((id) => [id, entry(true, 1)])));
    expect(summariseCourse(lessons, all).next).toBeUndefined();
  });

  it('ignores entries named like object properties', () => {
    const course = summariseCourse([{ id: 'x', title: 'X', exerciseIds: ['constructor', 'to-string'] }], {});
    expect(course.lessons[0]).toMatchObject({ attempted: 0, solved: 0, status: 'not-started' });
  });
});

describe('describeLessonProgress', () => {
  it.each([
    [{ status: 'not-started', total: 5, solved: 0, score: 0 }, 'Not started · 5 exercises'],
    [{ status: 'in-progress', total: 5, solved: 2, score: 0.36 }, 'In progress · 2 of 5 exercises solved · score 36%'],
    [{ status: 'complete', total: 5, solved: 5, score: 0.9 }, 'Complete · all 5 exercises solved · score 90%'],
  ] as const)('%o → %s', (lesson, text) => {
    expect(describeLessonProgress({ id: 'l', title: 'L', attempted: lesson.solved, ...lesson })).toBe(text);
  });
});
