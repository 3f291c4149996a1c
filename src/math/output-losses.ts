import { logistic, logisticDerivative } from './logistic.ts';

/**
 * Gradients of the two losses of a sigmoid output unit a = σ(z) with target y, by the logit z
 * (derived step by step in content/derivations/sigmoid-bce-gradient.yaml and
 * sigmoid-squared-error-gradient.yaml, which the test suite checks).
 */

/**
 * ∂/∂z [−y ln σ(z) − (1 − y) ln(1 − σ(z))] = σ(z) − y: the σ′ factor has cancelled. Computed as
 * (1 − y)σ(z) − yσ(−z), the same number, because σ(z) − 1 would cancel for large z (σ(30) − 1 loses
 * 3 of its 16 digits; −σ(−30) keeps them all).
 */
export function crossEntropyGradient(z: number, y: number): number {
  return (1 - y) * logistic(z) - y * logistic(-z);
}

/** ∂/∂z (σ(z) − y)² = 2(σ(z) − y)σ′(z), with the stable σ′(z) = σ(z)σ(−z). */
export function squaredErrorGradient(z: number, y: number): number {
  return 2 * crossEntropyGradient(z, y) * logisticDerivative(z);
}

/**
 * The softmax s_i = e^{z_i} / Σ_k e^{z_k}, computed with the largest logit subtracted first
 * (e^{z_i − max} ≤ 1, so nothing overflows; the ratio is unchanged).
 */
export function softmax(z: readonly number[]): number[] {
  const top = Math.max(...z);
  const e = z.map((x) => Math.exp(x - top));
  const total = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / total);
}
