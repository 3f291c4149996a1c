/** e^x is subnormal below x ≈ −708.4: from there on it carries fewer than 53 significant bits. */
const SUBNORMAL_EXP = -708;

/**
 * a·e^x without a subnormal intermediate. Below x = −708, e^x alone would be rounded to the coarse
 * subnormal grid and a large |a| would magnify that error; (a·e^{x/2})·e^{x/2} keeps every
 * intermediate normal and rounds to the subnormal grid once, at the end. x/2 is exact.
 */
export function mulExp(a: number, x: number): number {
  if (x > SUBNORMAL_EXP) return a * Math.exp(x);
  const h = Math.exp(x / 2);
  return a * h * h;
}
