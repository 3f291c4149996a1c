import type { Activation } from '../activation.ts';
import { logistic, logisticDerivative } from '../logistic.ts';
import { GELU_TANH_ROOT } from '../derivative-roots.ts';
import { mulExp } from '../mul-exp.ts';
import { nearRoot, rootSeries } from '../root-series.ts';

/** √(2/π) rounded to double. */
const K = 0.7978845608028654;
/** The cubic coefficient of the approximation. */
const C = 0.044715;

/** u(z) = √(2/π)(z + 0.044715z³), the argument of tanh. */
function inner(z: number): number {
  return K * (z + C * z * z * z);
}

/**
 * GELU, tanh approximation (PyTorch `approximate='tanh'`): ½z(1 + tanh u). Computed as z·σ(2u)
 * since 1 + tanh u = 2σ(2u): the sum cancels for u ≪ 0 (gelu-tanh(−20) ≈ −6e-261, not 0).
 */
export const geluTanh: Activation = {
  id: 'gelu-tanh',
  name: 'GELU (tanh approximation)',
  // Below 2u = −708, σ(2u) = e^{2u} is subnormal: z·e^{2u} via mulExp keeps the intermediates normal.
  value: (z) => {
    const u2 = 2 * inner(z);
    return u2 < -708 ? mulExp(z, u2) : z * logistic(u2);
  },
  // g'(z) = ½(1 + tanh u) + ½z·sech²(u)·u' = σ(2u) + 2z·σ'(2u)·u',  u' = √(2/π)(1 + 3·0.044715z²).
  // Below 2u = −708 both σ(2u) and σ'(2u) equal e^{2u}: g' = (1 + 2zu')e^{2u}.
  // Near the zero at z ≈ −0.7525 the two terms cancel: Taylor series about the zero instead.
  derivative: (z) => {
    if (nearRoot(z, GELU_TANH_ROOT)) return rootSeries(z, GELU_TANH_ROOT);
    const u2 = 2 * inner(z);
    const du = K * (1 + 3 * C * z * z);
    if (u2 < -708) return mulExp(1 + 2 * z * du, u2);
    return logistic(u2) + 2 * z * logisticDerivative(u2) * du;
  },
  latex: {
    g: '\\operatorname{GELU}_{\\tanh}(z) = \\frac{z}{2}\\left(1 + \\tanh u\\right),\\quad u = \\sqrt{2/\\pi}\\left(z + 0.044715\\,z^{3}\\right)',
    derivative:
      "\\operatorname{GELU}_{\\tanh}'(z) = \\frac{1}{2}\\left(1 + \\tanh u\\right) + \\frac{z}{2}\\operatorname{sech}^{2}(u)\\,\\sqrt{2/\\pi}\\left(1 + 0.134145\\,z^{2}\\right)",
  },
  expression: 'z*(1+tanh(sqrt(2/pi)*(z+0.044715*z^3)))/2',
  derivativeExpression:
    '(1+tanh(sqrt(2/pi)*(z+0.044715*z^3)))/2 + z*sech(sqrt(2/pi)*(z+0.044715*z^3))^2*sqrt(2/pi)*(1+3*0.044715*z^2)/2',
  params: [],
  kinks: [],
  properties: {
    // min at z ≈ −0.7524614220710163 (mpmath, test/reference).
    range: [-0.17004075057125406, Infinity],
    monotonic: false,
    zeroCentred: false,
    pointSymmetric: false,
    smoothness: 'Cinf',
  },
  origin: {
    note: 'The fast approximation of GELU used in the original BERT and GPT-2 code.',
    citation: 'Hendrycks & Gimpel, "Gaussian Error Linear Units (GELUs)", 2016',
  },
};
