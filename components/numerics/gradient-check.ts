import { activations, type ActivationId } from '../../src/math/index.ts';

/**
 * A finite-difference gradient check beside the true slopes: the central difference
 * (g(z₀ + h) − g(z₀ − h)) / 2h has error O(h²) where g is smooth on [z₀ − h, z₀ + h], and none of
 * that holds when a kink lies inside: for ReLU at |z₀| < h it gives (z₀ + h)/2h, anything between
 * 0 and 1, while the true slope is 0 or 1.
 */
export interface CheckRow {
  readonly z: number;
  readonly estimate: number;
  /** The slope from the left and from the right (equal away from a kink). */
  readonly left: number;
  readonly right: number;
  /** |estimate − nearest true one-sided slope| / max(1, |slope|). */
  readonly error: number;
  /** A kink lies strictly inside (z₀ − h, z₀ + h) or at z₀. */
  readonly straddles: boolean;
}

export function centralDifference(f: (z: number) => number, z: number, h: number): number {
  return (f(z + h) - f(z - h)) / (2 * h);
}

export function gradientCheckRows(id: ActivationId, h: number, points: readonly number[]): CheckRow[] {
  const a = activations[id];
  const kinks = a.kinks;
  return points.map((z) => {
    const kink = kinks.find((k) => k.at === z);
    const left = kink?.left ?? a.derivative(z);
    const right = kink?.right ?? a.derivative(z);
    const estimate = centralDifference((t) => a.value(t), z, h);
    const error = Math.min(Math.abs(estimate - left), Math.abs(estimate - right)) / Math.max(1, Math.abs(left));
    const straddles = kinks.some((k) => Math.abs(k.at - z) < h);
    return { z, estimate, left, right, error, straddles };
  });
}

/** The table the backprop lesson shows: ReLU with h = 10⁻³, from far left through the kink to far right. */
export const RELU_CHECK_H = 1e-3;
export const RELU_CHECK_POINTS = [-0.5, -5e-4, 0, 2.5e-4, 5e-4, 1e-3, 0.5] as const;
