import type { Activation } from '../activation.ts';
import { sechSquared } from '../hyperbolic.ts';

/** Hyperbolic tangent, tanh(z) = 2σ(2z) − 1. */
export const tanh: Activation = {
  id: 'tanh',
  name: 'Tanh',
  value: (z) => Math.tanh(z),
  // tanh'(z) = sech²(z); 1 − tanh² is 0 at z = 20 where the true value is ≈ 1.7e-17.
  derivative: (z) => sechSquared(z),
  derivativeFromG: (g) => 1 - g * g,
  latex: {
    g: '\\tanh(z) = \\frac{e^{z} - e^{-z}}{e^{z} + e^{-z}}',
    derivative: "\\tanh'(z) = \\operatorname{sech}^{2}(z)",
    inTermsOfG: "\\tanh'(z) = 1 - \\tanh^{2}(z)",
  },
  expression: 'tanh(z)',
  derivativeExpression: 'sech(z)^2',
  inTermsOfG: '1-g^2',
  params: [],
  kinks: [],
  properties: {
    range: [-1, 1],
    monotonic: true,
    zeroCentred: true,
    pointSymmetric: true,
    smoothness: 'Cinf',
  },
  origin: {
    note: 'Classical zero-centred squashing function; recommended over the logistic sigmoid for hidden layers.',
    citation: 'LeCun, Bottou, Orr & Müller, "Efficient BackProp", 1998',
  },
};
