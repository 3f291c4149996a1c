/** 1/φ = (√5 − 1)/2: each step keeps this fraction of the bracket and reuses one inner point. */
const INVERSE_PHI = (Math.sqrt(5) - 1) / 2;

/**
 * Where `f` is smallest on [a, b], by golden-section search: f is assumed unimodal there; NaN counts
 * as +∞. The bracket shrinks until its two inner points meet (adjacent doubles) or 200 steps; the
 * best of the last inner points and the two ends is returned, so a minimum at an end is not lost.
 * For a maximum, minimise −f.
 */
export function goldenSectionMin(f: (x: number) => number, a: number, b: number): number {
  const value = (x: number): number => {
    const v = f(x);
    return Number.isNaN(v) ? Number.POSITIVE_INFINITY : v;
  };
  let lo = a;
  let hi = b;
  let x1 = hi - INVERSE_PHI * (hi - lo);
  let x2 = lo + INVERSE_PHI * (hi - lo);
  let f1 = value(x1);
  let f2 = value(x2);
  for (let i = 0; i < 200 && x1 < x2; i++) {
    if (f1 <= f2) {
      hi = x2;
      x2 = x1;
      f2 = f1;
      x1 = hi - INVERSE_PHI * (hi - lo);
      f1 = value(x1);
    } else {
      lo = x1;
      x1 = x2;
      f1 = f2;
      x2 = lo + INVERSE_PHI * (hi - lo);
      f2 = value(x2);
    }
  }
  let best = f1 <= f2 ? x1 : x2;
  let bestValue = Math.min(f1, f2);
  for (const x of [a, b]) {
    const v = value(x);
    if (v < bestValue) {
      best = x;
      bestValue = v;
    }
  }
  return best;
}
