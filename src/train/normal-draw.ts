import type { Random } from '../grading/prng.ts';

/**
 * One standard normal draw from a uniform generator (Box–Muller: √(−2 ln u)·cos(2πv), with
 * u = 1 − U ∈ (0, 1] so the logarithm is finite). Uses two uniforms per draw; simplicity over speed,
 * since networks and datasets need at most a few thousand draws.
 */
export function normalDraw(random: Random): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
