import { mulberry32 } from './prng.ts';

/**
 * Fixed points, in the order a counterexample is preferred (simple numbers first): both signs,
 * small |z| where Taylor-like mistakes hide, and |z| up to 30 where activations saturate and differ
 * (σ(20) = 1 − 2·10⁻⁹; softplus and ReLU differ by e^(−|z|)). 0 is included unless it is a kink.
 */
export const FIXED_POINTS: readonly number[] = [
  1, -1, 2, -2, 0.5, -0.5, 3, -3, 0, 0.1, -0.1, 5, -5, 1.5, -1.5, 0.25, -0.25, 10, -10, 4, -4, 7, -7, 0.001, -0.001, 20,
  -20, 30, -30,
];

/**
 * The far tails, where a difference planted beyond the usual range hides (`z > 45 ? 5 : …`). Points
 * where float64 overflows here are re-checked in higher precision, never skipped (see equivalent.ts).
 */
export const TAIL_POINTS: readonly number[] = [45, -45, 60, -60, 100, -100, 300, -300, 1000, -1000];

/** Offsets placed on both sides of every kink (scaled by max(1, |kink|), at most a third of the gap to the next kink). */
const KINK_OFFSETS: readonly number[] = [1e-3, 0.25, 1];

/** Fractions of every interval between neighbouring kinks that are sampled, so no interval goes unsampled. */
const INTERVAL_FRACTIONS: readonly number[] = [0.01, 0.5, 0.99];

/** Beyond the outermost kink, points at these multiples of its distance from 0 (the tail after it). */
const BEYOND_FACTORS: readonly number[] = [1.5, 3, 10];

/** …for outermost kinks inside ±BEYOND_LIMIT (so no point lies beyond ±10⁵, where 50-digit e^z stops). */
const BEYOND_LIMIT = 1e4;

/** Points closer than this (scaled by max(1, |kink|)) to a kink are dropped unless inside a narrower interval. */
const KINK_CLEARANCE = 1e-4;

/** Seed of the pseudo-random points: fixed, so the same answer gets the same verdict every day. */
const SEED = 0x5eed2026;

/** Default number of seeded pseudo-random points. */
export const DEFAULT_RANDOM_SAMPLES = 24;

export interface SamplePointOptions {
  /** Where the trees switch branch or have a narrow feature (see findKinks). */
  readonly kinks?: readonly number[];
  /** How many seeded pseudo-random points to add. Default 24. */
  readonly samples?: number;
}

/** A sample point and how far it may step (numeric derivatives) before meeting a kink. */
export interface SamplePoint {
  readonly z: number;
  readonly clearance: number;
  /** A kink itself (checked under the kink convention, see equivalent.ts); never from samplePoints. */
  readonly kink?: boolean;
  /** A point placed for a narrow interval between kinks (a fraction across it, or a shrunk offset). */
  readonly interior?: boolean;
}

/**
 * The deterministic sample points: the fixed list and the far tails (±45 … ±1000); both sides of
 * each kink (kink ± 0.001, ± 0.25, ± 1, scaled by max(1, |kink|) and shrunk to a third of the gap
 * to a neighbouring kink); 1 %, 50 % and 99 % of the way across every interval between
 * neighbouring kinks, however narrow, so a boundary moved by 10⁻⁶ still leaves a point in the
 * strip between the two boundaries; 1.5, 3 and 10 times the outermost kinks; then seeded
 * pseudo-random points — half uniform in [−4, 4], half log-uniform in magnitude over [0.01, 30]
 * with either sign. Never a kink itself (those are checked separately, see equivalent.ts); a
 * point within 1e-4·max(1, |k|) of a kink k is dropped unless it is one of an interval's
 * fractions. Duplicates removed.
 */
export function samplePoints(options: SamplePointOptions = {}): SamplePoint[] {
  const kinks = [...new Set((options.kinks ?? []).filter(Number.isFinite))].sort((a, b) => a - b);
  const count = Math.max(0, Math.min(1000, Math.floor(options.samples ?? DEFAULT_RANDOM_SAMPLES)));
  const candidates: number[] = [...FIXED_POINTS, ...TAIL_POINTS];
  const interior = new Set<number>();
  kinks.forEach((k, i) => {
    const scale = Math.max(1, Math.abs(k));
    const below = i > 0 ? k - (kinks[i - 1] ?? k) : Number.POSITIVE_INFINITY;
    const above = i < kinks.length - 1 ? (kinks[i + 1] ?? k) - k : Number.POSITIVE_INFINITY;
    for (const d of KINK_OFFSETS) {
      // An offset shrunk to a third of the gap is, like the fractions, a point for narrow intervals.
      const left = k - Math.min(d * scale, below / 3);
      const right = k + Math.min(d * scale, above / 3);
      candidates.push(left, right);
      if (below / 3 < d * scale) interior.add(left);
      if (above / 3 < d * scale) interior.add(right);
    }
    const next = kinks[i + 1];
    if (next !== undefined) {
      for (const f of INTERVAL_FRACTIONS) {
        const z = k + f * (next - k);
        if (z > k && z < next) {
          candidates.push(z);
          interior.add(z);
        }
      }
    }
  });
  const first = kinks[0];
  const last = kinks[kinks.length - 1];
  for (const f of BEYOND_FACTORS) {
    if (first !== undefined && first < -1 && first > -BEYOND_LIMIT) candidates.push(first * f);
    if (last !== undefined && last > 1 && last < BEYOND_LIMIT) candidates.push(last * f);
  }
  const random = mulberry32(SEED);
  for (let i = 0; i < count; i++) {
    if (i % 2 === 0) {
      candidates.push(-4 + 8 * random());
    } else {
      const magnitude = Math.exp(Math.log(0.01) + (Math.log(30) - Math.log(0.01)) * random());
      candidates.push(random() < 0.5 ? -magnitude : magnitude);
    }
  }
  const seen = new Set<number>();
  const points: SamplePoint[] = [];
  for (const z of candidates) {
    if (seen.has(z)) continue;
    seen.add(z);
    const clearance = distanceToNearest(z, kinks);
    if (clearance === 0) continue;
    if (!interior.has(z) && kinks.some((k) => Math.abs(z - k) < KINK_CLEARANCE * Math.max(1, Math.abs(k)))) continue;
    points.push(interior.has(z) ? { z, clearance, interior: true } : { z, clearance });
  }
  return points;
}

function distanceToNearest(z: number, sorted: readonly number[]): number {
  let d = Number.POSITIVE_INFINITY;
  for (const k of sorted) d = Math.min(d, Math.abs(z - k));
  return d;
}
