import type { Activation } from '../activation.ts';

const ALPHA = 1;

/** Exponential linear unit: z for z > 0, α(e^z − 1) otherwise. */
export const elu: Activation = {
  id: 'elu',
  name: 'ELU',
  // α·expm1(z): e^z − 1 would lose all relative accuracy at z = −1e-8.
  value: (z, p) => (z > 0 ? z : (p?.alpha ?? ALPHA) * Math.expm1(z)),
  // g'(z) = 1 for z > 0, αe^z for z ≤ 0 (PyTorch takes the exponential branch at 0).
  derivative: (z, p) => (z > 0 ? 1 : (p?.alpha ?? ALPHA) * Math.exp(z)),
  // For z ≤ 0: αe^z = α(e^z − 1) + α = g + α.
  derivativeFromG: (g, z, p) => (z > 0 ? 1 : g + (p?.alpha ?? ALPHA)),
  latex: {
    g: '\\operatorname{ELU}(z) = \\begin{cases} z & z > 0 \\\\ \\alpha\\left(e^{z} - 1\\right) & z \\le 0 \\end{cases}',
    // z < 0, not z ≤ 0: at 0 the derivative exists only for α = 1; what is returned there is a convention (kinks).
    derivative: "\\operatorname{ELU}'(z) = \\begin{cases} 1 & z > 0 \\\\ \\alpha e^{z} & z < 0 \\end{cases}",
    inTermsOfG: "\\operatorname{ELU}'(z) = \\begin{cases} 1 & z > 0 \\\\ g + \\alpha & z < 0 \\end{cases}",
  },
  expression: 'z > 0 ? z : alpha*(exp(z)-1)',
  derivativeExpression: 'z > 0 ? 1 : alpha*exp(z)',
  // g > 0 exactly when z > 0 (for α ≥ 0), so the branch can be read off g.
  inTermsOfG: 'g > 0 ? 1 : g + alpha',
  params: [
    {
      name: 'alpha',
      symbol: '\\alpha',
      default: ALPHA,
      min: 0,
      max: Infinity,
      minInclusive: true,
      maxInclusive: false,
      adjustable: true,
      description:
        'Saturation level −α for z → −∞. α ≥ 0 keeps ELU monotonic; α = 1 makes it C¹ (both one-sided slopes are 1 at 0).',
    },
  ],
  kinks: [
    {
      at: 0,
      left: ALPHA,
      right: 1,
      value: ALPHA,
      convention: "PyTorch: ELU'(0) = αe⁰ = α (the left branch); a true kink only when α ≠ 1",
    },
  ],
  properties: {
    range: [-ALPHA, Infinity],
    monotonic: true,
    zeroCentred: false,
    pointSymmetric: false,
    smoothness: 'C1',
  },
  origin: {
    note: 'Negative values push mean activations toward zero while saturating smoothly for large negative inputs.',
    citation:
      'Clevert, Unterthiner & Hochreiter, "Fast and Accurate Deep Network Learning by Exponential Linear Units (ELUs)", 2015',
  },
};
