import type { GradeResult } from './verdict.ts';

export interface OrderSpec {
  /** The step ids in the right order. */
  readonly steps: readonly string[];
}

export interface OrderResult extends GradeResult {
  /** 0-based positions in the student's order that hold the wrong step. */
  readonly wrongPositions: readonly number[];
}

/**
 * Grades an ordering of steps. `invalid` unless `order` is a permutation of `spec.steps` (each
 * step exactly once). Otherwise correct when identical; else the feedback names the misplaced
 * positions, counted from 1 for the student.
 */
export function gradeOrder(order: readonly string[], spec: OrderSpec): OrderResult {
  const expected = [...spec.steps].sort();
  const given = [...order].sort();
  if (given.length !== expected.length || given.some((id, i) => id !== expected[i])) {
    return { status: 'invalid', feedback: 'Place every step exactly once.', wrongPositions: [] };
  }
  const wrongPositions = order.flatMap((id, i) => (id === spec.steps[i] ? [] : [i]));
  if (wrongPositions.length === 0) return { status: 'correct', feedback: 'Correct.', wrongPositions };
  const shown = wrongPositions.map((i) => String(i + 1));
  const list =
    shown.length === 1
      ? `Step ${shown[0] ?? ''} is`
      : `Steps ${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1] ?? ''} are`;
  return { status: 'incorrect', feedback: `${list} out of place.`, wrongPositions };
}
