import type { Activation } from '../activation.ts';
import { MISH_ROOT } from '../derivative-roots.ts';
import { mulExp } from '../mul-exp.ts';
import { nearRoot, rootSeries } from '../root-series.ts';

/** Below this, s = e^z is subnormal; tanh(softplus z) = s and sech²(softplus z)σ(z) = s in double. */
const SUBNORMAL = -708;

/**
 * Mish and its derivative from one exponential. With w = softplus(z), e^w = 1 + e^z, so
 *   tanh w = ((1+s)² − 1)/((1+s)² + 1),  s = e^z,
 *   sech²(w)·σ(z) = 4s(1+s)/((1+s)² + 1)².
 * For z ≤ 0 use s = e^z ≤ 1: tanh w = n/(n+2), n = s(s+2), ≈ s in the left tail (no 1 − 1 cancellation).
 * For z > 0 use t = e^{−z} < 1 (s would overflow): tanh w = (1+2t)/D, D = 1 + 2t + 2t²,
 *   and sech²(w)·σ(z) = 4t²(1+t)/D².
 * Returns [tanh(softplus z), sech²(softplus z)·σ(z)].
 */
function mishParts(z: number): readonly [number, number] {
  if (z <= 0) {
    const s = Math.exp(z);
    const n = s * (s + 2);
    const d = n + 2;
    return [n / d, (4 * s * (1 + s)) / (d * d)];
  }
  const t = Math.exp(-z);
  const d = 1 + 2 * t * (1 + t);
  return [(1 + 2 * t) / d, (4 * t * t * (1 + t)) / (d * d)];
}

/** Mish, z·tanh(softplus(z)). */
export const mish: Activation = {
  id: 'mish',
  name: 'Mish',
  // Below z = −708: mish(z) = z·e^z, via mulExp so the subnormal e^z is not magnified by |z|.
  value: (z) => (z < SUBNORMAL ? mulExp(z, z) : z * mishParts(z)[0]),
  // mish'(z) = tanh(softplus z) + z·sech²(softplus z)·σ(z).
  // Below z = −708: mish'(z) = (1 + z)e^z.
  // Near the zero at z ≈ −1.1924 the two terms cancel: Taylor series about the zero instead.
  derivative: (z) => {
    if (nearRoot(z, MISH_ROOT)) return rootSeries(z, MISH_ROOT);
    if (z < SUBNORMAL) return mulExp(1 + z, z);
    const [th, sechSigma] = mishParts(z);
    return th + z * sechSigma;
  },
  latex: {
    g: '\\operatorname{Mish}(z) = z \\tanh\\bigl(\\operatorname{softplus}(z)\\bigr) = z \\tanh\\left(\\log\\left(1 + e^{z}\\right)\\right)',
    derivative:
      "\\operatorname{Mish}'(z) = \\tanh\\bigl(\\operatorname{softplus}(z)\\bigr) + z\\,\\operatorname{sech}^{2}\\bigl(\\operatorname{softplus}(z)\\bigr)\\,\\sigma(z)",
  },
  expression: 'z*tanh(log(1+exp(z)))',
  derivativeExpression: 'tanh(log(1+exp(z))) + z*sech(log(1+exp(z)))^2*sigmoid(z)',
  params: [],
  kinks: [],
  properties: {
    // min at z ≈ −1.1924312145154952 (mpmath, test/reference).
    range: [-0.30884341301725043, Infinity],
    monotonic: false,
    zeroCentred: false,
    pointSymmetric: false,
    smoothness: 'Cinf',
  },
  origin: {
    note: 'A self-gated smooth activation in the family of swish, used in YOLOv4.',
    citation: 'Misra, "Mish: A Self Regularized Non-Monotonic Activation Function", BMVC 2020 (arXiv 2019)',
  },
};
