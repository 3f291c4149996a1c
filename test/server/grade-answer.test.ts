import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../server/csv.ts';
import { gradeAnswer } from '../../server/grade-answer.ts';
import { catalog } from './classroom-app.ts';
import { numericKey } from '../../components/exercise/grade-exercise.ts';
import { instantiate } from '../../components/exercise/instantiate.ts';
import type { NumericExercise } from '../../src/content/exercise-schema.ts';

const exercise = (id: string) => {
  const entry = catalog.get(id);
  if (!entry) throw new Error(`no exercise ${id}`);
  return entry.exercise;
};

describe('gradeAnswer', () => {
  it.each([
    ['-1/(1+exp(-z))^2', 'listed:1', /^You have the outer derivative/],
    ['-exp(-z)/(1+exp(-z))^2', 'listed:0', /^Check the sign/],
    ['2*exp(-z)/(1+exp(-z))^2', 'factor-2', /^twice the answer/],
    ['exp(-z)/(1+exp(-z))^3', 'counterexample', /^a different function/],
  ])('names the mistake of %s as %s', (answer, key, name) => {
    const verdict = gradeAnswer(exercise('sigmoid-derivative-in-z'), '1', answer);
    expect(verdict.status).toBe('incorrect');
    expect(verdict.mistakeKey).toBe(key);
    expect(verdict.mistakeName).toMatch(name);
  });

  it('gives a right or unreadable answer no mistake', () => {
    expect(gradeAnswer(exercise('sigmoid-derivative-in-z'), '1', 'sigmoid(z)*(1-sigmoid(z))')).toMatchObject({
      status: 'correct',
      mistakeKey: null,
    });
    expect(gradeAnswer(exercise('sigmoid-derivative-in-z'), '1', '(z')).toMatchObject({
      status: 'invalid',
      mistakeKey: null,
    });
  });

  it('grades a seeded exercise for the seed it was asked with', () => {
    const seeded = [...catalog.values()].find((e) => e.exercise.kind === 'numeric' && e.exercise.params)?.exercise;
    if (seeded?.kind !== 'numeric') throw new Error('the course has no seeded numeric exercise');
    const keys = ['1', '2', '3', '4', '5'].map((seed) => ({
      seed,
      key: numericKey(instantiate(seeded, seed).exercise as NumericExercise).toPrecision(8),
    }));
    for (const { seed, key } of keys) expect(gradeAnswer(seeded, seed, key).status, seed).toBe('correct');
    const a = keys[0];
    const b = keys.find((k) => k.key !== a?.key);
    if (!a || !b) throw new Error('five seeds drew the same key');
    expect(gradeAnswer(seeded, b.seed, a.key).status).toBe('incorrect');
  });
});

describe('CSV', () => {
  it('quotes commas, quotes and line breaks, and defuses formula-like cells', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-exp(-z)')).toBe("'-exp(-z)");
    expect(csvField(-2)).toBe('-2');
    expect(csvField(null)).toBe('');
    expect(
      toCsv([
        ['a', 1],
        ['b', null],
      ]),
    ).toBe('a,1\r\nb,\r\n');
  });
});
