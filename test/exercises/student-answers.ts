import type { GradeStatus } from '../../src/grading/index.ts';

/**
 * Answers real students give to the exercises of lessons 9–11 (output layers, backprop through a
 * layer, initialisation), the night before an exam: the slips each exercise is about (a sign, a
 * forgotten σ′(z), sᵢ for sⱼ, a misplaced Kronecker delta, n forgotten, the variance for the second
 * moment E[g(z)²], He's factor for Xavier's, the true slope for the estimate, too few digits) and
 * right answers in other legitimate forms (expanded, factored, σ written out as 1/(1+e^{-z}),
 * decimals for fractions). Driven by test/exercises/answer-keys.test.ts through the page's glue
 * (instantiate → gradeExercise).
 *
 * `where` picks one draw of the parameters; without it the case is graded in every draw, with its
 * `{{name}}` placeholders filled as the exercise's own. `feedback` must appear in the verdict's
 * feedback; `not` must not match it (feedback that would be false).
 */
export interface StudentAnswer {
  readonly exercise: string;
  readonly answer: string;
  readonly expect: GradeStatus;
  readonly where?: Readonly<Record<string, number>>;
  readonly feedback?: string;
  readonly not?: RegExp;
  /** What the student did. */
  readonly slip: string;
}

/** Feedback that blames a decimal point or a lost factor where neither is the mistake. */
const NO_FACTOR_HINT = /factor of|decimal point/;

export const STUDENT_ANSWERS: readonly StudentAnswer[] = [
  // Lesson 9: output layers and their losses.
  { exercise: 'bce-derivative-by-output', answer: '1/a', expect: 'incorrect', slip: 'sign', feedback: 'minus sign' },
  { exercise: 'bce-derivative-by-output', answer: '-1/(1-a)', expect: 'incorrect', slip: 'the y = 0 term' },
  { exercise: 'bce-derivative-by-output', answer: 'a - 1', expect: 'incorrect', slip: '∂L/∂z instead of ∂L/∂a' },
  { exercise: 'bce-derivative-by-output', answer: '-a^-1', expect: 'correct', slip: 'a power' },
  { exercise: 'bce-derivative-by-output', answer: '−(1/a)', expect: 'correct', slip: 'Unicode minus, brackets' },
  {
    exercise: 'bce-derivative-by-output',
    answer: '-1/sigmoid(z)',
    expect: 'invalid',
    slip: 'equal, but in z',
    feedback: 'using only a',
  },
  { exercise: 'bce-sigmoid-gradient', answer: '1/(1+exp(-z)) - {{y}}', expect: 'correct', slip: 'σ written out' },
  { exercise: 'bce-sigmoid-gradient', where: { y: 0.2 }, answer: 'sigmoid(z) - 1/5', expect: 'correct', slip: 'y as a fraction' },
  { exercise: 'bce-sigmoid-gradient', where: { y: 1 }, answer: '-sigmoid(-z)', expect: 'correct', slip: 'σ(z) − 1 = −σ(−z)' },
  { exercise: 'bce-sigmoid-gradient', where: { y: 1 }, answer: '-1/(1+e^z)', expect: 'correct', slip: 'exp form' },
  { exercise: 'bce-sigmoid-gradient', where: { y: 0 }, answer: 'e^z/(1+e^z)', expect: 'correct', slip: 'exp form' },
  { exercise: 'bce-sigmoid-gradient', where: { y: 0 }, answer: 'σ(z)', expect: 'correct', slip: 'σ pasted' },
  { exercise: 'bce-sigmoid-gradient', answer: '{{y}} - sigmoid(z)', expect: 'incorrect', slip: 'sign', feedback: 'The sign is flipped' },
  {
    exercise: 'bce-sigmoid-gradient',
    answer: '(sigmoid(z) - {{y}})*sigmoid(z)*(1 - sigmoid(z))',
    expect: 'incorrect',
    slip: 'kept σ′(z)',
    feedback: 'cancels',
  },
  { exercise: 'bce-sigmoid-gradient', where: { y: 0.2 }, answer: 'sigmoid(z) - 1', expect: 'incorrect', slip: 'y = 1 for y = 0.2' },
  {
    exercise: 'bce-sigmoid-gradient',
    where: { y: 0.2 },
    answer: '-0.2/sigmoid(z) + 0.8/(1 - sigmoid(z))',
    expect: 'incorrect',
    slip: 'forgot σ′(z) of the chain rule',
  },
  { exercise: 'bce-sigmoid-gradient', where: { y: 0.2 }, answer: '-0.2*(1 - sigmoid(z))', expect: 'incorrect', slip: 'one term' },
  { exercise: 'bce-gradient-at-logit', where: { z0: -2 }, answer: 'sigmoid(-2) - 1', expect: 'incorrect', slip: 'y = 1' },
  { exercise: 'bce-gradient-at-logit', where: { z0: -2 }, answer: '0.105', expect: 'incorrect', slip: 'σ′ for σ' },
  { exercise: 'bce-gradient-at-logit', where: { z0: -2 }, answer: '0.881', expect: 'incorrect', slip: 'σ(−z)' },
  { exercise: 'bce-gradient-at-logit', where: { z0: 3 }, answer: '0.9526', expect: 'correct', slip: 'four digits' },
  { exercise: 'bce-gradient-at-logit', where: { z0: -2 }, answer: '1/(1+e^2)', expect: 'correct', slip: 'exact' },
  {
    exercise: 'squared-error-gradient-expression',
    answer: '(sigmoid(z) - 1)*sigmoid(z)*(1 - sigmoid(z))',
    expect: 'incorrect',
    slip: 'lost the 2',
    feedback: 'a factor of 2 is missing',
  },
  {
    exercise: 'squared-error-gradient-expression',
    answer: '2*(1 - sigmoid(z))*sigmoid(z)*(1 - sigmoid(z))',
    expect: 'incorrect',
    slip: 'sign',
    feedback: 'Check the sign',
  },
  {
    exercise: 'squared-error-gradient-expression',
    answer: '2*(sigmoid(z) - 1)*sigmoid(z)*(1 + sigmoid(z))',
    expect: 'incorrect',
    slip: 'σ′ = σ(1 + σ)',
  },
  { exercise: 'squared-error-gradient-expression', answer: '2*sigmoid(z)*(1 - sigmoid(z))', expect: 'incorrect', slip: '2σ′ alone' },
  { exercise: 'squared-error-gradient-expression', answer: '(sigmoid(z) - 1)^2', expect: 'incorrect', slip: 'the loss' },
  {
    exercise: 'squared-error-gradient-expression',
    answer: '-2*exp(-2z)/(1 + exp(-z))^3',
    expect: 'correct',
    slip: 'simplified in e^{-z}',
  },
  {
    exercise: 'squared-error-gradient-expression',
    answer: '2*(1/(1+exp(-z)) - 1)*exp(-z)/(1+exp(-z))^2',
    expect: 'correct',
    slip: 'σ written out',
  },
  { exercise: 'squared-error-gradient-expression', answer: '2(σ(z) − 1)σ(z)(1 − σ(z))', expect: 'correct', slip: 'pasted' },
  {
    exercise: 'squared-error-gradient-expression',
    answer: '2*(sigmoid(z) - 1)*sigmoid(-z)*sigmoid(z)',
    expect: 'correct',
    slip: '1 − σ(z) = σ(−z)',
  },
  { exercise: 'gradient-ratio-saturated', where: { z0: -8 }, answer: '1491', expect: 'correct', slip: 'four digits' },
  { exercise: 'gradient-ratio-saturated', where: { z0: -8 }, answer: '2982', expect: 'incorrect', slip: 'lost the 2', feedback: 'factor of 2' },
  { exercise: 'gradient-ratio-saturated', where: { z0: -8 }, answer: '1/1491', expect: 'incorrect', slip: 'ratio upside down' },
  { exercise: 'squared-error-largest-gradient', answer: '0.25', expect: 'incorrect', slip: 'max σ′' },
  { exercise: 'squared-error-largest-gradient', answer: '4/27', expect: 'incorrect', slip: 'lost the 2', feedback: 'factor of 2' },
  { exercise: 'squared-error-largest-gradient', answer: '0.296', expect: 'correct', slip: 'decimal' },
  { exercise: 'squared-error-largest-gradient', answer: '0.3', expect: 'invalid', slip: 'too coarse', feedback: 'right to the 1' },
  { exercise: 'softmax-jacobian-off-diagonal', where: { c: 1 }, answer: '0.502', expect: 'incorrect', slip: 'δᵢⱼ = 1 off the diagonal' },
  { exercise: 'softmax-jacobian-off-diagonal', where: { c: 1 }, answer: '0.163', expect: 'incorrect', slip: 'sign', feedback: 'check the sign' },
  { exercise: 'softmax-jacobian-off-diagonal', where: { c: 1 }, answer: '0.223', expect: 'incorrect', slip: 'the diagonal entry' },
  { exercise: 'softmax-jacobian-off-diagonal', where: { c: 1 }, answer: '-0.163', expect: 'correct', slip: 'three digits' },
  { exercise: 'softmax-jacobian-diagonal', where: { b: 0.5 }, answer: 'sigmoid(0.5)', expect: 'incorrect', slip: 's₂ itself' },
  { exercise: 'softmax-jacobian-diagonal', where: { b: 0.5 }, answer: '0.235', expect: 'correct', slip: 'decimal' },
  { exercise: 'softmax-cross-entropy-gradient', where: { c: 2 }, answer: '0.665', expect: 'incorrect', slip: 'forgot −y' },
  { exercise: 'softmax-cross-entropy-gradient', where: { c: 2 }, answer: '0.335', expect: 'incorrect', slip: 'y − s', feedback: 'check the sign' },
  { exercise: 'softmax-cross-entropy-other-class', answer: '-0.755', expect: 'incorrect', slip: 'y₂ = 1' },
  { exercise: 'softmax-cross-entropy-other-class', answer: '-0.163', expect: 'incorrect', slip: 'a Jacobian entry −s₁s₂' },
  { exercise: 'softmax-cross-entropy-other-class', answer: '0.2447', expect: 'correct', slip: 'four digits' },

  // Lesson 10: backprop through a layer.
  {
    exercise: 'backprop-hidden-delta',
    answer: '({{u1}}*{{d2}} + {{u2}}*{{d1}})*(1 - tanh(z)^2)',
    expect: 'incorrect',
    slip: 'each weight with the other unit’s error (the transpose misread)',
    feedback: 'leads to',
    not: /factor of 2/,
  },
  { exercise: 'backprop-hidden-delta', answer: '({{u1}}*{{d1}} + {{u2}}*{{d2}})*sech(z)^2', expect: 'correct', slip: 'sech²' },
  {
    exercise: 'backprop-hidden-delta',
    answer: '{{u1}}*{{d1}}*(1 - tanh(z)^2) + {{u2}}*{{d2}}*(1 - tanh(z)^2)',
    expect: 'correct',
    slip: 'expanded',
  },
  {
    exercise: 'backprop-hidden-delta',
    where: { u1: 0.5, u2: 1.5, d1: 0.2, d2: 0.7 },
    answer: '1.15*4/(e^z + e^-z)^2',
    expect: 'correct',
    slip: 'the sum worked out, tanh′ written out',
  },
  { exercise: 'backprop-hidden-delta', answer: '({{u1}}*{{d1}} + {{u2}}*{{d2}})*(1 - tanh(z))^2', expect: 'incorrect', slip: '(1 − tanh)²' },
  {
    exercise: 'backprop-hidden-delta',
    answer: '-({{u1}}*{{d1}} + {{u2}}*{{d2}})*(1 - tanh(z)^2)',
    expect: 'incorrect',
    slip: 'sign',
    feedback: 'sign',
  },
  { exercise: 'sigmoid-neuron-gradient', where: { w: 1, x: 2 }, answer: '(sigmoid(2) - 1)*2', expect: 'incorrect', slip: 'forgot σ′(z)' },
  { exercise: 'sigmoid-neuron-gradient', where: { w: 1, x: 2 }, answer: '-0.0250', expect: 'correct', slip: 'decimal' },
  { exercise: 'backprop-neuron-bias-gradient', where: { z0: 0.5, y: 1 }, answer: 'tanh(0.5) - 1', expect: 'incorrect', slip: 'forgot tanh′' },
  {
    exercise: 'backprop-neuron-bias-gradient',
    where: { z0: 0.5, y: 1 },
    answer: '(tanh(0.5) - 1)*(1 - tanh(0.5))^2',
    expect: 'incorrect',
    slip: '(1 − tanh)²',
  },
  { exercise: 'backprop-two-unit-delta', where: { z1: 0.6, v1: 1 }, answer: '-0.3', expect: 'incorrect', slip: 'forgot g′(z₁)' },
  { exercise: 'backprop-two-unit-delta', where: { z1: 0.6, v1: 1 }, answer: '-0.3*tanh(0.6)', expect: 'incorrect', slip: 'g for g′' },
  { exercise: 'backprop-two-unit-delta', where: { z1: 0.6, v1: 1 }, answer: '-0.2135', expect: 'correct', slip: 'decimal' },
  { exercise: 'backprop-two-unit-weight', answer: '-0.2285*{{x2}}', expect: 'correct', slip: 'exact' },
  {
    exercise: 'backprop-relu-layer-delta',
    answer: '-0.9',
    expect: 'incorrect',
    slip: 'passed the incoming value through a dead unit',
    not: NO_FACTOR_HINT,
  },
  { exercise: 'backprop-relu-layer-delta', answer: '0.4', expect: 'incorrect', slip: 'unit 1 for unit 2', not: NO_FACTOR_HINT },
  { exercise: 'backprop-relu-layer-delta', answer: '-0', expect: 'correct', slip: 'a signed zero' },
  {
    exercise: 'backprop-central-difference',
    answer: '1 - tanh({{z0}})^2',
    expect: 'incorrect',
    slip: 'the true slope, not the estimate asked',
  },
  {
    exercise: 'backprop-central-difference',
    answer: '(tanh({{z0}} + 0.1) - tanh({{z0}}))/0.1',
    expect: 'incorrect',
    slip: 'a forward difference',
  },
  {
    exercise: 'backprop-central-difference',
    answer: '(tanh({{z0}} + 0.1) - tanh({{z0}} - 0.1))/0.1',
    expect: 'incorrect',
    slip: 'divided by h, not 2h',
    feedback: 'factor of 2',
  },
  {
    exercise: 'backprop-kink-central-difference',
    where: { z0: 0.002 },
    answer: '1',
    expect: 'incorrect',
    slip: 'the true slope 1, not what the check gives',
    not: /right to the/,
  },
  {
    exercise: 'backprop-kink-central-difference',
    where: { z0: 0.005 },
    answer: '1',
    expect: 'incorrect',
    slip: 'the true slope 1, not what the check gives',
    not: /right to the/,
  },
  { exercise: 'backprop-kink-central-difference', where: { z0: 0.002 }, answer: '0.5', expect: 'incorrect', slip: 'the value at the kink' },
  { exercise: 'backprop-kink-central-difference', where: { z0: -0.004 }, answer: '0', expect: 'incorrect', slip: 'the true slope 0' },
  { exercise: 'backprop-kink-central-difference', where: { z0: 0.005 }, answer: '0.75', expect: 'correct', slip: 'decimal' },
  { exercise: 'backprop-kink-central-difference', where: { z0: 0.005 }, answer: '3/4', expect: 'correct', slip: 'fraction' },

  // Lesson 11: initialisation.
  { exercise: 'init-variance-numeric', where: { n: 64, m: 0.25 }, answer: '0.16', expect: 'correct', slip: 'decimal' },
  {
    exercise: 'init-variance-numeric',
    where: { n: 100, m: 0.5 },
    answer: '0.005',
    expect: 'incorrect',
    slip: 'forgot n',
    feedback: 'or a factor of 100 lost or added',
  },
  { exercise: 'init-relu-second-moment', where: { q: 3 }, answer: '3', expect: 'incorrect', slip: 'the variance', feedback: 'factor of 2' },
  { exercise: 'init-relu-second-moment', where: { q: 3 }, answer: '1.5', expect: 'correct', slip: 'decimal' },
  { exercise: 'init-relu-second-moment', where: { q: 3 }, answer: '3/2', expect: 'correct', slip: 'fraction' },
  { exercise: 'init-he-variance', answer: '1/{{n}}', expect: 'incorrect', slip: "Xavier's 1/n", feedback: 'factor of 2' },
  { exercise: 'init-he-variance', answer: '{{n}}/2', expect: 'incorrect', slip: 'upside down' },
  { exercise: 'init-he-variance', where: { n: 64 }, answer: '0.0312', expect: 'correct', slip: 'rounded half down' },
  { exercise: 'init-he-variance', where: { n: 64 }, answer: '0.0313', expect: 'correct', slip: 'rounded half up' },
  { exercise: 'init-he-variance', where: { n: 512 }, answer: '0.0039', expect: 'invalid', slip: 'too coarse', feedback: 'right to the 2' },
  { exercise: 'init-he-variance', where: { n: 512 }, answer: '1/256', expect: 'correct', slip: 'fraction' },
  {
    exercise: 'init-he-variance',
    where: { n: 100 },
    answer: '2',
    expect: 'incorrect',
    slip: 'forgot n',
    feedback: 'or a factor of 100 lost or added',
  },
  // He's 2/n to the digits asked, for the leaky ReLU: must not pass, whatever α is drawn.
  { exercise: 'init-leaky-he', answer: '2/{{n}}', expect: 'incorrect', slip: "plain He, no (1 + α²)" },
  { exercise: 'init-leaky-he', answer: '2/((1 + {{a}})*{{n}})', expect: 'incorrect', slip: '1 + α for 1 + α²' },
  { exercise: 'init-leaky-he', answer: '1/((1 + {{a}}^2)*{{n}})', expect: 'incorrect', slip: "Xavier's factor", feedback: 'factor of 2' },
  { exercise: 'init-leaky-he', where: { a: 0.1, n: 100 }, answer: '0.01980', expect: 'correct', slip: 'decimal' },
  { exercise: 'init-sigmoid-slope-at-zero', answer: '0.25', expect: 'correct', slip: 'decimal' },
  { exercise: 'init-sigmoid-slope-at-zero', answer: '1/4', expect: 'correct', slip: 'fraction' },
  { exercise: 'init-sigmoid-slope-at-zero', answer: '0.5', expect: 'incorrect', slip: 'σ(0)' },
  { exercise: 'init-sigmoid-slope-at-zero', answer: '1', expect: 'incorrect', slip: "Xavier's assumption" },
  { exercise: 'init-sigmoid-xavier-factor', answer: '1/4', expect: 'incorrect', slip: 'σ′(0), not squared' },
  { exercise: 'init-sigmoid-xavier-factor', answer: '0.0625', expect: 'correct', slip: 'decimal' },
  { exercise: 'init-relu-xavier-depth', where: { L: 20 }, answer: '9.8e-4', expect: 'incorrect', slip: 'the size, not the variance' },
  { exercise: 'init-relu-xavier-depth', where: { L: 20 }, answer: '2^-21', expect: 'incorrect', slip: 'off by one layer' },
  { exercise: 'init-relu-xavier-depth', where: { L: 30 }, answer: '0.5^30', expect: 'correct', slip: 'a power' },
  { exercise: 'init-relu-xavier-depth', where: { L: 10 }, answer: '9.77e-4', expect: 'correct', slip: 'decimal' },
  {
    exercise: 'init-standard-normal-relu',
    where: { n: 100 },
    answer: '0.5',
    expect: 'incorrect',
    slip: 'forgot n',
    feedback: 'or a factor of 100 lost or added',
  },
  { exercise: 'init-standard-normal-relu', where: { n: 100 }, answer: '7.07', expect: 'incorrect', slip: 'the size factor' },
  { exercise: 'init-standard-normal-relu', answer: '{{n}}', expect: 'incorrect', slip: 'forgot ½', feedback: 'factor of 2' },
  { exercise: 'init-sigmoid-linearisation', answer: '0.5 + 0.25z', expect: 'correct', slip: 'decimals' },
  { exercise: 'init-sigmoid-linearisation', answer: 'sigmoid(0) + z/4', expect: 'correct', slip: 'σ(0) left in' },
  { exercise: 'init-sigmoid-linearisation', answer: '1/4 + z/2', expect: 'incorrect', slip: 'value and slope swapped' },
  { exercise: 'init-sigmoid-linearisation', answer: '1/2 - z/4', expect: 'incorrect', slip: 'sign' },
  { exercise: 'init-sigmoid-linearisation', answer: '1/2 + z/16', expect: 'incorrect', slip: 'the slope squared' },
  {
    exercise: 'init-sigmoid-linearisation',
    answer: 'sigmoid(z)',
    expect: 'incorrect',
    slip: 'σ itself, not its linearisation',
    feedback: 'tangent line',
    // "σ(z) there is 0.75" would be false: σ(1) = 0.731 is what the student typed.
    not: /σ\(z\) there is/,
  },
  {
    exercise: 'init-sigmoid-linearisation',
    answer: '1/3 + z/4',
    expect: 'incorrect',
    slip: 'a wrong value at 0',
    not: /σ\(z\) there is/,
  },
];
