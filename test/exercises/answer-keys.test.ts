import { describe, expect, it } from 'vitest';
import { activations } from '../../src/math/index.ts';
import { parse, evaluate } from '../../src/symbolic/index.ts';
import type { Exercise } from '../../src/content/exercise-schema.ts';
import { gradeExercise, numericKey } from '../../components/exercise/grade-exercise.ts';
import { fill, instantiate } from '../../components/exercise/instantiate.ts';
import { draws, loadExercises } from './load-exercises.ts';
import { STUDENT_ANSWERS } from './student-answers.ts';
import { relativeError } from '../support/float.ts';

/**
 * Every exercise's key, checked through the same glue the page uses (gradeExercise → src/grading):
 * for several seeds of each parameterised exercise, the reference parses and grades correct against
 * itself, each `accept` form grades correct, each listed mistake grades incorrect with its own
 * feedback; numeric keys are finite and agree with the math core; choice and order specs are sound.
 */
const all = loadExercises();
/** Seeds per exercise: the page default and a few others, so every branch of a parameter is likely exercised. */
const SEEDS = ['1', '2', '3', '7', 'share-me', '2026'];

const instances = (exercise: Exercise) =>
  (exercise.params === undefined ? ['1'] : SEEDS).map((seed) => ({ seed, ...instantiate(exercise, seed) }));

const byKind = <K extends Exercise['kind']>(kind: K) =>
  all.filter((e): e is { lesson: string; exercise: Extract<Exercise, { kind: K }> } => e.exercise.kind === kind);

const expressionCases = byKind('expression').map(({ lesson, exercise }) => ({
  name: `${lesson}/${exercise.id}`,
  exercise,
}));
const numericCases = byKind('numeric').map(({ lesson, exercise }) => ({ name: `${lesson}/${exercise.id}`, exercise }));
const choiceCases = byKind('choice').map(({ lesson, exercise }) => ({ name: `${lesson}/${exercise.id}`, exercise }));
const orderCases = byKind('order').map(({ lesson, exercise }) => ({ name: `${lesson}/${exercise.id}`, exercise }));

describe('expression exercises', () => {
  it.each(expressionCases)('$name: reference parses and grades correct', ({ exercise }) => {
    for (const { seed, exercise: e } of instances(exercise)) {
      if (e.kind !== 'expression') throw new Error('kind changed');
      const symbols = Object.keys(e.define ?? {});
      const parsed = parse(e.answer, { symbols });
      expect(parsed.ok, `seed ${seed}: ${e.answer} ${parsed.ok ? '' : parsed.error.message}`).toBe(true);
      const verdict = gradeExercise(e, { kind: 'text', text: e.answer });
      expect(verdict.status, `seed ${seed}: ${verdict.feedback}`).toBe('correct');
    }
  });

  it.each(expressionCases.filter((c) => c.exercise.accept.length > 0))(
    '$name: every accepted form grades correct',
    ({ exercise }) => {
      for (const { seed, exercise: e } of instances(exercise)) {
        if (e.kind !== 'expression') throw new Error('kind changed');
        for (const form of e.accept) {
          const verdict = gradeExercise(e, { kind: 'text', text: form });
          expect(verdict.status, `seed ${seed}: "${form}": ${verdict.feedback}`).toBe('correct');
        }
      }
    },
  );

  it.each(expressionCases.filter((c) => c.exercise.mistakes.length > 0))(
    '$name: every listed mistake grades incorrect with its feedback',
    ({ exercise }) => {
      for (const { seed, exercise: e } of instances(exercise)) {
        if (e.kind !== 'expression') throw new Error('kind changed');
        for (const mistake of e.mistakes) {
          const verdict = gradeExercise(e, { kind: 'text', text: mistake.expression });
          expect(verdict.status, `seed ${seed}: "${mistake.expression}"`).toBe('incorrect');
          expect(verdict.feedback, `seed ${seed}: "${mistake.expression}"`).toContain(mistake.feedback);
        }
      }
    },
  );

  it('has at least two mistakes or accepted forms per exercise, so keys are really exercised', () => {
    for (const { exercise } of expressionCases)
      expect(exercise.accept.length + exercise.mistakes.length).toBeGreaterThanOrEqual(2);
  });
});

describe('numeric exercises', () => {
  it.each(numericCases)('$name: the key is finite, grades correct, and a wrong number does not', ({ exercise }) => {
    for (const { seed, exercise: e } of instances(exercise)) {
      if (e.kind !== 'numeric') throw new Error('kind changed');
      const key = numericKey(e);
      expect(Number.isFinite(key), `seed ${seed}`).toBe(true);
      expect(gradeExercise(e, { kind: 'text', text: String(key) }).status, `seed ${seed}: ${key}`).toBe('correct');
      // Far off in every tolerance: the key plus 10% of itself plus one.
      const wrong = key + 0.1 * Math.abs(key) + 1;
      expect(gradeExercise(e, { kind: 'text', text: String(wrong) }).status, `seed ${seed}: ${wrong}`).toBe(
        'incorrect',
      );
    }
  });

  it.each(numericCases.filter((c) => c.exercise.check !== undefined))(
    '$name: the key matches the math core',
    ({ exercise }) => {
      for (const { seed, exercise: e } of instances(exercise)) {
        if (e.kind !== 'numeric' || e.check === undefined) throw new Error('no check');
        const value = (text: string | number) => {
          if (typeof text === 'number') return text;
          const parsed = parse(text);
          if (!parsed.ok) throw new Error(`${text}: ${parsed.error.message}`);
          return evaluate(parsed.tree, {});
        };
        const at = value(e.check.at);
        const params = Object.fromEntries(Object.entries(e.check.params ?? {}).map(([k, v]) => [k, value(v)]));
        const entry = activations[e.check.activation];
        const expected = e.check.of === 'value' ? entry.value(at, params) : entry.derivative(at, params);
        expect(relativeError(numericKey(e), expected), `seed ${seed}: at ${at}`).toBeLessThan(1e-12);
      }
    },
  );

  /**
   * Keys that are not one registry value (a chain of factors, a sum over a layer, a root) are
   * checked against the same quantity computed here in plain JavaScript, apart from the parser and
   * evaluator the key goes through. `v` holds the drawn parameters.
   */
  const s = (z: number) => 1 / (1 + Math.exp(-z));
  const ds = (z: number) => s(z) * (1 - s(z));
  const independent: Record<string, (v: Readonly<Record<string, number>>) => number> = {
    'leaky-relu-backprop': (v) => (v['up'] ?? NaN) * 0.01,
    'prelu-layer-gradient': () => 0.3 * -2 + -1 * 0 + 2 * -0.5,
    'stacked-sigmoid-bound': (v) => 0.25 ** (v['n'] ?? NaN),
    'relu-backprop-gradient': (v) => ((v['z0'] ?? NaN) > 0 ? (v['up'] ?? NaN) : 0),
    // σ′(z) = 1/8 at z = 2·artanh(√½).
    'sigmoid-half-slope': () => 2 * Math.atanh(Math.SQRT1_2),
    'float-overflow-threshold': () => Math.log(Number.MAX_VALUE),
    'one-minus-sigmoid-true-value': () => 1 / (1 + Math.exp(40)),
    'bce-gradient-saturated': () => s(-10) - 1,
    'mse-gradient-saturated': () => 2 * (s(-10) - 1) * ds(-10),
    'sigmoid-stack-product': () => ds(0) * ds(1) * ds(-1) * ds(2),
    'tanh-slope-from-output': (v) => 1 - (v['g'] ?? NaN) ** 2,
    'slope-of-square': (v) => 2 * (v['z0'] ?? NaN),
    // Output layers: plain-JavaScript sigmoid and softmax.
    'gradient-ratio-saturated': (v) => (s(v['z0'] ?? NaN) - 1) / (2 * (s(v['z0'] ?? NaN) - 1) * ds(v['z0'] ?? NaN)),
    // max over a ∈ (0, 1) of 2a(1 − a)², at a = 1/3.
    'squared-error-largest-gradient': () => 2 * (1 / 3) * (2 / 3) ** 2,
    'softmax-jacobian-off-diagonal': (v) => {
      const e = [Math.exp(v['c'] ?? NaN), 1, Math.exp(-1)];
      const total = e.reduce((a, b) => a + b, 0);
      return -((e[0] ?? NaN) / total) * ((e[1] ?? NaN) / total);
    },
    'softmax-cross-entropy-gradient': (v) => {
      const e = [Math.exp(v['c'] ?? NaN), Math.E, 1];
      return (e[0] ?? NaN) / e.reduce((a, b) => a + b, 0) - 1;
    },
    'softmax-cross-entropy-other-class': () => Math.E / (Math.exp(2) + Math.E + 1),
    'sigmoid-neuron-gradient': (v) => {
      const w = v['w'] ?? NaN;
      const x = v['x'] ?? NaN;
      return (s(w * x) - 1) * ds(w * x) * x;
    },
    'upstream-times-slope': (v) => (v['up'] ?? NaN) * ds(v['z0'] ?? NaN),
    // Lessons 10 and 11 (backprop through a layer, initialisation).
    'backprop-neuron-bias-gradient': (v) => {
      const a = Math.tanh(v['z0'] ?? NaN);
      return (a - (v['y'] ?? NaN)) * (1 - a * a);
    },
    'backprop-two-unit-delta': (v) => (v['v1'] ?? NaN) * -0.3 * (1 - Math.tanh(v['z1'] ?? NaN) ** 2),
    // δ₁ ≈ −0.2285 is the table's (test/numerics/backprop-example.test.ts checks the rounding).
    'backprop-two-unit-weight': (v) => -0.2285 * (v['x2'] ?? NaN),
    'backprop-relu-layer-delta': (v) => ((v['z2'] ?? NaN) > 0 ? -0.9 : 0),
    'backprop-central-difference': (v) => {
      const z = v['z0'] ?? NaN;
      return (Math.tanh(z + 0.1) - Math.tanh(z - 0.1)) / 0.2;
    },
    'backprop-kink-central-difference': (v) => {
      const z = v['z0'] ?? NaN;
      return (Math.max(z + 0.01, 0) - Math.max(z - 0.01, 0)) / 0.02;
    },
    'init-variance-numeric': (v) => (v['n'] ?? NaN) * 0.01 * (v['m'] ?? NaN),
    'init-relu-second-moment': (v) => (v['q'] ?? NaN) / 2,
    'init-he-variance': (v) => 2 / (v['n'] ?? NaN),
    'init-leaky-he': (v) => 2 / ((1 + (v['a'] ?? NaN) ** 2) * (v['n'] ?? NaN)),
    'init-sigmoid-xavier-factor': () => 1 / 16,
    'init-relu-xavier-depth': (v) => 0.5 ** (v['L'] ?? NaN),
    'init-standard-normal-relu': (v) => (v['n'] ?? NaN) / 2,
  };

  it('cross-checks every numeric key: against the math core, or against an independent formula', () => {
    const unchecked = numericCases
      .filter((c) => c.exercise.check === undefined && independent[c.exercise.id] === undefined)
      .map((c) => c.name);
    expect(unchecked).toEqual([]);
  });

  it.each(numericCases.filter((c) => independent[c.exercise.id] !== undefined))(
    '$name: the key matches an independent computation',
    ({ exercise }) => {
      for (const { seed, values, exercise: e } of instances(exercise)) {
        if (e.kind !== 'numeric') throw new Error('not numeric');
        const expected = independent[exercise.id]?.(values) ?? NaN;
        expect(Math.abs(numericKey(e) - expected), `seed ${seed}`).toBeLessThanOrEqual(
          1e-12 * Math.max(1, Math.abs(expected)),
        );
      }
    },
  );
});

describe('choice exercises', () => {
  it.each(choiceCases)('$name: has a correct option, and only the correct set grades correct', ({ exercise }) => {
    const correct = exercise.choices.flatMap((c, i) => (c.correct ? [i] : []));
    expect(correct.length).toBeGreaterThanOrEqual(1);
    if (!exercise.multiple) expect(correct).toHaveLength(1);
    expect(gradeExercise(exercise, { kind: 'choice', selected: correct }).status).toBe('correct');
    exercise.choices.forEach((choice, i) => {
      if (choice.correct) return;
      const verdict = gradeExercise(exercise, { kind: 'choice', selected: exercise.multiple ? [...correct, i] : [i] });
      expect(verdict.status).toBe('incorrect');
      expect(verdict.feedback).toContain(choice.feedback);
    });
    expect(gradeExercise(exercise, { kind: 'choice', selected: [] }).status).toBe('invalid');
  });
});

describe('order exercises', () => {
  it.each(orderCases)('$name: has at least three distinct steps, starts shuffled, and grades', ({ exercise }) => {
    expect(exercise.steps.length).toBeGreaterThanOrEqual(3);
    expect(new Set(exercise.steps).size).toBe(exercise.steps.length);
    for (const seed of SEEDS) {
      const { order } = instantiate(exercise, seed);
      expect([...order].sort()).toEqual(exercise.steps.map((_, i) => i));
      expect(order).not.toEqual(exercise.steps.map((_, i) => i));
      expect(gradeExercise(exercise, { kind: 'order', order }).status).toBe('incorrect');
    }
    expect(gradeExercise(exercise, { kind: 'order', order: exercise.steps.map((_, i) => i) }).status).toBe('correct');
  });
});

describe("students' answers to lessons 9–11 (test/exercises/student-answers.ts)", () => {
  const byId = new Map(all.map(({ exercise }) => [exercise.id, exercise]));

  it.each(STUDENT_ANSWERS.map((c) => [c.exercise, c.answer, c.slip, c] as const))(
    '%s: %s (%s)',
    (id, answer, _slip, c) => {
      const exercise = byId.get(id);
      if (exercise === undefined) throw new Error(`no exercise ${id}`);
      const chosen = draws(exercise).filter(({ values }) =>
        Object.entries(c.where ?? {}).every(([k, v]) => values[k] === v),
      );
      expect(chosen.length, `no draw of ${id} has ${JSON.stringify(c.where)}`).toBeGreaterThan(0);
      for (const { values, exercise: e } of chosen) {
        const text = fill(answer, values, true);
        const verdict = gradeExercise(e, { kind: 'text', text });
        const at = `${JSON.stringify(values)}: "${text}" → ${verdict.feedback}`;
        expect(verdict.status, at).toBe(c.expect);
        if (c.feedback !== undefined) expect(verdict.feedback, at).toContain(c.feedback);
        if (c.not !== undefined) expect(verdict.feedback, at).not.toMatch(c.not);
      }
    },
  );
});
