import type { Activation } from '../activation.ts';

/** Hard sigmoid, ReLU6(z + 3)/6: 0 for z ≤ −3, (z + 3)/6 between, 1 for z ≥ 3 (PyTorch Hardsigmoid). */
export const hardSigmoid: Activation = {
  id: 'hard-sigmoid',
  name: 'Hard sigmoid',
  // z + 3 is exact near z = −3 (Sterbenz), so the left end keeps full relative accuracy.
  value: (z) => Math.min(Math.max(z + 3, 0), 6) / 6,
  // 1/6 strictly inside (−3, 3), 0 elsewhere: PyTorch returns 0 at both kinks.
  derivative: (z) => (z > -3 && z < 3 ? 1 / 6 : 0),
  derivativeFromG: (g) => (g > 0 && g < 1 ? 1 / 6 : 0),
  latex: {
    g: '\\operatorname{hardsigmoid}(z) = \\frac{\\operatorname{ReLU6}(z + 3)}{6} = \\begin{cases} 0 & z \\le -3 \\\\ \\frac{z + 3}{6} & -3 < z < 3 \\\\ 1 & z \\ge 3 \\end{cases}',
    derivative:
      "\\operatorname{hardsigmoid}'(z) = \\begin{cases} \\frac{1}{6} & -3 < z < 3 \\\\ 0 & |z| > 3 \\end{cases}",
    inTermsOfG:
      "\\operatorname{hardsigmoid}'(z) = \\begin{cases} \\frac{1}{6} & 0 < g < 1 \\\\ 0 & \\text{otherwise} \\end{cases}",
  },
  expression: 'min(max(z+3, 0), 6)/6',
  derivativeExpression: 'z > -3 ? (z < 3 ? 1/6 : 0) : 0',
  inTermsOfG: 'g > 0 ? (g < 1 ? 1/6 : 0) : 0',
  params: [],
  kinks: [
    {
      at: -3,
      left: 0,
      right: 1 / 6,
      value: 0,
      convention: "PyTorch: hardsigmoid'(−3) = 0 (gradient only strictly inside (−3, 3))",
    },
    {
      at: 3,
      left: 1 / 6,
      right: 0,
      value: 0,
      convention: "PyTorch: hardsigmoid'(3) = 0 (gradient only strictly inside (−3, 3))",
    },
  ],
  properties: {
    range: [0, 1],
    monotonic: true,
    zeroCentred: false,
    pointSymmetric: true,
    smoothness: 'C0',
  },
  origin: {
    note: "A piecewise-linear sigmoid, cheap on mobile hardware; this ReLU6(z + 3)/6 variant is MobileNetV3's.",
    citation: 'Howard et al., "Searching for MobileNetV3", ICCV 2019',
  },
};
