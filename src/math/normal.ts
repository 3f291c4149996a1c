import erfc from '@stdlib/math-base-special-erfc';
import { mulExp } from './mul-exp.ts';

/** 1/√(2π) rounded to double. */
export const INV_SQRT_2PI = 0.3989422804014327;

/** Veltkamp splitting constant 2^27 + 1. */
const SPLIT = 134217729;

/**
 * a·e^{−z²/2}. z² is split exactly into hi + lo (Dekker), so the exponent is not rounded:
 * e^{−(hi+lo)/2} = e^{−hi/2}·e^{−lo/2} ≈ e^{−hi/2}(1 − lo/2), with |lo| ≤ ulp(hi)/2. Without the
 * split, rounding z² costs (z²/2)·2⁻⁵³ relative, 400 ulp at z = 38.
 */
export function mulGaussian(a: number, z: number): number {
  const hi = z * z;
  // e^{−746} is below the smallest subnormal; also keeps SPLIT·z from overflowing.
  if (!(hi < 1500)) return Number.isNaN(hi) ? NaN : 0 * a;
  const c = SPLIT * z;
  const zh = c - (c - z);
  const zl = z - zh;
  const lo = zh * zh - hi + 2 * zh * zl + zl * zl;
  return mulExp(a * (1 - lo / 2), -hi / 2);
}

/** φ(z) = e^{−z²/2}/√(2π), accurate to a few ulp for every finite z. */
export function normalPdf(z: number): number {
  return mulGaussian(INV_SQRT_2PI, z);
}

/** 1/√2 − Math.SQRT1_2: the part of 1/√2 that the double constant drops. */
const SQRT1_2_LO = -4.833646656726457e-17;
/** 2/√π rounded to double. */
const TWO_OVER_SQRT_PI = 1.1283791670955126;

/** The rounding error a·b − fl(a·b), exactly (Dekker's two-product, with Veltkamp splitting). */
function productError(a: number, b: number, product: number): number {
  const ca = SPLIT * a;
  const ah = ca - (ca - a);
  const al = a - ah;
  const cb = SPLIT * b;
  const bh = cb - (cb - b);
  const bl = b - bh;
  return ah * bh - product + ah * bl + al * bh + al * bl;
}

/**
 * Φ(z), the standard normal CDF, as erfc(−z/√2)/2. Using erfc (not 1 + erf) keeps relative
 * accuracy in the lower tail, Φ(−20) ≈ 2.75e-89. Rounding x = −z/√2 would cost about 2x·δ
 * relative (≈ 700 ulp at z = −23), so for z < −2 the result is corrected to first order:
 * erfc(x + δ) ≈ erfc(x) − δ·(2/√π)e^{−x²}, with δ the exact rounding error of x.
 * Valid for z ≥ −37; below that Φ turns subnormal: use `millsSeries`.
 */
export function normalCdf(z: number): number {
  const x = -z * Math.SQRT1_2;
  const p = erfc(x) / 2;
  // The rounding correction below is Infinity·0 at z = −∞; Φ(−∞) = 0 exactly.
  if (z > -2 || p === 0) return p;
  const delta = productError(-z, Math.SQRT1_2, x) - z * SQRT1_2_LO;
  return p - (delta * TWO_OVER_SQRT_PI * Math.exp(-x * x)) / 2;
}

/**
 * S(z) = |z|·Φ(z)/φ(z) for z ≪ 0, from the asymptotic series of Mills' ratio:
 * Φ(z) = φ(z)/|z| · Σ_k (−1)^k (2k−1)!!/z^{2k}. For |z| ≥ 37 ten terms leave an error < 1e-22.
 */
export function millsSeries(z: number): number {
  const t = 1 / (z * z);
  let term = 1;
  let sum = 1;
  for (let k = 1; k <= 10; k++) {
    term *= -(2 * k - 1) * t;
    sum += term;
  }
  return sum;
}
