import { mulberry32 } from '../../src/grading/prng.ts';

/**
 * Seeded randomness for the charts, so a given seed always draws the same picture (and snapshot),
 * from the project's one generator (src/grading/prng.ts).
 */

/** `count` standard normal draws from `seed` (Box–Muller: √(−2 ln u)·cos(2πv) with u ∈ (0, 1]). */
export function standardNormals(seed: number, count: number): Float64Array {
  const uniform = mulberry32(seed);
  const out = new Float64Array(count);
  for (let i = 0; i < count; i += 2) {
    const u = 1 - uniform();
    const v = uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    out[i] = r * Math.cos(2 * Math.PI * v);
    if (i + 1 < count) out[i + 1] = r * Math.sin(2 * Math.PI * v);
  }
  return out;
}
