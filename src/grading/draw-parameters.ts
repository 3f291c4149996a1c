import { hashSeed, mulberry32 } from './prng.ts';

/** A parameter drawn from a range (on a grid of `step` from `min` when given) or from a list. */
export type ParameterSpec =
  { readonly min: number; readonly max: number; readonly step?: number } | { readonly choices: readonly number[] };

/**
 * Deterministic exercise parameters: the same seed gives the same values on every machine. Each
 * name draws from its own stream (seeded by seed and name), so adding a parameter never changes
 * the others. With `step`, values are `min + k·step` ≤ max, rounded to the step's decimals
 * (0.1 steps give 0.3, not 0.30000000000000004); without it, uniform in [min, max).
 * Throws an Error for an empty range or list (an authoring bug).
 */
export function drawParameters<K extends string>(
  seed: string | number,
  spec: Readonly<Record<K, ParameterSpec>>,
): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const key of Object.keys(spec) as K[]) {
    const p = spec[key];
    const random = mulberry32(hashSeed(`${String(seed)}\u0000${key}`));
    if ('choices' in p) {
      if (p.choices.length === 0) throw new Error(`drawParameters: \`${key}\` has no choices`);
      const pick = p.choices[Math.floor(random() * p.choices.length)];
      out[key] = pick ?? Number.NaN;
      continue;
    }
    if (!(p.max >= p.min)) throw new Error(`drawParameters: \`${key}\` has an empty range`);
    if (p.step === undefined) {
      out[key] = p.min + (p.max - p.min) * random();
      continue;
    }
    if (!(p.step > 0)) throw new Error(`drawParameters: \`${key}\` needs a positive step`);
    const count = Math.floor((p.max - p.min) / p.step + 1e-9) + 1;
    const k = Math.floor(random() * count);
    const decimals = Math.min(15, Math.max(decimalsOf(p.step), decimalsOf(p.min)));
    out[key] = Number((p.min + k * p.step).toFixed(decimals));
  }
  return out;
}

/** Digits after the decimal point in the shortest form of x (`0.25` → 2, `1e-3` → 3). */
function decimalsOf(x: number): number {
  const [mantissa = '', exponent = '0'] = String(x).split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent));
}
