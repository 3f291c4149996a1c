import { z } from 'astro/zod';
import { activationIds, kebabId } from './lesson-schema.ts';
import { LABEL_PATTERN } from './exercise-label.ts';
import { MAX_REVISION } from '../progress/progress-schema.ts';

/**
 * Exercises are data: one YAML file per lesson in `content/exercises/<lesson-id>.yaml`, validated
 * by the schemas below (strict: a misspelt field is an error, not silently ignored).
 *
 * Text fields (`prompt`, `hints`, `solution`, `feedback`, `steps`) are plain text with inline math
 * `$…$` and display math `$$…$$`, typeset with KaTeX at build time.
 *
 * Parameters: an exercise may declare `params`; each is drawn from a seed (reproducible and
 * shareable with `?seed=` in the URL). Every `{{name}}` in the prompt, hints, solution, answers,
 * mistakes and choices is replaced by the drawn value: as plain digits in text and TeX, and wrapped
 * in parentheses when negative inside answer-syntax fields (`answer`, `accept`, `mistakes`), so
 * `sigmoid({{z0}})` stays `sigmoid((-1.5))`, which parses. In text fields, `{{= expression }}` (inside
 * math) is an expression of the parameters in the answer syntax, worked out to 4 significant digits,
 * so worked solutions show their numbers: `$\sigma'({{z0}}) \approx {{= sigmoid(z0)*(1 - sigmoid(z0))}}$`.
 */

/** A number range with a step, e.g. `{ min: -3, max: 3, step: 0.5 }`; the drawn value is min + k·step. */
const rangeParam = z
  .object({
    /** Smallest value (inclusive). */
    min: z.number(),
    /** Largest value (inclusive when min + k·step reaches it). */
    max: z.number(),
    /** Grid spacing; positive. */
    step: z.number().positive(),
  })
  .strict()
  .refine((p) => p.max >= p.min, 'max must be at least min');

/** A value picked from a list, e.g. `{ choices: [0.01, 0.1, 0.2] }`. */
const choiceParam = z
  .object({
    /** The values to pick from, at least one. */
    choices: z.array(z.number()).min(1),
  })
  .strict();

/** One parameter's distribution. */
export const paramSpecSchema = z.union([rangeParam, choiceParam]);
export type ParamDistribution = z.infer<typeof paramSpecSchema>;

/** Parameter names look like identifiers so that `{{name}}` placeholders are unambiguous. */
const paramName = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'a parameter name is an identifier such as z0 or a');

/** Answer syntax text (parsed by src/symbolic); at most 500 characters like any answer. */
const answerText = z.string().min(1).max(500);

/** An input's label naming the quantity asked, ending in `=` or `≈` (e.g. `σ′(z) =`). */
const quantityLabel = z
  .string()
  .min(3)
  .max(40)
  .regex(LABEL_PATTERN, 'a label names the quantity asked and ends with = or ≈, e.g. "g′(z) ="');

/** Fields every kind shares. */
const common = {
  /** Stable kebab-case id, unique across the whole course: progress is stored under it, so it never changes. */
  id: kebabId,
  /** The question, with `$inline TeX$`. */
  prompt: z.string().min(5),
  /** Escalating hints, revealed one at a time: the first a nudge, the last nearly the answer. At least one. */
  hints: z.array(z.string().min(3)).min(1),
  /** The worked solution, revealed after a correct answer or after three attempts (and always without JS). */
  solution: z.string().min(5),
  /** Parameters drawn from a seed; see the module comment for `{{name}}` substitution. */
  params: z.record(paramName, paramSpecSchema).optional(),
  /**
   * Which numbers the exercise draws, from 2 up (absent: 1). Raise it whenever a change to `params`
   * or to the drawing makes a seed give other numbers (or the key changes): saved answers recorded
   * for the old numbers are then not called right, nor a repeat, for the new ones. The tests keep a
   * snapshot of every seeded exercise's draws and fail when they change at the same revision.
   */
  revision: z.number().int().min(2).max(MAX_REVISION).optional(),
  /**
   * The lesson objectives this exercise tests, as 1-based positions in the lesson's `objectives`
   * list. Every objective needs at least one exercise (checked by the tests); `[]` marks a review
   * of an earlier lesson's material.
   */
  objectives: z.array(z.number().int().min(1)),
};

/** Type an expression (usually g'(z)); graded by equivalence as functions of z. */
export const expressionExerciseSchema = z
  .object({
    kind: z.literal('expression'),
    ...common,
    /** The reference answer in the answer syntax, e.g. `sigmoid(z)*(1 - sigmoid(z))`. */
    answer: answerText,
    /**
     * Symbols the student may use and what they stand for, e.g. `{ g: 'sigmoid(z)' }` so that
     * `g(1-g)` is accepted. The names are also declared to the parser.
     */
    define: z.record(paramName, answerText).optional(),
    /**
     * The answer must use the defined symbols alone, without z ("write σ′ using only g"): an equal
     * answer in z is then pointed back to the form asked (and costs no attempt). Default false.
     */
    withoutVariable: z.boolean().default(false),
    /** Other correct forms; the answer-key test checks each grades correct. */
    accept: z.array(answerText).default([]),
    /** Typical wrong answers with targeted feedback; the test checks each grades incorrect with it. */
    mistakes: z
      .array(
        z
          .object({
            /** The wrong answer, in the answer syntax. */
            expression: answerText,
            /** What to tell a student who typed it (or anything equivalent to it). */
            feedback: z.string().min(5),
          })
          .strict(),
      )
      .default([]),
    /**
     * Label of the input: the quantity asked, then `=`, e.g. `g′(z) =` or `g(z) =`. Feedback names
     * the quantity from it ("At z = −1 your answer gives 0; g(z) there is −0.01"), so it is required.
     */
    label: quantityLabel,
  })
  .strict();

/** Type a number (a decimal, `1.05e-1` or a fraction such as `1/4`); graded within a tolerance. */
export const numericExerciseSchema = z
  .object({
    kind: z.literal('numeric'),
    ...common,
    /**
     * The key as an expression without z to evaluate, so keys come from the math, e.g.
     * `sigmoid(2)*(1 - sigmoid(2))`; never a hand-typed decimal.
     */
    answer: answerText,
    /**
     * Accepted error: `digits` significant digits (|x − key| ≤ ½·10^(e−digits+1) with e the key's
     * decimal exponent), or an explicit `relative`/`absolute` error. Default: 3 significant digits.
     */
    tolerance: z
      .object({
        digits: z.number().int().min(1).max(15).optional(),
        relative: z.number().positive().optional(),
        absolute: z.number().positive().optional(),
      })
      .strict()
      .default({ digits: 3 }),
    /**
     * Cross-check of the key against the math core: the key must equal
     * `activations[activation].derivative(at, params)` (or `.value` with `of: value`).
     */
    check: z
      .object({
        activation: z.enum(activationIds),
        /** What the key is: the derivative (default) or the value at `at`. */
        of: z.enum(['derivative', 'value']).default('derivative'),
        /** The point, as an expression (placeholders allowed), e.g. `{{z0}}`. */
        at: answerText,
        /** Parameter values for the registry entry, as numbers or expressions (placeholders allowed). */
        params: z.record(z.string(), z.union([z.number(), answerText])).optional(),
      })
      .strict()
      .optional(),
    /** Label of the input: the quantity asked, then `=` or `≈`, e.g. `σ′(z₀) ≈`. */
    label: quantityLabel,
  })
  .strict();

/** Pick one (`multiple: false`, radio buttons) or all that apply (`multiple: true`, checkboxes). */
export const choiceExerciseSchema = z
  .object({
    kind: z.literal('choice'),
    ...common,
    /** Checkboxes (select all that apply) when true; radio buttons when false. */
    multiple: z.boolean().default(false),
    /** The options in display order. */
    choices: z
      .array(
        z
          .object({
            /** Shown next to the input, with `$TeX$`. */
            text: z.string().min(1),
            /** Whether this option is part of the right answer. */
            correct: z.boolean(),
            /** Why this option is right or wrong, shown after the student checks it. */
            feedback: z.string().min(3),
          })
          .strict(),
      )
      .min(2),
  })
  .strict()
  .superRefine((exercise, ctx) => {
    const correct = exercise.choices.filter((c) => c.correct).length;
    if (correct < 1) ctx.addIssue({ code: 'custom', message: 'a choice exercise needs at least one correct option' });
    if (!exercise.multiple && correct !== 1)
      ctx.addIssue({ code: 'custom', message: 'a single-choice exercise needs exactly one correct option' });
  });

/** Put the lines of a derivation back in order (keyboard operable: move up / move down buttons). */
export const orderExerciseSchema = z
  .object({
    kind: z.literal('order'),
    ...common,
    /** The steps in the right order, each TeX (without `$`). Shown shuffled by the seed. At least three. */
    steps: z.array(z.string().min(1)).min(3),
  })
  .strict();

/** One exercise, discriminated by `kind`. */
export const exerciseSchema = z.discriminatedUnion('kind', [
  expressionExerciseSchema,
  numericExerciseSchema,
  choiceExerciseSchema,
  orderExerciseSchema,
]);

/** A lesson's exercise file: `content/exercises/<lesson-id>.yaml`. */
export const exerciseFileSchema = z
  .object({
    /** The exercises in the order they appear under the lesson's `## Practice` heading; at least five. */
    exercises: z.array(exerciseSchema).min(5),
  })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    for (const exercise of file.exercises) {
      if (seen.has(exercise.id)) ctx.addIssue({ code: 'custom', message: `duplicate exercise id "${exercise.id}"` });
      seen.add(exercise.id);
      checkPlaceholders(exercise, ctx);
    }
  });

/** Every `{{name}}` used must be a declared parameter, and every declared parameter used (also inside `{{= … }}`). */
function checkPlaceholders(exercise: Exercise, ctx: z.RefinementCtx): void {
  const declared = new Set(Object.keys(exercise.params ?? {}));
  const used = new Set<string>();
  for (const m of JSON.stringify(exercise).matchAll(/\{\{([^}]*)\}\}/g)) {
    const inside = m[1] ?? '';
    // `{{= expression }}` (a worked number) uses the parameters it names.
    if (inside.startsWith('='))
      for (const name of inside.match(/[A-Za-z][A-Za-z0-9_]*/g) ?? []) {
        if (declared.has(name)) used.add(name);
      }
    else used.add(inside);
  }
  for (const name of used)
    if (!declared.has(name))
      ctx.addIssue({ code: 'custom', message: `${exercise.id}: placeholder {{${name}}} is not a declared parameter` });
  for (const name of declared)
    if (!used.has(name)) ctx.addIssue({ code: 'custom', message: `${exercise.id}: parameter ${name} is never used` });
}

export type Exercise = z.infer<typeof exerciseSchema>;
export type ExpressionExercise = z.infer<typeof expressionExerciseSchema>;
export type NumericExercise = z.infer<typeof numericExerciseSchema>;
export type ChoiceExercise = z.infer<typeof choiceExerciseSchema>;
export type OrderExercise = z.infer<typeof orderExerciseSchema>;
export type ExerciseFile = z.infer<typeof exerciseFileSchema>;
export type ExerciseKind = Exercise['kind'];
