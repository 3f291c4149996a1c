import type { Activation } from '../activation.ts';

/** Default negative slope, as in PyTorch's `LeakyReLU(negative_slope=0.01)`. */
const ALPHA = 0.01;

/** Leaky ReLU: z for z > 0, αz otherwise (= max(αz, z) when 0 ≤ α < 1). */
export const leakyRelu: Activation = {
  id: 'leaky-relu',
  name: 'Leaky ReLU',
  value: (z, p) => (z > 0 ? z : (p?.alpha ?? ALPHA) * z),
  // g'(z) = 1 for z > 0, α for z ≤ 0 (PyTorch returns α at the kink).
  derivative: (z, p) => (z > 0 ? 1 : (p?.alpha ?? ALPHA)),
  derivativeFromG: (g, _z, p) => (g > 0 ? 1 : (p?.alpha ?? ALPHA)),
  latex: {
    g: '\\operatorname{LeakyReLU}(z) = \\begin{cases} z & z > 0 \\\\ \\alpha z & z \\le 0 \\end{cases}',
    derivative: "\\operatorname{LeakyReLU}'(z) = \\begin{cases} 1 & z > 0 \\\\ \\alpha & z < 0 \\end{cases}",
    inTermsOfG: "\\operatorname{LeakyReLU}'(z) = \\begin{cases} 1 & g > 0 \\\\ \\alpha & g \\le 0 \\end{cases}",
  },
  expression: 'z > 0 ? z : alpha*z',
  derivativeExpression: 'z > 0 ? 1 : alpha',
  inTermsOfG: 'g > 0 ? 1 : alpha',
  params: [
    {
      name: 'alpha',
      symbol: '\\alpha',
      default: ALPHA,
      min: 0,
      max: 1,
      minInclusive: true,
      maxInclusive: false,
      adjustable: true,
      description:
        'Slope for z ≤ 0. Needs 0 ≤ α < 1: then the function equals max(αz, z); α = 0 is ReLU, α = 1 the identity, α > 1 flips which branch max picks.',
    },
  ],
  kinks: [
    { at: 0, left: ALPHA, right: 1, value: ALPHA, convention: "PyTorch: LeakyReLU'(0) = α (the left derivative)" },
  ],
  properties: {
    range: [-Infinity, Infinity],
    monotonic: true,
    zeroCentred: false,
    pointSymmetric: false,
    smoothness: 'C0',
  },
  origin: {
    note: 'A small negative slope keeps a gradient flowing where ReLU is dead; with α learned per channel it is PReLU (He et al. 2015).',
    citation: 'Maas, Hannun & Ng, "Rectifier Nonlinearities Improve Neural Network Acoustic Models", ICML 2013',
  },
};
