import type { Exercise, NumericExercise } from '../../src/content/exercise-schema.ts';
import { asksForDerivative, quantityOf } from '../../src/content/exercise-label.ts';
import { grade, gradeChoice, gradeNumeric, gradeOrder, type GradeResult } from '../../src/grading/index.ts';
import type { NumericTolerance } from '../../src/grading/grade-numeric.ts';
import { evaluate, parse } from '../../src/symbolic/index.ts';

/**
 * Glue between an exercise (as authored, after {@link instantiate}) and the grading layer's pure
 * graders: which grader, with which spec. No grading logic lives here.
 */

/** What the student gave: typed text, the selected choice indices, or the steps' indices in their order. */
export type ExerciseResponse =
  | { kind: 'text'; text: string }
  | { kind: 'choice'; selected: readonly number[] }
  | { kind: 'order'; order: readonly number[] };

/** A verdict, plus the choices to mark (choice) or the misplaced positions (order). */
export interface ExerciseVerdict extends GradeResult {
  wrongChoices?: readonly number[];
  missedChoices?: readonly number[];
  wrongPositions?: readonly number[];
}

/**
 * The key of a numeric exercise: its `answer` expression evaluated (it has no z). Throws for a key
 * that does not parse or is not finite, an authoring bug that the answer-key test catches.
 */
export function numericKey(exercise: Pick<NumericExercise, 'id' | 'answer'>): number {
  const parsed = parse(exercise.answer);
  if (!parsed.ok)
    throw new Error(`${exercise.id}: the key "${exercise.answer}" does not parse: ${parsed.error.message}`);
  const value = evaluate(parsed.tree, {});
  if (!Number.isFinite(value)) throw new Error(`${exercise.id}: the key "${exercise.answer}" is not a finite number`);
  return value;
}

/** The grader's tolerance for a numeric exercise (also what its input says it asks for). */
export function numericTolerance(exercise: Pick<NumericExercise, 'tolerance'>): NumericTolerance {
  const { digits, relative, absolute } = exercise.tolerance;
  return {
    ...(digits !== undefined ? { significantDigits: digits } : {}),
    ...(relative !== undefined ? { relative } : {}),
    ...(absolute !== undefined ? { absolute } : {}),
  };
}

/** Grades one response to an instantiated exercise. Never throws for any response. */
export function gradeExercise(exercise: Exercise, response: ExerciseResponse): ExerciseVerdict {
  switch (exercise.kind) {
    case 'expression':
      if (response.kind !== 'text') return mismatch();
      return grade(response.text, {
        reference: exercise.answer,
        ...(exercise.define ? { define: exercise.define } : {}),
        mistakes: exercise.mistakes,
        accept: exercise.accept,
        referenceName: quantityOf(exercise.label),
        derivative: asksForDerivative(exercise.label),
        withoutVariable: exercise.withoutVariable,
      });
    case 'numeric': {
      if (response.kind !== 'text') return mismatch();
      return gradeNumeric(response.text, { value: numericKey(exercise), tolerance: numericTolerance(exercise) });
    }
    case 'choice': {
      if (response.kind !== 'choice') return mismatch();
      const result = gradeChoice(response.selected.map(String), {
        multiple: exercise.multiple,
        choices: exercise.choices.map((c, i) => ({ id: String(i), correct: c.correct, feedback: c.feedback })),
      });
      return { ...result, wrongChoices: result.wrong.map(Number), missedChoices: result.missed.map(Number) };
    }
    case 'order': {
      if (response.kind !== 'order') return mismatch();
      const result = gradeOrder(response.order.map(String), { steps: exercise.steps.map((_, i) => String(i)) });
      return result;
    }
  }
}

const mismatch = (): ExerciseVerdict => ({ status: 'invalid', feedback: 'This answer does not fit the exercise.' });
