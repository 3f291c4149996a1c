import type { Exercise } from '../../src/content/exercise-schema.ts';
// The module itself, not the grading index: the practice page needs the seeded draws at load, not the grader.
import { drawParameters } from '../../src/grading/draw-parameters.ts';
import { formatNumberTeX } from '../../src/grading/format-number.ts';
import { evaluate, parse } from '../../src/symbolic/index.ts';
import { DEFAULT_SEED } from '../../src/progress/default-seed.ts';

/**
 * Exercises with parameters are templates: `{{name}}` placeholders filled with values drawn from a
 * seed. The page seed (from `?seed=`, default {@link DEFAULT_SEED}) is combined with the exercise id,
 * so one seed gives every exercise on a page its own reproducible numbers and a shared link shows
 * the same numbers to everyone.
 */

export { DEFAULT_SEED } from '../../src/progress/default-seed.ts';

/** An exercise with its parameters drawn and every placeholder replaced. */
export interface ExerciseInstance {
  exercise: Exercise;
  /** The drawn values (empty for an exercise without parameters). */
  values: Readonly<Record<string, number>>;
  /** For order exercises: the steps' original indices in display order (shuffled by the seed). */
  order: readonly number[];
}

const PLACEHOLDER = /\{\{([A-Za-z][A-Za-z0-9_]*)\}\}/g;
/** `{{= expression }}`: an expression of the parameters, worked out (text fields only). */
export const COMPUTED = /\{\{=\s*([^}]+?)\s*\}\}/g;

/**
 * Worked numbers in text: each `{{= sigmoid(z0)*(1 - sigmoid(z0)) }}` (written inside `$…$`) becomes
 * the expression's value with the drawn parameters, to 4 significant digits (TeX `× 10^{…}` when small), so a worked solution can show the numbers
 * and not only the formula. An expression that does not parse or is not finite is left as written
 * (the answer-key test fails on it).
 */
export function fillComputed(text: string, values: Readonly<Record<string, number>>): string {
  return text.replace(COMPUTED, (match, expression: string) => {
    const parsed = parse(expression, { symbols: Object.keys(values) });
    if (!parsed.ok) return match;
    const value = evaluate(parsed.tree, values);
    if (!Number.isFinite(value)) return match;
    // Written inside math: 4.54e-5 reads as 4.54 × 10⁻⁵.
    return formatNumberTeX(value, 4);
  });
}

/** A value as short decimal text: 12 significant digits, so 0.1·3 prints as 0.3, not 0.30000000000000004. */
export function formatValue(value: number): string {
  return String(Number(value.toPrecision(12)));
}

/**
 * Replaces `{{name}}` by the value. In answer syntax (`answerSyntax: true`) a negative value is
 * parenthesised, so `z^{{p}}` and `2*{{p}}` stay well-formed; in text and TeX it is printed as is.
 */
export function fill(text: string, values: Readonly<Record<string, number>>, answerSyntax: boolean): string {
  return text.replace(PLACEHOLDER, (match, name: string) => {
    const value = values[name];
    if (value === undefined) return match;
    const printed = formatValue(value);
    return answerSyntax && value < 0 ? `(${printed})` : printed;
  });
}

/** The seed of one exercise on a page: the page seed and the exercise id together. */
export function exerciseSeed(pageSeed: string, id: string): string {
  return `${pageSeed}:${id}`;
}

/** Draws the parameters of `exercise` for the page seed and fills every placeholder. */
export function instantiate(exercise: Exercise, pageSeed: string = DEFAULT_SEED): ExerciseInstance {
  const seed = exerciseSeed(pageSeed, exercise.id);
  const values: Readonly<Record<string, number>> = exercise.params ? drawParameters(seed, exercise.params) : {};
  const text = (s: string) => fill(fillComputed(s, values), values, false);
  const answer = (s: string) => fill(s, values, true);
  const common = { prompt: text(exercise.prompt), hints: exercise.hints.map(text), solution: text(exercise.solution) };
  switch (exercise.kind) {
    case 'expression':
      return {
        values,
        order: [],
        exercise: {
          ...exercise,
          ...common,
          answer: answer(exercise.answer),
          accept: exercise.accept.map(answer),
          mistakes: exercise.mistakes.map((m) => ({ expression: answer(m.expression), feedback: text(m.feedback) })),
          ...(exercise.define
            ? { define: Object.fromEntries(Object.entries(exercise.define).map(([k, v]) => [k, answer(v)])) }
            : {}),
        },
      };
    case 'numeric':
      return {
        values,
        order: [],
        exercise: {
          ...exercise,
          ...common,
          answer: answer(exercise.answer),
          ...(exercise.check
            ? {
                check: {
                  ...exercise.check,
                  at: answer(exercise.check.at),
                  ...(exercise.check.params
                    ? {
                        params: Object.fromEntries(
                          Object.entries(exercise.check.params).map(([k, v]) => [
                            k,
                            typeof v === 'number' ? v : answer(v),
                          ]),
                        ),
                      }
                    : {}),
                },
              }
            : {}),
        },
      };
    case 'choice':
      return {
        values,
        order: [],
        exercise: {
          ...exercise,
          ...common,
          choices: exercise.choices.map((c) => ({ ...c, text: text(c.text), feedback: text(c.feedback) })),
        },
      };
    case 'order':
      return {
        values,
        order: shuffledOrder(exercise.steps.length, seed),
        exercise: { ...exercise, ...common, steps: exercise.steps.map(text) },
      };
  }
}

/**
 * A seeded permutation of 0…n−1 (Fisher–Yates) that is never the identity for n ≥ 2, so an
 * order-the-steps exercise never starts solved.
 */
export function shuffledOrder(n: number, seed: string): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  // Swap partner j_i uniform on 0…i, drawn by the grading layer's seeded drawParameters.
  const swaps = drawParameters(
    `${seed}:shuffle`,
    Object.fromEntries(order.slice(1).map((i) => [`j${i}`, { min: 0, max: i, step: 1 }])),
  );
  for (let i = n - 1; i > 0; i--) {
    const j = swaps[`j${i}`] ?? i;
    [order[i], order[j]] = [order[j] ?? j, order[i] ?? i];
  }
  if (n >= 2 && order.every((v, i) => v === i)) order.push(order.shift() ?? 0);
  return order;
}

export { pickPractice } from './pick-practice.ts';
