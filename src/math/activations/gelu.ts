import type { Activation } from '../activation.ts';
import { GELU_ROOT } from '../derivative-roots.ts';
import { INV_SQRT_2PI, millsSeries, mulGaussian, normalCdf, normalPdf } from '../normal.ts';
import { nearRoot, rootSeries } from '../root-series.ts';

/** Below this, Φ(z) (and so erfc) would be subnormal or close to it: use the asymptotic tail. */
const TAIL = -37;

/** Exact GELU, zΦ(z) with Φ the standard normal CDF (PyTorch `approximate='none'`). */
export const gelu: Activation = {
  id: 'gelu',
  name: 'GELU',
  // Φ via erfc(−z/√2)/2, accurate in the lower tail where 1 + erf(z/√2) cancels.
  // For z < −37: zΦ(z) = z·φ(z)·S/|z| = −φ(z)·S with S = millsSeries(z), no subnormal intermediate.
  value: (z) => (z < TAIL ? -mulGaussian(millsSeries(z) * INV_SQRT_2PI, z) : z * normalCdf(z)),
  // GELU'(z) = Φ(z) + zφ(z). For z ≪ 0 the terms have opposite signs but |zφ| ≫ Φ ≈ φ/|z|: no cancellation.
  // For z < −37: Φ + zφ = −φ(z)(|z| − S/|z|). Near the zero at z ≈ −0.7518, where Φ ≈ −zφ ≈ 0.226
  // cancel, the Taylor series about the zero (derivative-roots.ts).
  derivative: (z) => {
    if (nearRoot(z, GELU_ROOT)) return rootSeries(z, GELU_ROOT);
    if (z < TAIL) return -mulGaussian((-z + millsSeries(z) / z) * INV_SQRT_2PI, z);
    return normalCdf(z) + z * normalPdf(z);
  },
  latex: {
    g: '\\operatorname{GELU}(z) = z\\,\\Phi(z) = \\frac{z}{2}\\left(1 + \\operatorname{erf}\\left(\\frac{z}{\\sqrt{2}}\\right)\\right)',
    derivative:
      "\\operatorname{GELU}'(z) = \\Phi(z) + z\\,\\varphi(z) = \\frac{1}{2}\\left(1 + \\operatorname{erf}\\left(\\frac{z}{\\sqrt{2}}\\right)\\right) + \\frac{z}{\\sqrt{2\\pi}}e^{-z^{2}/2}",
  },
  expression: 'z*(1+erf(z/sqrt(2)))/2',
  derivativeExpression: '(1+erf(z/sqrt(2)))/2 + z*exp(-(z^2)/2)/sqrt(2*pi)',
  params: [],
  kinks: [],
  properties: {
    // min at z ≈ −0.7517915246935645 (mpmath, test/reference).
    range: [-0.16997120747990366, Infinity],
    monotonic: false,
    zeroCentred: false,
    pointSymmetric: false,
    smoothness: 'Cinf',
  },
  origin: {
    note: 'Weights the input by the probability that a standard normal falls below it; the default in BERT and GPT models.',
    citation: 'Hendrycks & Gimpel, "Gaussian Error Linear Units (GELUs)", 2016',
  },
};
