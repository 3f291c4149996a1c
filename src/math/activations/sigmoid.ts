import type { Activation } from '../activation.ts';
import { logistic, logisticDerivative } from '../logistic.ts';

/** Logistic sigmoid σ(z) = 1/(1 + e^{−z}). */
export const sigmoid: Activation = {
  id: 'sigmoid',
  name: 'Sigmoid',
  value: (z) => logistic(z),
  // σ'(z) = σ(z)σ(−z) = e^{−|z|}/(1 + e^{−|z|})²: σ(1 − σ) is 0 at z = 40, σ'(40) ≈ 4.25e-18.
  derivative: (z) => logisticDerivative(z),
  derivativeFromG: (g) => g * (1 - g),
  latex: {
    g: '\\sigma(z) = \\frac{1}{1 + e^{-z}}',
    derivative: "\\sigma'(z) = \\frac{e^{-z}}{\\left(1 + e^{-z}\\right)^{2}}",
    inTermsOfG: "\\sigma'(z) = \\sigma(z)\\bigl(1 - \\sigma(z)\\bigr)",
  },
  expression: '1/(1+exp(-z))',
  derivativeExpression: 'exp(-z)/(1+exp(-z))^2',
  inTermsOfG: 'g*(1-g)',
  params: [],
  kinks: [],
  properties: {
    range: [0, 1],
    monotonic: true,
    zeroCentred: false,
    pointSymmetric: true,
    smoothness: 'Cinf',
  },
  origin: {
    note: 'The classical squashing function of early neural networks; a smooth, differentiable step.',
    citation: 'LeCun, Bottou, Orr & Müller, "Efficient BackProp", 1998',
  },
};
