import type { Activation } from '../activation.ts';
import { logistic } from '../logistic.ts';

const BETA = 1;

/** log(1 + e^x) = max(x, 0) + log1p(e^{−|x|}): no overflow at x = 1000, full accuracy at x = −1000. */
function softplusUnit(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

/** Softplus, (1/β)·log(1 + e^{βz}), a smooth ReLU. Unlike PyTorch it has no linear `threshold` cut-off. */
export const softplus: Activation = {
  id: 'softplus',
  name: 'Softplus',
  value: (z, p) => {
    const beta = p?.beta ?? BETA;
    // Skip the multiply at β = 1: rounding βz would cost |z|·2⁻⁵³ relative in the left tail.
    return beta === 1 ? softplusUnit(z) : softplusUnit(beta * z) / beta;
  },
  // softplus'(z) = σ(βz).
  derivative: (z, p) => {
    const beta = p?.beta ?? BETA;
    return logistic(beta === 1 ? z : beta * z);
  },
  // σ(βz) = 1 − e^{−βg}, since e^{βg} = 1 + e^{βz}.
  derivativeFromG: (g, _z, p) => -Math.expm1(-(p?.beta ?? BETA) * g),
  latex: {
    g: '\\operatorname{softplus}(z) = \\frac{1}{\\beta}\\log\\left(1 + e^{\\beta z}\\right)',
    derivative: "\\operatorname{softplus}'(z) = \\sigma(\\beta z) = \\frac{1}{1 + e^{-\\beta z}}",
    inTermsOfG: "\\operatorname{softplus}'(z) = 1 - e^{-\\beta g}",
  },
  expression: 'log(1+exp(beta*z))/beta',
  derivativeExpression: 'sigmoid(beta*z)',
  inTermsOfG: '1 - exp(-beta*g)',
  params: [
    {
      name: 'beta',
      symbol: '\\beta',
      default: BETA,
      min: 0,
      max: Infinity,
      minInclusive: false,
      maxInclusive: false,
      adjustable: true,
      description: 'Sharpness, as in PyTorch Softplus(beta): β → ∞ approaches ReLU; β must be positive (it divides).',
    },
  ],
  kinks: [],
  properties: {
    range: [0, Infinity],
    monotonic: true,
    zeroCentred: false,
    pointSymmetric: false,
    smoothness: 'Cinf',
  },
  origin: {
    note: 'A smooth approximation of the rectifier whose derivative is the logistic sigmoid.',
    citation:
      'Dugas, Bengio, Bélisle, Nadeau & Garcia, "Incorporating Second-Order Functional Knowledge for Better Option Pricing", NeurIPS 2001',
  },
};
