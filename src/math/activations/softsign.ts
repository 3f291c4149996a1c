import type { Activation } from '../activation.ts';

/** Softsign, z/(1 + |z|): like tanh but with polynomial (not exponential) tails. */
export const softsign: Activation = {
  id: 'softsign',
  name: 'Softsign',
  value: (z) => z / (1 + Math.abs(z)),
  // softsign'(z) = 1/(1 + |z|)², even, continuous at 0 (the second derivative jumps: C¹).
  derivative: (z) => {
    const d = 1 + Math.abs(z);
    return 1 / (d * d);
  },
  // 1 − |g| = 1/(1 + |z|), so g' = (1 − |g|)².
  derivativeFromG: (g) => (1 - Math.abs(g)) ** 2,
  latex: {
    g: '\\operatorname{softsign}(z) = \\frac{z}{1 + |z|}',
    derivative: "\\operatorname{softsign}'(z) = \\frac{1}{\\left(1 + |z|\\right)^{2}}",
    inTermsOfG: "\\operatorname{softsign}'(z) = \\left(1 - |g|\\right)^{2}",
  },
  expression: 'z/(1+abs(z))',
  derivativeExpression: '1/(1+abs(z))^2',
  inTermsOfG: '(1-abs(g))^2',
  params: [],
  kinks: [],
  properties: {
    range: [-1, 1],
    monotonic: true,
    zeroCentred: true,
    pointSymmetric: true,
    smoothness: 'C1',
  },
  origin: {
    note: "A cheap sigmoid-shaped squashing function (Elliott's), studied as a tanh alternative for deep nets.",
    citation:
      'Elliott, "A Better Activation Function for Artificial Neural Networks", ISR TR 93-8, 1993; Bergstra et al., "Quadratic Polynomials Learn Better Image Features", 2009',
  },
};
