import type { Activation } from '../activation.ts';

/** Rectified linear unit, max(0, z). */
export const relu: Activation = {
  id: 'relu',
  name: 'ReLU',
  value: (z) => Math.max(z, 0),
  // ReLU'(z) = 1 for z > 0, 0 for z ≤ 0 (PyTorch returns 0 at the kink).
  derivative: (z) => (z > 0 ? 1 : 0),
  derivativeFromG: (g) => (g > 0 ? 1 : 0),
  latex: {
    g: '\\operatorname{ReLU}(z) = \\max(0, z)',
    derivative: "\\operatorname{ReLU}'(z) = \\begin{cases} 1 & z > 0 \\\\ 0 & z < 0 \\end{cases}",
    inTermsOfG: "\\operatorname{ReLU}'(z) = \\begin{cases} 1 & g > 0 \\\\ 0 & g = 0 \\end{cases}",
  },
  expression: 'max(0, z)',
  derivativeExpression: 'z > 0 ? 1 : 0',
  inTermsOfG: 'g > 0 ? 1 : 0',
  params: [],
  kinks: [{ at: 0, left: 0, right: 1, value: 0, convention: "PyTorch: ReLU'(0) = 0 (the left derivative)" }],
  properties: {
    range: [0, Infinity],
    monotonic: true,
    zeroCentred: false,
    pointSymmetric: false,
    smoothness: 'C0',
  },
  origin: {
    note: 'Rectified linear units popularised for restricted Boltzmann machines, then deep nets; cheap and non-saturating for z > 0.',
    citation: 'Nair & Hinton, "Rectified Linear Units Improve Restricted Boltzmann Machines", ICML 2010',
  },
};
