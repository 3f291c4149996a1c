import type { ExpressionSpec } from '../../src/grading/index.ts';

/**
 * The adversary's suite of issue 14: answers built to fool the grader (each mathematically wrong)
 * and answers as students paste them (each mathematically right). Every wrong answer differs from
 * its key on a set of positive length, so no "except at isolated points" excuses it.
 */
export interface AdversarialCase {
  /** Which class of attack or notation the case belongs to. */
  readonly kind: string;
  readonly answer: string;
  readonly spec: ExpressionSpec;
}

const sigmoid: ExpressionSpec = { reference: 'g*(1-g)', define: { g: 'sigmoid(z)' } };
const reluPrime: ExpressionSpec = { reference: 'z > 0 ? 1 : 0' };
const relu: ExpressionSpec = { reference: 'relu(z)', referenceName: 'ReLU' };
const relu6: ExpressionSpec = { reference: 'relu6(z)', referenceName: 'ReLU6' };
const relu6Prime: ExpressionSpec = { reference: 'z > 0 ? (z < 6 ? 1 : 0) : 0' };
const tanhA: ExpressionSpec = { reference: '1 - a^2', define: { a: 'tanh(z)' } };
const tanhKey1: ExpressionSpec = { reference: '1 - tanh(z)^2' };
const tanhKey2: ExpressionSpec = { reference: 'sech(z)^2' };
const shifted = (c: number): ExpressionSpec => ({
  reference: 'g*(1-g)',
  define: { g: 'sigmoid(z - c)' },
  params: { c },
});
const tanhShifted: ExpressionSpec = { reference: '1 - a^2', define: { a: 'tanh(z - c)' }, params: { c: 40 } };
const gelu: ExpressionSpec = { reference: '(1 + erf(z/sqrt(2)))/2 + z*exp(-z^2/2)/sqrt(2*pi)' };

/** Wrong answers an adversary builds: each must not be graded `correct`. */
export const WRONG: readonly AdversarialCase[] = [
  // A piecewise boundary moved a little.
  { kind: 'moved boundary', answer: 'z > 0.001 ? 1 : 0', spec: reluPrime },
  { kind: 'moved boundary', answer: 'z > -0.001 ? 1 : 0', spec: reluPrime },
  { kind: 'moved boundary', answer: 'z > 1e-6 ? 1 : 0', spec: reluPrime },
  { kind: 'moved boundary', answer: 'heaviside(z - 0.0002)', spec: reluPrime },
  { kind: 'moved boundary', answer: 'z > 0 ? 1 : z < -0.0005 ? 0 : 7', spec: reluPrime },
  { kind: 'moved boundary', answer: 'z > 0 ? (z < 6.005 ? 1 : 0) : 0', spec: relu6Prime },
  { kind: 'moved boundary', answer: 'min(max(0, z), 6.005)', spec: relu6 },
  { kind: 'moved boundary', answer: 'min(max(0, z), 5.9999)', spec: relu6 },
  { kind: 'moved boundary', answer: 'max(0, z - 1e-5)', spec: relu },
  // A narrow box, spike or smooth bump.
  { kind: 'narrow feature', answer: 'abs(z - 1.3) < 0.0004 ? 1000 : g*(1-g)', spec: sigmoid },
  { kind: 'narrow feature', answer: 'g*(1-g) + exp(-1e8*(z-1.234)^2)', spec: sigmoid },
  { kind: 'narrow feature', answer: 'g*(1-g) + 1/(1 + 1e10*(z-0.77)^2)', spec: sigmoid },
  { kind: 'narrow feature', answer: 'g*(1-g) + sech(1e6*(z+2.5))', spec: sigmoid },
  { kind: 'narrow feature', answer: '(z > 2.1 ? (z < 2.1001 ? 5 : 0) : 0) + g*(1-g)', spec: sigmoid },
  { kind: 'narrow feature', answer: 'heaviside(z) + exp(-1e12*(z-3)^2)', spec: reluPrime },
  { kind: 'narrow feature', answer: '1 - a^2 + exp(-1e9*(z+0.3)^2)', spec: tanhA },
  // A reference that is huge in a far tail (e^700 at z = −700) must not set the zero floor at z = 0:
  // these differ by a constant everywhere.
  { kind: 'huge tail', answer: '1 - exp(-z)', spec: { reference: '-exp(-z)' } },
  { kind: 'huge tail', answer: '-exp(-z) + 0.001', spec: { reference: '-exp(-z)' } },
  { kind: 'huge tail', answer: 'exp(z) + 1', spec: { reference: 'exp(z)' } },
  { kind: 'huge tail', answer: 'cosh(z) + 0.5', spec: { reference: 'cosh(z)' } },
  { kind: 'huge tail', answer: 'softplus(z) + 0.01', spec: { reference: 'softplus(z)' } },
  // Differences only in the far tails.
  { kind: 'far tail', answer: 'z > 45 ? 5 : g*(1-g)', spec: sigmoid },
  { kind: 'far tail', answer: 'z < -50 ? 1 : g*(1-g)', spec: sigmoid },
  { kind: 'far tail', answer: 'min(relu(z), 41)', spec: relu },
  { kind: 'far tail', answer: 'min(relu(z), 1e4)', spec: relu },
  { kind: 'far tail', answer: 'z > 0 ? (z > 100 ? 2 : 1) : 0', spec: reluPrime },
  { kind: 'far tail', answer: 'g*(1-g) + exp(z - 200)', spec: sigmoid },
  // Error-bound gaming: sloppiness that widens the tolerance.
  { kind: 'error-bound gaming', answer: 'g*(1-g)*(1e16+2-1e16)/(1e16+2-1e16) + 0.001', spec: sigmoid },
  { kind: 'error-bound gaming', answer: '(g*(1-g) + 0.001)*(1e16+2-1e16)/(1e16+2-1e16)', spec: sigmoid },
  { kind: 'error-bound gaming', answer: 'g*(1-g) + 0.01*(1e16+1-1e16)', spec: sigmoid },
  { kind: 'error-bound gaming', answer: 'g*(1-g) + 0.01*(1e16*g + 1 - 1e16*g)', spec: sigmoid },
  {
    kind: 'error-bound gaming',
    answer: 'g*(1-g) + 1e16*exp(-(z-3)^2)*(g - g) + 0.01*exp(-(z-3)^2)',
    spec: sigmoid,
  },
  { kind: 'error-bound gaming', answer: 'g*(1-g)*(1 + 1e-6*(1e17 + 3 - 1e17))', spec: sigmoid },
  // Overflow masking.
  { kind: 'overflow masking', answer: 'z > 20 ? exp(800) : g*(1-g)', spec: sigmoid },
  { kind: 'overflow masking', answer: 'g*(1-g) + exp(exp(z))*1e-300', spec: sigmoid },
  { kind: 'overflow masking', answer: 'z > 30 ? exp(z^2) - exp(z^2) + 1 : g*(1-g)', spec: sigmoid },
  { kind: 'overflow masking', answer: 'g*(1-g)*exp(z^2)/exp(z^2)*(z > 27 ? 2 : 1)', spec: sigmoid },
  // Parameter draws where two forms nearly agree.
  { kind: 'near-agreeing draw', answer: 'g*(1+g)', spec: shifted(60) },
  { kind: 'near-agreeing draw', answer: 'g*(1-g)*(2-g)', spec: shifted(-60) },
  { kind: 'near-agreeing draw', answer: '(1 - a^2)*(1 + (1 - a^2)^2)', spec: tanhShifted },
  // The stored key's form must not matter (each is also graded with the other key, see the test).
  { kind: 'key form', answer: '1 - tanh(z)^2 + (z > 18 ? 1e-12 : 0)', spec: tanhKey1 },
  { kind: 'key form', answer: '1 - tanh(z)^2 + (z > 18 ? 1e-12 : 0)', spec: tanhKey2 },
  { kind: 'key form', answer: 'z > 15 ? 0 : sech(z)^2', spec: tanhKey1 },
  { kind: 'key form', answer: 'z > 15 ? 0 : sech(z)^2', spec: tanhKey2 },
];

/** Right answers, honest or pasted: each must be graded `correct`. */
export const RIGHT: readonly AdversarialCase[] = [
  // The logarithm of an underflowed sigmoid is −∞ in float64 but finite in fact (ln σ(−1000) = −1000).
  { kind: 'underflow then log', answer: 'log(sigmoid(z))', spec: { reference: '-softplus(-z)' } },
  { kind: 'underflow then log', answer: 'log(sigmoid(-z))', spec: { reference: '-softplus(z)' } },
  // Values in the subnormal range keep few digits: 4σ′(2z) against tanh′ at z ≈ −364.
  { kind: 'subnormal', answer: '4*sigmoid(2z)*(1-sigmoid(2z))', spec: { reference: 'sech(z)^2' } },
  // Honest forms that cancel, overflow or carry big constants (the fixes must not refuse them).
  { kind: 'honest', answer: 'g - g^2', spec: sigmoid },
  { kind: 'honest', answer: 'exp(-z)/(1+exp(-z))^2', spec: sigmoid },
  { kind: 'honest', answer: 'exp(z)/(1+exp(z))^2', spec: sigmoid },
  { kind: 'honest', answer: '1/(exp(z/2)+exp(-z/2))^2', spec: sigmoid },
  { kind: 'honest', answer: 'sigmoid(z)*sigmoid(-z)', spec: sigmoid },
  { kind: 'honest', answer: 'g*(1-g)*(1e16+2-1e16)/2', spec: sigmoid },
  { kind: 'honest', answer: '(1/3)*3*g*(1-g)', spec: sigmoid },
  { kind: 'honest', answer: 'g - g^2', spec: shifted(60) },
  { kind: 'honest', answer: 'heaviside(z)', spec: reluPrime },
  { kind: 'honest', answer: 'z >= 0 ? 1 : 0', spec: reluPrime },
  { kind: 'honest', answer: '(sign(z) + 1)/2', spec: reluPrime },
  { kind: 'honest', answer: 'heaviside(z)*heaviside(6 - z)', spec: relu6Prime },
  { kind: 'honest', answer: 'min(max(0, z), 6)', spec: relu6 },
  { kind: 'honest', answer: 'max(0, z)', spec: relu },
  { kind: 'honest', answer: '(z + abs(z))/2', spec: relu },
  { kind: 'honest', answer: '(1+erf(z/sqrt 2))/2 + z exp(-z^2/2)/sqrt(2pi)', spec: gelu },
  { kind: 'key form', answer: 'sech(z)^2', spec: tanhKey1 },
  { kind: 'key form', answer: '1 - tanh(z)^2', spec: tanhKey2 },
  { kind: 'key form', answer: '(1 - tanh(z))*(1 + tanh(z))', spec: tanhKey1 },
  { kind: 'key form', answer: '(1 - tanh(z))*(1 + tanh(z))', spec: tanhKey2 },
  { kind: 'key form', answer: '4/(exp(z) + exp(-z))^2', spec: tanhKey1 },
  { kind: 'key form', answer: '4/(exp(z) + exp(-z))^2', spec: tanhKey2 },
  { kind: 'key form', answer: '1/cosh(z)^2', spec: tanhKey1 },
];

/** Right answers in pasted and hand-written notation: each must be graded `correct`. */
export const PASTED: readonly AdversarialCase[] = [
  { kind: 'spaces', answer: 'g\u2009(1\u2009\u2212\u2009g)', spec: sigmoid },
  { kind: 'spaces', answer: 'g\u202f(1 - g)', spec: sigmoid },
  { kind: 'spaces', answer: 'g\u2003*\u2003(1-g)', spec: sigmoid },
  { kind: 'spaces', answer: 'g\u200b(1-g)', spec: sigmoid },
  { kind: 'spaces', answer: '\ufeffg(1-g)', spec: sigmoid },
  { kind: 'spaces', answer: 'g(1\u2009-\u200ag)', spec: sigmoid },
  { kind: 'full-width', answer: 'g\uff081\uff0dg\uff09', spec: sigmoid },
  { kind: 'full-width', answer: 'g\uff081\u2212g\uff09', spec: sigmoid },
  { kind: 'dashes', answer: 'g(1\u2010g)', spec: sigmoid },
  { kind: 'dashes', answer: 'g(1\u2011g)', spec: sigmoid },
  { kind: 'dashes', answer: 'g(1\u2013g)', spec: sigmoid },
  { kind: 'dashes', answer: 'g(1\u2014g)', spec: sigmoid },
  { kind: 'dashes', answer: 'g(1\ufe63g)', spec: sigmoid },
  { kind: 'times', answer: 'g\u00b7(1-g)', spec: sigmoid },
  { kind: 'times', answer: 'g\u2219(1-g)', spec: sigmoid },
  { kind: 'times', answer: 'g\u2217(1-g)', spec: sigmoid },
  { kind: 'times', answer: 'g\u00d7(1-g)', spec: sigmoid },
  { kind: 'superscripts', answer: 'g - g\u00b2', spec: sigmoid },
  { kind: 'superscripts', answer: '1 - a\u00b2', spec: tanhA },
  { kind: 'superscripts', answer: '4z\u00b3', spec: { reference: '4*z^3' } },
  { kind: 'superscripts', answer: 'z\u2074', spec: { reference: 'z^4' } },
  { kind: 'superscripts', answer: 'z\u207b\u00b9', spec: { reference: '1/z' } },
  { kind: 'root', answer: '\u221az', spec: { reference: 'sqrt(z)' } },
  { kind: 'root', answer: '1/(2\u221az)', spec: { reference: '1/(2*sqrt(z))' } },
  { kind: 'root', answer: '(1+erf(z/\u221a2))/2 + z exp(-z\u00b2/2)/\u221a(2\u03c0)', spec: gelu },
  { kind: 'bars', answer: '|z|', spec: { reference: 'abs(z)' } },
  { kind: 'bars', answer: '|z|/z', spec: { reference: 'sign(z)' } },
  { kind: 'bars', answer: '(z + |z|)/2', spec: relu },
  { kind: 'TeX', answer: 'e^{-z}/(1+e^{-z})^2', spec: sigmoid },
  { kind: 'TeX', answer: '\\frac{e^{-z}}{(1+e^{-z})^2}', spec: sigmoid },
  { kind: 'TeX', answer: '\\frac{1}{2\\sqrt{z}}', spec: { reference: '1/(2*sqrt(z))' } },
  { kind: 'TeX', answer: '\\sigma(z)(1-\\sigma(z))', spec: sigmoid },
  { kind: 'TeX', answer: 'g \\cdot (1-g)', spec: sigmoid },
  { kind: 'TeX', answer: 'g \\times \\left(1-g\\right)', spec: sigmoid },
  { kind: 'TeX', answer: '\\tfrac14 sech(z/2)^2', spec: sigmoid },
  { kind: 'vulgar fraction', answer: '\u00bc sech(z/2)\u00b2', spec: sigmoid },
  { kind: 'vulgar fraction', answer: '\u00bd(z + |z|)', spec: relu },
  { kind: 'TeX', answer: 'max{0,z}', spec: relu },
  { kind: 'TeX', answer: '\\max\\{0, z\\}', spec: relu },
  { kind: 'sigma', answer: '\u03c3(z)(1-\u03c3(z))', spec: sigmoid },
  { kind: 'sigma', answer: '\u{1d70e}(z)(1-\u{1d70e}(z))', spec: sigmoid },
  { kind: 'sigma', answer: 'sigma(z)*(1-sigma(z))', spec: sigmoid },
  { kind: 'e', answer: '\u212f^(-z)/(1+\u212f^(-z))^2', spec: sigmoid },
  { kind: 'heaviside', answer: 'H(z)', spec: reluPrime },
  { kind: 'heaviside', answer: 'step(z)', spec: reluPrime },
  { kind: 'heaviside', answer: 'u(z)', spec: reluPrime },
  { kind: 'logic', answer: 'z > 0 && z < 6 ? 1 : 0', spec: relu6Prime },
  { kind: 'logic', answer: 'z < 0 || z > 6 ? 0 : 1', spec: relu6Prime },
];

/** Pasted text with an invisible character that cannot be read: the message names it by code point. */
export const INVISIBLE: readonly { readonly answer: string; readonly codePoint: string }[] = [
  { answer: 'g(1-g)\u202e', codePoint: 'U+202E' },
  { answer: 'g(1-\u200eg)', codePoint: 'U+200E' },
  { answer: 'z\u0301', codePoint: 'U+0301' },
  { answer: 'z+\u00001', codePoint: 'U+0000' },
];
