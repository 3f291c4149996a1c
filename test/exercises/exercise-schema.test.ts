import { describe, expect, it } from 'vitest';
import { exerciseFileSchema, exerciseSchema } from '../../src/content/exercise-schema.ts';
import { lessonIds, loadExercises, readExerciseFiles } from './load-exercises.ts';

const base = { id: 'an-exercise', prompt: 'What is $x$?', hints: ['Look.'], solution: 'It is $x$.', objectives: [1] };
const valid = {
  expression: { ...base, kind: 'expression', answer: '2z', label: 'f′(z) =' },
  numeric: { ...base, kind: 'numeric', answer: '1/4', label: 'f′(0) ≈' },
  choice: {
    ...base,
    kind: 'choice',
    choices: [
      { text: 'a', correct: true, feedback: 'Yes.' },
      { text: 'b', correct: false, feedback: 'No.' },
    ],
  },
  order: { ...base, kind: 'order', steps: ['a', 'b', 'c'] },
};

describe('exerciseSchema', () => {
  it.each(Object.entries(valid))('accepts a minimal %s exercise', (_kind, exercise) => {
    expect(exerciseSchema.safeParse(exercise).success).toBe(true);
  });

  it('fills defaults: no accept or mistakes, 3 significant digits, single choice', () => {
    const expression = exerciseSchema.parse(valid.expression);
    expect(expression.kind === 'expression' && [expression.accept, expression.mistakes]).toEqual([[], []]);
    expect(expression.kind === 'expression' && expression.withoutVariable).toBe(false);
    const numeric = exerciseSchema.parse(valid.numeric);
    expect(numeric.kind === 'numeric' && numeric.tolerance).toEqual({ digits: 3 });
    const choice = exerciseSchema.parse(valid.choice);
    expect(choice.kind === 'choice' && choice.multiple).toBe(false);
  });

  it.each([
    ['an unknown kind', { ...valid.expression, kind: 'essay' }],
    ['a misspelt field', { ...valid.expression, answr: '2z' }],
    ['no objectives named', { ...valid.expression, objectives: undefined }],
    ['an objective position of 0', { ...valid.expression, objectives: [0] }],
    ['an expression without a label naming the quantity', { ...valid.expression, label: undefined }],
    ['a label that does not end in = or ≈', { ...valid.expression, label: 'Your answer' }],
    ['a numeric exercise without a label', { ...valid.numeric, label: undefined }],
    ['a non-kebab id', { ...valid.expression, id: 'Sigmoid_1' }],
    ['no hints', { ...valid.expression, hints: [] }],
    ['no solution', { ...valid.expression, solution: undefined }],
    ['an empty answer', { ...valid.expression, answer: '' }],
    ['a mistake without feedback', { ...valid.expression, mistakes: [{ expression: 'z' }] }],
    ['a range parameter with max < min', { ...valid.numeric, params: { z0: { min: 2, max: 1, step: 1 } } }],
    ['a parameter with a zero step', { ...valid.numeric, params: { z0: { min: 0, max: 1, step: 0 } } }],
    ['a parameter with no choices', { ...valid.numeric, params: { z0: { choices: [] } } }],
    ['a bad tolerance field', { ...valid.numeric, tolerance: { percent: 1 } }],
    ['a check of an unknown activation', { ...valid.numeric, check: { activation: 'swishy', at: '0' } }],
    [
      'a choice with no correct option',
      { ...valid.choice, choices: valid.choice.choices.map((c) => ({ ...c, correct: false })) },
    ],
    [
      'a single choice with two correct',
      { ...valid.choice, choices: valid.choice.choices.map((c) => ({ ...c, correct: true })) },
    ],
    ['one option only', { ...valid.choice, choices: valid.choice.choices.slice(0, 1) }],
    ['an order with two steps', { ...valid.order, steps: ['a', 'b'] }],
  ])('refuses %s', (_label, exercise) => {
    expect(exerciseSchema.safeParse(exercise).success).toBe(false);
  });

  it('accepts a multiple-select exercise with two correct options', () => {
    const multiple = {
      ...valid.choice,
      multiple: true,
      choices: valid.choice.choices.map((c) => ({ ...c, correct: true })),
    };
    expect(exerciseSchema.safeParse(multiple).success).toBe(true);
  });
});

describe('exerciseFileSchema', () => {
  const five = (exercise: object) => Array.from({ length: 5 }, (_, i) => ({ ...exercise, id: `e-${i}` }));

  it('accepts five exercises', () => {
    expect(exerciseFileSchema.safeParse({ exercises: five(valid.order) }).success).toBe(true);
  });

  it.each([
    ['four exercises', { exercises: five(valid.order).slice(0, 4) }],
    ['a duplicate id', { exercises: five(valid.order).map((e, i) => (i === 1 ? { ...e, id: 'e-0' } : e)) }],
    [
      'an undeclared placeholder',
      { exercises: [...five(valid.order).slice(1), { ...valid.numeric, id: 'p', answer: '{{z0}}' }] },
    ],
    [
      'an unused parameter',
      { exercises: [...five(valid.order).slice(1), { ...valid.numeric, id: 'p', params: { z0: { choices: [1] } } }] },
    ],
    ['an unknown top-level field', { exercises: five(valid.order), lesson: 'sigmoid' }],
  ])('refuses %s', (_label, file) => {
    expect(exerciseFileSchema.safeParse(file).success).toBe(false);
  });
});

describe('the exercise files in content/exercises', () => {
  const files = readExerciseFiles();
  const all = loadExercises();

  it('exist for exactly the course lessons', () => {
    expect(files.map((f) => f.lesson).sort()).toEqual([...lessonIds].sort());
  });

  it('have ids unique across the whole course (progress is keyed by id alone)', () => {
    const ids = all.map((e) => e.exercise.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each([...lessonIds])('%s has at least five exercises across at least three kinds', (lesson) => {
    const mine = all.filter((e) => e.lesson === lesson);
    expect(mine.length).toBeGreaterThanOrEqual(5);
    expect(new Set(mine.map((e) => e.exercise.kind)).size).toBeGreaterThanOrEqual(3);
  });

  it('use every kind, and both single and multiple choice, across the course', () => {
    const kinds = new Set(
      all.map((e) => (e.exercise.kind === 'choice' && e.exercise.multiple ? 'multiple' : e.exercise.kind)),
    );
    expect([...kinds].sort()).toEqual(['choice', 'expression', 'multiple', 'numeric', 'order']);
  });
});
