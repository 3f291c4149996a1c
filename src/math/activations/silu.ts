import type { Activation } from '../activation.ts';
import { logistic } from '../logistic.ts';
import { SILU_ROOT } from '../derivative-roots.ts';
import { mulExp } from '../mul-exp.ts';
import { nearRoot, rootSeries } from '../root-series.ts';

const BETA = 1;

/**
 * d/dz [z·σ(βz)] as a function of x = βz: σ(x)(1 + xσ(−x)). With e = e^{−|x|} this is
 *   x ≥ 0: (1 + e + xe)/(1 + e)²   (all terms positive)
 *   x < 0: e(1 + x + e)/(1 + e)²   (1 + x is exact near the zero at x ≈ −1.2785, by Sterbenz)
 * Neither form overflows, and both keep relative accuracy in the tails. Below x = −708, where e is
 * subnormal and 1 + e = 1, the value is (1 + x)e^x, taken by `mulExp` without a subnormal intermediate.
 */
function siluSlope(x: number): number {
  // Around the zero at x ≈ −1.2785 even the exact 1 + x leaves e's rounding exposed: use the series.
  if (nearRoot(x, SILU_ROOT)) return rootSeries(x, SILU_ROOT);
  if (x < -708) return mulExp(1 + x, x);
  const e = Math.exp(-Math.abs(x));
  const d = 1 + e;
  return x >= 0 ? (1 + e + x * e) / (d * d) : (e * (1 + x + e)) / (d * d);
}

/** SiLU / swish: z·σ(βz). β = 1 is SiLU; a trainable β is swish. */
export const silu: Activation = {
  id: 'silu',
  name: 'SiLU (swish)',
  value: (z, p) => {
    const x = (p?.beta ?? BETA) * z;
    // Below x = −708, σ(x) = e^x exactly in double (1 + e^x = 1) and e^x is subnormal: z·e^x via mulExp.
    return x < -708 ? mulExp(z, x) : z * logistic(x);
  },
  // g'(z) = σ(βz) + βz·σ(βz)σ(−βz) = σ(x)(1 + xσ(−x)) with x = βz.
  derivative: (z, p) => siluSlope((p?.beta ?? BETA) * z),
  // g' = βg + σ(βz)(1 − βg), the form given by Ramachandran et al.
  derivativeFromG: (g, z, p) => {
    const beta = p?.beta ?? BETA;
    return beta * g + logistic(beta * z) * (1 - beta * g);
  },
  latex: {
    g: '\\operatorname{SiLU}(z) = z\\,\\sigma(\\beta z) = \\frac{z}{1 + e^{-\\beta z}}',
    derivative: "\\operatorname{SiLU}'(z) = \\sigma(\\beta z)\\bigl(1 + \\beta z\\,(1 - \\sigma(\\beta z))\\bigr)",
    inTermsOfG: "\\operatorname{SiLU}'(z) = \\beta g + \\sigma(\\beta z)\\,(1 - \\beta g)",
  },
  expression: 'z*sigmoid(beta*z)',
  derivativeExpression: 'sigmoid(beta*z)*(1 + beta*z*(1 - sigmoid(beta*z)))',
  // Mixed form: needs σ(βz) besides g (no form in g alone exists, g is not injective).
  inTermsOfG: 'beta*g + sigmoid(beta*z)*(1 - beta*g)',
  params: [
    {
      name: 'beta',
      symbol: '\\beta',
      default: BETA,
      min: 0,
      max: Infinity,
      minInclusive: true,
      maxInclusive: false,
      adjustable: true,
      description: 'Gate sharpness: β = 1 is SiLU, β = 0 gives z/2, β → ∞ approaches ReLU.',
    },
  ],
  kinks: [],
  properties: {
    // min at z ≈ −1.2784645427610737 (where z = −1 − e^{z}); mpmath value in test/reference.
    range: [-0.2784645427610738, Infinity],
    monotonic: false,
    zeroCentred: false,
    pointSymmetric: false,
    smoothness: 'Cinf',
  },
  origin: {
    note: 'The sigmoid-weighted linear unit, rediscovered by architecture search as swish.',
    citation:
      'Elfwing, Uchibe & Doya, "Sigmoid-Weighted Linear Units…", Neural Networks 2018; Ramachandran, Zoph & Le, "Searching for Activation Functions", 2017',
  },
};
