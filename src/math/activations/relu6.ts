import type { Activation } from '../activation.ts';

/** ReLU6, min(max(0, z), 6). */
export const relu6: Activation = {
  id: 'relu6',
  name: 'ReLU6',
  value: (z) => Math.min(Math.max(z, 0), 6),
  // 1 strictly inside (0, 6), 0 elsewhere: PyTorch (hardtanh backward) returns 0 at both kinks.
  derivative: (z) => (z > 0 && z < 6 ? 1 : 0),
  derivativeFromG: (g) => (g > 0 && g < 6 ? 1 : 0),
  latex: {
    g: '\\operatorname{ReLU6}(z) = \\min\\bigl(\\max(0, z), 6\\bigr)',
    derivative:
      "\\operatorname{ReLU6}'(z) = \\begin{cases} 1 & 0 < z < 6 \\\\ 0 & z < 0 \\text{ or } z > 6 \\end{cases}",
    inTermsOfG: "\\operatorname{ReLU6}'(z) = \\begin{cases} 1 & 0 < g < 6 \\\\ 0 & \\text{otherwise} \\end{cases}",
  },
  expression: 'min(max(0, z), 6)',
  derivativeExpression: 'z > 0 ? (z < 6 ? 1 : 0) : 0',
  inTermsOfG: 'g > 0 ? (g < 6 ? 1 : 0) : 0',
  params: [],
  kinks: [
    {
      at: 0,
      left: 0,
      right: 1,
      value: 0,
      convention: "PyTorch: ReLU6'(0) = 0 (hardtanh passes gradient only strictly inside (0, 6))",
    },
    {
      at: 6,
      left: 1,
      right: 0,
      value: 0,
      convention: "PyTorch: ReLU6'(6) = 0 (hardtanh passes gradient only strictly inside (0, 6))",
    },
  ],
  properties: {
    range: [0, 6],
    monotonic: true,
    zeroCentred: false,
    pointSymmetric: false,
    smoothness: 'C0',
  },
  origin: {
    note: 'ReLU capped at 6, which made the convolutional deep belief net learn sparse features sooner; later a MobileNet staple.',
    citation: 'Krizhevsky, "Convolutional Deep Belief Networks on CIFAR-10", 2010',
  },
};
