import type { DerivativeRoot } from './derivative-roots.ts';

/** True when z is close enough to the zero of g' that the series (not the direct formula) should be used. */
export function nearRoot(z: number, root: DerivativeRoot): boolean {
  return Math.abs(z - root.hi) <= root.radius;
}

/**
 * g'(z) = Σ_{k≥1} c_k h^k with h = (z − hi) − lo (Horner). z − hi is exact near the zero (Sterbenz),
 * so h, and with it g', keep full relative accuracy down to the zero itself.
 */
export function rootSeries(z: number, root: DerivativeRoot): number {
  const h = z - root.hi - root.lo;
  const c = root.coefficients;
  let sum = 0;
  for (let k = c.length - 1; k >= 0; k--) sum = sum * h + (c[k] as number);
  return sum * h;
}
