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

/** Offsets placed on both sides of every kink (scaled by max(1, |kink|)). */
const KINK_OFFSETS: readonly number[] = [1e-3, 0.25, 1];

/** Points closer than this (scaled by max(1, |kink|)) to a kink are dropped: kinks are isolated points. */
const KINK_CLEARANCE = 1e-4;

/** Seed of the pseudo-random points: fixed, so the same answer gets the same verdict every day. */
const SEED = 0x5eed2026;

/** Default number of seeded pseudo-random points. */
export const DEFAULT_RANDOM_SAMPLES = 24;

export interface SamplePointOptions {
  /** Where the trees switch branch (see findKinks). */
  readonly kinks?: readonly number[];
  /** How many seeded pseudo-random points to add. Default 24. */
  readonly samples?: number;
}

/** A sample point and how far it may step (numeric derivatives) before meeting a kink. */
export interface SamplePoint {
  readonly z: number;
  readonly clearance: number;
}

/**
 * The deterministic sample points: the fixed list, both sides of each kink (kink ± 0.001, ± 0.25,
 * ± 1), then seeded pseudo-random points — half uniform in [−4, 4], half log-uniform in magnitude
 * over [0.01, 30] with either sign. Points within 1e-4 of a kink are dropped; duplicates removed.
 */
export function samplePoints(options: SamplePointOptions = {}): SamplePoint[] {
  const kinks = [...(options.kinks ?? [])].filter(Number.isFinite).sort((a, b) => a - b);
  const count = Math.max(0, Math.min(1000, Math.floor(options.samples ?? DEFAULT_RANDOM_SAMPLES)));
  const candidates: number[] = [...FIXED_POINTS];
  for (const k of kinks) {
    const scale = Math.max(1, Math.abs(k));
    for (const d of KINK_OFFSETS) candidates.push(k - d * scale, k + d * scale);
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
    if (kinks.some((k) => Math.abs(z - k) < KINK_CLEARANCE * Math.max(1, Math.abs(k)))) continue;
    points.push({ z, clearance });
  }
  return points;
}

function distanceToNearest(z: number, sorted: readonly number[]): number {
  let d = Number.POSITIVE_INFINITY;
  for (const k of sorted) d = Math.min(d, Math.abs(z - k));
  return d;
}
