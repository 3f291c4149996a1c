import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { instantiate } from '../../components/exercise/instantiate.ts';
import type { Exercise } from '../../src/content/exercise-schema.ts';
import { sameNumbers } from '../../src/progress/index.ts';
import { loadExercises } from './load-exercises.ts';

// Saved progress says "your last answer, restored here, was right" only for the numbers it was
// graded on: the same seed and the same `revision` of the exercise. So whenever a change makes a
// seed draw other numbers, or changes the key, the exercise's revision must go up. This test keeps,
// for every exercise, what a student's answer was graded against (the drawn values and the key at a
// few seeds) with the revision, and fails when that changes at the same revision.
//
// After raising a revision: UPDATE_NUMBERS=1 npx vitest run test/exercises/numbers-revision.test.ts

const SNAPSHOT = 'test/exercises/numbers-revision.json';
/** The default seed and the first practice seeds: enough to see a change to the draws. */
const SEEDS = ['1', '2', '3', '4', '5'];

/** What an answer is graded against at one seed: the drawn values and the key (or the right choices, the step count). */
function gradedAgainst(exercise: Exercise, seed: string): string {
  const { values, exercise: shown } = instantiate(exercise, seed);
  const key =
    shown.kind === 'expression' || shown.kind === 'numeric'
      ? shown.answer
      : shown.kind === 'choice'
        ? `choices ${String(shown.choices.length)}, right ${shown.choices.flatMap((c, i) => (c.correct ? [i] : [])).join(',')}`
        : `steps ${String(shown.steps.length)}`;
  return `${JSON.stringify(values)} → ${key}`;
}

interface Entry {
  revision: number;
  graded: Record<string, string>;
}

const now: Record<string, Entry> = Object.fromEntries(
  loadExercises().map(({ exercise }) => [
    exercise.id,
    { revision: exercise.revision ?? 1, graded: Object.fromEntries(SEEDS.map((s) => [s, gradedAgainst(exercise, s)])) },
  ]),
);

if (process.env['UPDATE_NUMBERS'] === '1') writeFileSync(SNAPSHOT, `${JSON.stringify(now, null, 2)}\n`);
const saved = (existsSync(SNAPSHOT) ? JSON.parse(readFileSync(SNAPSHOT, 'utf8')) : {}) as Record<string, Entry>;

describe('an exercise’s revision follows its numbers and its key', () => {
  it('every exercise is in the snapshot', () => {
    expect(Object.keys(now).filter((id) => saved[id] === undefined)).toEqual([]);
  });

  it('no exercise draws other numbers or has another key at the same revision', () => {
    const changed = Object.entries(now).flatMap(([id, entry]) => {
      const before = saved[id];
      if (before === undefined) return [];
      if (entry.revision < before.revision)
        return [`${id}: revision went down (${before.revision} → ${entry.revision})`];
      if (entry.revision > before.revision)
        return [`${id}: revision raised to ${entry.revision}; update the snapshot (UPDATE_NUMBERS=1)`];
      return SEEDS.filter((s) => entry.graded[s] !== before.graded[s]).map(
        (s) =>
          `${id} at seed ${s}: ${before.graded[s] ?? '?'} became ${entry.graded[s] ?? '?'}; raise its revision to ${entry.revision + 1}`,
      );
    });
    expect(changed).toEqual([]);
  });
});

describe('saved answers and revisions', () => {
  const at = '2026-12-01T10:00:00.000Z';
  it('an answer graded on revision 1 is not for the numbers of revision 2, with the seed the same', () => {
    const old = { correct: true, hints: 0, at, answer: '0.5' };
    expect(sameNumbers(old, {})).toBe(true);
    expect(sameNumbers(old, { revision: 2 })).toBe(false);
    expect(sameNumbers({ ...old, revision: 2 }, { revision: 2 })).toBe(true);
    expect(sameNumbers({ ...old, seed: '7', revision: 2 }, { revision: 2 })).toBe(false);
    expect(sameNumbers({ ...old, seed: '7', revision: 2 }, { seed: '7', revision: 2 })).toBe(true);
  });
});
