/**
 * A tiny seeded pseudo-random generator, so every sample point and every drawn exercise parameter is
 * the same on every machine and every day. Not for cryptography.
 */

/** A generator of floats in [0, 1). */
export type Random = () => number;

/**
 * Mulberry32 (Tommy Ettinger, public domain): a 32-bit state advanced by a Weyl step (+0x6D2B79F5),
 * then mixed by two xor-shift-multiply rounds. Period 2³², ample for a few hundred draws.
 */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A 32-bit seed from a string or a number: FNV-1a over the UTF-16 code units of its text form
 * (offset basis 2166136261, prime 16777619), so `'lesson-3'` and `3` are both valid seeds.
 */
export function hashSeed(seed: string | number): number {
  const text = typeof seed === 'number' ? `#${seed}` : seed;
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}
