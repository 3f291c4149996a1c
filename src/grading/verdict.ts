import type { Counterexample } from './equivalent.ts';

/** `invalid`: the input could not be read (costs no attempt); otherwise right or wrong. */
export type GradeStatus = 'correct' | 'incorrect' | 'invalid';

/** Which rule produced an `incorrect` verdict for an expression answer. */
export type MistakeKind =
  | 'listed'
  | 'sign'
  | 'factor-2'
  | 'factor-half'
  | 'half-positive'
  | 'half-negative'
  | 'undefined'
  | 'imprecise'
  | 'counterexample';

/** A verdict with feedback written for the student. */
export interface GradeResult {
  readonly status: GradeStatus;
  readonly feedback: string;
  /**
   * For `invalid`: a stable code — the parser's (`unknown-name`, `invisible-character`, …) or
   * `undecided` when the checker could not confirm an answer it could read.
   */
  readonly code?: string;
  /** For `invalid` text: the 0-based index where the problem is, to place a caret. */
  readonly position?: number;
  /** For an `incorrect` expression: which detector fired. */
  readonly mistake?: MistakeKind;
  /** For an `incorrect` expression: a point where it differs (`left` = the answer, `right` = the reference). */
  readonly counterexample?: Counterexample;
}
