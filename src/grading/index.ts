// The grading layer: one equivalence checker, and pure graders that turn answers into verdicts with feedback.
export type { EquivalenceOptions, EquivalenceResult, Counterexample } from './equivalent.ts';
export { equivalent, RELATIVE_TOLERANCE, DERIVATIVE_TOLERANCE } from './equivalent.ts';
export type { GradeStatus, GradeResult, MistakeKind } from './verdict.ts';
export type { ExpressionSpec, GradeExpressionOptions, ListedMistake } from './grade-expression.ts';
export { gradeExpression, grade } from './grade-expression.ts';
export { findKinks } from './find-kinks.ts';
export { samplePoints, FIXED_POINTS } from './sample-points.ts';
export { formatNumber } from './format-number.ts';
export type { NumericSpec, NumericTolerance } from './grade-numeric.ts';
export { describeTolerance, gradeNumeric, readAnswer, readNumber } from './grade-numeric.ts';
export type { Choice, ChoiceSpec, ChoiceResult } from './grade-choice.ts';
export { gradeChoice } from './grade-choice.ts';
export type { OrderSpec, OrderResult } from './grade-order.ts';
export { gradeOrder } from './grade-order.ts';
export type { ParameterSpec } from './draw-parameters.ts';
export { drawParameters } from './draw-parameters.ts';
export type { Random } from './prng.ts';
export { mulberry32, hashSeed } from './prng.ts';
