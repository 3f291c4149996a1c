import { normalPdf } from './normal.ts';

/**
 * E[f(Z)] for Z ~ N(0, variance): ∫ f(√variance · t) φ(t) dt, by composite Simpson's rule on
 * t ∈ [−T, T] split at the breakpoints (an activation's kinks, where f or f′ jumps), so that every
 * piece is smooth and the rule keeps its h⁴ accuracy. T = 12: φ(12) ≈ 5·10⁻³², far below float64's
 * resolution of any moment the course uses. Variance 0 is the point mass: f(0).
 *
 * Used for the second moments behind initialisation, E[g(z)²] and E[g′(z)²] (test/reference has
 * mpmath values for both).
 */
export function gaussianExpectation(
  f: (z: number) => number,
  variance: number,
  breakpoints: readonly number[] = [],
): number {
  if (!(variance >= 0) || !Number.isFinite(variance)) return Number.NaN;
  if (variance === 0) return f(0);
  const sd = Math.sqrt(variance);
  const T = 12;
  // The kinks in units of the standard deviation, inside (−T, T).
  const cuts = [...new Set(breakpoints.map((b) => b / sd))].filter((t) => t > -T && t < T).sort((a, b) => a - b);
  const ends = [-T, ...cuts, T];
  let total = 0;
  for (let k = 0; k + 1 < ends.length; k++) {
    const a = ends[k] as number;
    const b = ends[k + 1] as number;
    // About 50 subintervals per unit of t, an even number, at least 2.
    const n = Math.max(2, 2 * Math.ceil(((b - a) * 50) / 2));
    const h = (b - a) / n;
    // Simpson's weights 1, 4, 2, 4, …, 4, 1; the end points of a piece are evaluated just inside it,
    // so a value at a kink is the limit from that piece's side, not the registry's convention.
    const inside = (t: number, side: number): number => f(sd * (t + side * 1e-12 * Math.max(1, Math.abs(t))));
    let sum = inside(a, 1) * normalPdf(a) + inside(b, -1) * normalPdf(b);
    for (let i = 1; i < n; i++) {
      const t = a + i * h;
      sum += (i % 2 === 1 ? 4 : 2) * f(sd * t) * normalPdf(t);
    }
    total += (sum * h) / 3;
  }
  return total;
}
