import type { Activation } from '../activation.ts';

/** Hard swish, z·ReLU6(z + 3)/6: 0 for z ≤ −3, z(z + 3)/6 between, z for z ≥ 3 (PyTorch Hardswish). */
export const hardSwish: Activation = {
  id: 'hard-swish',
  name: 'Hard swish',
  value: (z) => (z <= -3 ? 0 : z >= 3 ? z : (z * (z + 3)) / 6),
  // g'(z) = (2z + 3)/6 on [−3, 3]; PyTorch uses that branch at both ends: −0.5 at −3, 1.5 at 3.
  // 2z + 3 is exact on [−3, −0.75] (Sterbenz), so the zero at −1.5 is resolved exactly.
  derivative: (z) => (z < -3 ? 0 : z <= 3 ? (2 * z + 3) / 6 : 1),
  latex: {
    g: '\\operatorname{hardswish}(z) = z\\,\\frac{\\operatorname{ReLU6}(z + 3)}{6} = \\begin{cases} 0 & z \\le -3 \\\\ \\frac{z(z + 3)}{6} & -3 < z < 3 \\\\ z & z \\ge 3 \\end{cases}',
    derivative:
      "\\operatorname{hardswish}'(z) = \\begin{cases} 0 & z < -3 \\\\ \\frac{2z + 3}{6} & -3 < z < 3 \\\\ 1 & z > 3 \\end{cases}",
  },
  expression: 'z*min(max(z+3, 0), 6)/6',
  derivativeExpression: 'z < -3 ? 0 : (z <= 3 ? (2*z+3)/6 : 1)',
  params: [],
  kinks: [
    {
      at: -3,
      left: 0,
      right: -0.5,
      value: -0.5,
      convention: "PyTorch: hardswish'(−3) = −0.5 (the middle branch z/3 + 1/2)",
    },
    {
      at: 3,
      left: 1.5,
      right: 1,
      value: 1.5,
      convention: "PyTorch: hardswish'(3) = 1.5 (the middle branch z/3 + 1/2)",
    },
  ],
  properties: {
    // min at z = −1.5: −1.5·1.5/6 = −0.375.
    range: [-0.375, Infinity],
    monotonic: false,
    zeroCentred: false,
    pointSymmetric: false,
    smoothness: 'C0',
  },
  origin: {
    note: 'A piecewise-quadratic swish for mobile networks, replacing σ by the hard sigmoid.',
    citation: 'Howard et al., "Searching for MobileNetV3", ICCV 2019',
  },
};
