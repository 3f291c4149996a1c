import type { Activation, Params } from './activation.ts';
import { goldenSectionMin } from './golden-section.ts';
import { resolveParams } from './params.ts';

/** A sampled curve: z ascending, g = g(z), dg = g'(z) (the kink convention at a kink). */
export interface Curve {
  readonly z: Float64Array;
  readonly g: Float64Array;
  readonly dg: Float64Array;
}

export interface IntervalOptions {
  /** Left end of the interval, finite. */
  readonly from: number;
  /** Right end, finite and greater than `from`. */
  readonly to: number;
  /** Parameter overrides, validated with `resolveParams`. Default: the entry's defaults. */
  readonly params?: Params;
}

export interface SampleOptions extends IntervalOptions {
  /** Number of uniform grid points including both ends (≥ 2). Kinks are added on top. */
  readonly n: number;
}

export interface ScanOptions extends IntervalOptions {
  /** Grid points for the initial scan, default 2001; features narrower than the spacing may be missed. */
  readonly n?: number;
}

export interface LowGradientOptions extends ScanOptions {
  /** Threshold: the intervals returned are where |g'(z)| < epsilon. */
  readonly epsilon: number;
}

const DEFAULT_SCAN_POINTS = 2001;

function checkInterval(from: number, to: number, n: number): void {
  if (!Number.isFinite(from) || !Number.isFinite(to) || !(from < to)) {
    throw new RangeError(`need finite from < to, got [${from}, ${to}]`);
  }
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`need an integer n ≥ 2, got ${n}`);
}

/**
 * n uniform points from `from` to `to` (both included exactly) merged with the kink locations
 * strictly inside, sorted and without duplicates. The same inputs always give the same grid.
 */
export function sampleGrid(from: number, to: number, n: number, kinks: readonly number[] = []): Float64Array {
  checkInterval(from, to, n);
  const points: number[] = [];
  for (let i = 0; i < n; i++) points.push(i === n - 1 ? to : from + ((to - from) * i) / (n - 1));
  for (const k of kinks) if (k > from && k < to) points.push(k);
  points.sort((a, b) => a - b);
  const out: number[] = [];
  for (const p of points) if (out.length === 0 || out[out.length - 1] !== p) out.push(p);
  return Float64Array.from(out);
}

/** g and g' on a fixed uniform grid over [from, to] that also contains every kink in the interval. */
export function sampleCurve(activation: Activation, options: SampleOptions): Curve {
  const params = resolveParams(activation, options.params);
  const z = sampleGrid(
    options.from,
    options.to,
    options.n,
    activation.kinks.map((k) => k.at),
  );
  const g = new Float64Array(z.length);
  const dg = new Float64Array(z.length);
  for (let i = 0; i < z.length; i++) {
    const x = z[i] as number;
    g[i] = activation.value(x, params);
    dg[i] = activation.derivative(x, params);
  }
  return { z, g, dg };
}

/**
 * Bisect [a, b] where `inside(a) !== inside(b)` down to adjacent doubles; returns the end that is inside.
 */
function boundary(inside: (x: number) => boolean, a: number, b: number): number {
  const aInside = inside(a);
  let lo = a;
  let hi = b;
  for (let i = 0; i < 200; i++) {
    const mid = lo + (hi - lo) / 2;
    if (mid === lo || mid === hi) break;
    if (inside(mid) === aInside) lo = mid;
    else hi = mid;
  }
  return aInside ? lo : hi;
}

/**
 * The parts of [from, to] where |g'(z)| < ε (saturation and dead zones), as closed intervals
 * [a, b] in ascending order. Boundaries are bisected to adjacent doubles; a dip of |g'| below ε
 * between grid points is found by a golden-section search around each local minimum of the scan.
 */
export function lowGradientIntervals(activation: Activation, options: LowGradientOptions): [number, number][] {
  const { from, to, epsilon } = options;
  if (!(epsilon > 0)) throw new RangeError(`need epsilon > 0, got ${epsilon}`);
  const params = resolveParams(activation, options.params);
  const abs = (x: number): number => Math.abs(activation.derivative(x, params));
  const inside = (x: number): boolean => abs(x) < epsilon;
  const kinks = activation.kinks.map((k) => k.at);
  const z = sampleGrid(from, to, options.n ?? DEFAULT_SCAN_POINTS, kinks);
  const a = Array.from(z, abs);
  const last = z.length - 1;
  const intervals: [number, number][] = [];

  // Runs of grid points inside the set, with both ends refined.
  for (let i = 0; i <= last; i++) {
    if (!((a[i] as number) < epsilon)) continue;
    let j = i;
    while (j < last && (a[j + 1] as number) < epsilon) j++;
    const left = i === 0 ? from : boundary(inside, z[i] as number, z[i - 1] as number);
    const right = j === last ? to : boundary(inside, z[j] as number, z[j + 1] as number);
    intervals.push([left, right]);
    i = j;
  }

  // Dips narrower than the grid: a local minimum of the scan that is above ε but might not be.
  for (let i = 1; i < last; i++) {
    const [l, m, r] = [a[i - 1] as number, a[i] as number, a[i + 1] as number];
    if (m < epsilon || m > l || m > r || kinks.includes(z[i] as number)) continue;
    const zl = z[i - 1] as number;
    const zr = z[i + 1] as number;
    const zm = goldenSectionMin(abs, zl, zr);
    if (!inside(zm)) continue;
    intervals.push([boundary(inside, zm, zl), boundary(inside, zm, zr)]);
  }

  intervals.sort((p, q) => p[0] - q[0]);
  const merged: [number, number][] = [];
  for (const iv of intervals) {
    const prev = merged[merged.length - 1];
    if (prev !== undefined && iv[0] <= prev[1]) prev[1] = Math.max(prev[1], iv[1]);
    else merged.push([iv[0], iv[1]]);
  }
  return merged;
}

/**
 * Where |g'| is largest on [from, to]: the best point of a scan (kinks included, with their
 * convention values), refined by golden-section search between its neighbours.
 */
export function maxAbsDerivative(activation: Activation, options: ScanOptions): { z: number; value: number } {
  const params = resolveParams(activation, options.params);
  const abs = (x: number): number => Math.abs(activation.derivative(x, params));
  const kinks = activation.kinks.map((k) => k.at);
  const z = sampleGrid(options.from, options.to, options.n ?? DEFAULT_SCAN_POINTS, kinks);
  let best = 0;
  let bestValue = -Infinity;
  for (let i = 0; i < z.length; i++) {
    const v = abs(z[i] as number);
    if (v > bestValue) {
      best = i;
      bestValue = v;
    }
  }
  let zBest = z[best] as number;
  // A kink is a grid point, so the open bracket between the neighbours holds no kink: |g'| is continuous there.
  if (!kinks.includes(zBest)) {
    const zm = goldenSectionMin(
      (x) => -abs(x),
      z[Math.max(best - 1, 0)] as number,
      z[Math.min(best + 1, z.length - 1)] as number,
    );
    const vm = abs(zm);
    if (vm > bestValue) {
      zBest = zm;
      bestValue = vm;
    }
  }
  return { z: zBest, value: bestValue };
}
