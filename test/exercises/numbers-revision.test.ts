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

/**
 * What an answer is graded against at one seed: the drawn values and the key with what decides a
 * verdict (a numeric key's tolerance; an expression key's symbols and whether z may appear), or the
 * right choices, or the step count.
 */
function gradedAgainst(exercise: Exercise, seed: string): string {
  const { values, exercise: shown } = instantiate(exercise, seed);
  const key =
    shown.kind === 'numeric'
      ? JSON.stringify({ answer: shown.answer, tolerance: shown.tolerance })
      : shown.kind === 'expression'
        ? JSON.stringify({ answer: shown.answer, define: shown.define, withoutVariable: shown.withoutVariable })
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
const saved = (existsSync(SNAPSHOT) ? JSON.parse(readFileSync(SNAPSHOT, 'utf8')) : {}) as Record<string, Entry>;

/** Exercises graded against something else now, at the revision they have in the snapshot. */
const unrevised = Object.entries(now).flatMap(([id, entry]) => {
  const before = saved[id];
  if (before === undefined || entry.revision !== before.revision) return [];
  return SEEDS.filter((s) => entry.graded[s] !== before.graded[s]).map(
    (s) =>
      `${id} at seed ${s}: ${before.graded[s] ?? '?'} became ${entry.graded[s] ?? '?'}; raise its revision to ${String(entry.revision + 1)}`,
  );
});
// Updating writes new exercises and raised revisions, never a change at the same revision.
if (process.env['UPDATE_NUMBERS'] === '1' && unrevised.length === 0)
  writeFileSync(SNAPSHOT, `${JSON.stringify(now, null, 2)}\n`);
const current = process.env['UPDATE_NUMBERS'] === '1' && unrevised.length === 0 ? now : saved;

describe('an exercise’s revision follows its numbers and its key', () => {
  it('every exercise is in the snapshot', () => {
    expect(Object.keys(now).filter((id) => current[id] === undefined)).toEqual([]);
  });

  it('no exercise draws other numbers or has another key at the same revision', () => {
    expect(unrevised).toEqual([]);
  });

  it('the snapshot has every exercise at its revision (a raised one is written by UPDATE_NUMBERS=1)', () => {
    const stale = Object.entries(now).flatMap(([id, entry]) => {
      const before = current[id];
      if (before === undefined || entry.revision === before.revision) return [];
      return entry.revision < before.revision
        ? [`${id}: revision went down (${String(before.revision)} → ${String(entry.revision)})`]
        : [`${id}: revision raised to ${String(entry.revision)}; update the snapshot (UPDATE_NUMBERS=1)`];
    });
    expect(stale).toEqual([]);
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
    // The default seed written out (a `?seed=1` link) is the default numbers.
    expect(sameNumbers({ ...old, seed: '1' }, {})).toBe(true);
    expect(sameNumbers(old, { seed: '1' })).toBe(true);
    expect(sameNumbers({ ...old, seed: '1' }, { seed: '2' })).toBe(false);
  });
});
