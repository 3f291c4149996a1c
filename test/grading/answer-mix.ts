import type { ExpressionSpec, GradeStatus } from '../../src/grading/index.ts';

/** A realistic mix of graded answers for the timing test and the benchmark. */
export interface TimedAnswer {
  readonly label: string;
  readonly answer: string;
  readonly spec: ExpressionSpec;
  readonly status: GradeStatus;
}

const sigmoid: ExpressionSpec = {
  reference: 'g*(1-g)',
  define: { g: 'sigmoid(z)' },
  mistakes: [{ expression: 'g*(1+g)', feedback: 'Check the sign inside the bracket.' }],
};
const tanh: ExpressionSpec = { reference: '1 - a^2', define: { a: 'tanh(z)' } };
const relu: ExpressionSpec = { reference: 'z > 0 ? 1 : 0' };
const leaky: ExpressionSpec = { reference: 'z > 0 ? 1 : alpha', params: { alpha: 0.01 } };
const gelu: ExpressionSpec = { reference: '(1 + erf(z/sqrt(2)))/2 + z*exp(-z^2/2)/sqrt(2*pi)' };
const silu: ExpressionSpec = { reference: 'sigmoid(z) + z*sigmoid(z)*(1 - sigmoid(z))', define: { g: 'sigmoid(z)' } };

export const ANSWER_MIX: readonly TimedAnswer[] = [
  { label: 'correct sigmoid g(1-g)', answer: 'g(1-g)', spec: sigmoid, status: 'correct' },
  { label: 'correct sigmoid exp form', answer: 'exp(-z)/(1+exp(-z))^2', spec: sigmoid, status: 'correct' },
  { label: 'listed mistake g(1+g)', answer: 'g(1+g)', spec: sigmoid, status: 'incorrect' },
  { label: 'sign error', answer: 'g^2 - g', spec: sigmoid, status: 'incorrect' },
  { label: 'correct tanh sech^2', answer: 'sech(z)^2', spec: tanh, status: 'correct' },
  { label: 'tanh missing square', answer: '1 - a', spec: tanh, status: 'incorrect' },
  { label: 'correct relu heaviside', answer: 'heaviside(z)', spec: relu, status: 'correct' },
  { label: 'relu half-done', answer: '1', spec: relu, status: 'incorrect' },
  { label: 'correct leaky piecewise', answer: 'z > 0 ? 1 : alpha', spec: leaky, status: 'correct' },
  { label: 'leaky half-done', answer: 'z > 0 ? 1 : 0', spec: leaky, status: 'incorrect' },
  { label: 'correct gelu', answer: '(1+erf(z/sqrt 2))/2 + z exp(-z^2/2)/sqrt(2pi)', spec: gelu, status: 'correct' },
  {
    label: 'gelu lost factor',
    answer: '(1+erf(z/sqrt(2)))/2 + z*exp(-z^2/2)/sqrt(pi)',
    spec: gelu,
    status: 'incorrect',
  },
  { label: 'correct silu', answer: 'g(1 + z(1-g))', spec: silu, status: 'correct' },
  { label: 'silu product rule missed', answer: 'g(1-g)', spec: silu, status: 'incorrect' },
  { label: 'invalid parenthesis', answer: 'g(1-g', spec: sigmoid, status: 'invalid' },
  { label: 'invalid name', answer: '2x', spec: relu, status: 'invalid' },
];
