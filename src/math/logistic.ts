/**
 * The logistic function σ(z) = 1/(1 + e^{−z}) and its derivative, in forms that never overflow
 * and never lose relative accuracy in the tails.
 */

/**
 * σ(z). For z ≥ 0, 1/(1 + e^{−z}) (e^{−z} ≤ 1, no overflow); for z < 0, e^{z}/(1 + e^{z}) so the
 * result keeps full relative accuracy down to the underflow of e^{z}.
 */
export function logistic(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/**
 * σ'(z) = σ(z)σ(−z) = e^{−|z|}/(1 + e^{−|z|})², even in z. Stable for |z| ≫ 0 where σ(1 − σ)
 * rounds to 0 (σ(40) = 1 in double, but σ'(40) ≈ 4.25e-18).
 */
export function logisticDerivative(z: number): number {
  const e = Math.exp(-Math.abs(z));
  const d = 1 + e;
  return e / (d * d);
}
