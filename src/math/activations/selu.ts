import type { Activation } from '../activation.ts';

/** λ = 1.0507009873554804934193349852946… (Klambauer et al. 2017), correctly rounded to double. */
const LAMBDA = 1.0507009873554805;
/** α = 1.6732632423543772848170429916717… (Klambauer et al. 2017), correctly rounded to double. */
const ALPHA = 1.6732632423543772;
/** λα = 1.7580993408473768599402175208123…, rounded once (λ·α in double would round twice). */
const LAMBDA_ALPHA = 1.7580993408473768;

/**
 * Scaled ELU: λz for z > 0, λα(e^z − 1) otherwise. λ and α are fixed so that activations
 * self-normalise (mean 0, variance 1 is a fixed point); `value` and `derivative` ignore overrides.
 */
export const selu: Activation = {
  id: 'selu',
  name: 'SELU',
  value: (z) => (z > 0 ? LAMBDA * z : LAMBDA_ALPHA * Math.expm1(z)),
  // g'(z) = λ for z > 0, λαe^z for z ≤ 0 (PyTorch returns λα at 0).
  derivative: (z) => (z > 0 ? LAMBDA : LAMBDA_ALPHA * Math.exp(z)),
  // For z ≤ 0: λαe^z = λα(e^z − 1) + λα = g + λα.
  derivativeFromG: (g, z) => (z > 0 ? LAMBDA : g + LAMBDA_ALPHA),
  latex: {
    g: '\\operatorname{SELU}(z) = \\lambda \\begin{cases} z & z > 0 \\\\ \\alpha\\left(e^{z} - 1\\right) & z \\le 0 \\end{cases}',
    derivative:
      "\\operatorname{SELU}'(z) = \\begin{cases} \\lambda & z > 0 \\\\ \\lambda \\alpha e^{z} & z < 0 \\end{cases}",
    inTermsOfG:
      "\\operatorname{SELU}'(z) = \\begin{cases} \\lambda & z > 0 \\\\ g + \\lambda \\alpha & z < 0 \\end{cases}",
  },
  expression: 'lambda*(z > 0 ? z : alpha*(exp(z)-1))',
  derivativeExpression: 'z > 0 ? lambda : lambda*alpha*exp(z)',
  inTermsOfG: 'g > 0 ? lambda : g + lambda*alpha',
  params: [
    {
      name: 'lambda',
      symbol: '\\lambda',
      default: LAMBDA,
      min: LAMBDA,
      max: LAMBDA,
      minInclusive: true,
      maxInclusive: true,
      adjustable: false,
      description: 'Fixed scale λ ≈ 1.0507009873554805, solved for so that mean 0 and variance 1 are a fixed point.',
    },
    {
      name: 'alpha',
      symbol: '\\alpha',
      default: ALPHA,
      min: ALPHA,
      max: ALPHA,
      minInclusive: true,
      maxInclusive: true,
      adjustable: false,
      description: 'Fixed α ≈ 1.6732632423543772, solved for together with λ; not a tuning knob.',
    },
  ],
  kinks: [
    {
      at: 0,
      left: LAMBDA_ALPHA,
      right: LAMBDA,
      value: LAMBDA_ALPHA,
      convention: "PyTorch: SELU'(0) = λα (the left branch λαe⁰)",
    },
  ],
  properties: {
    range: [-LAMBDA_ALPHA, Infinity],
    monotonic: true,
    zeroCentred: false,
    pointSymmetric: false,
    smoothness: 'C0',
  },
  origin: {
    note: 'ELU scaled so that, with LeCun-normal weights, activations converge to zero mean and unit variance.',
    citation: 'Klambauer, Unterthiner, Mayr & Hochreiter, "Self-Normalizing Neural Networks", NeurIPS 2017',
  },
};
