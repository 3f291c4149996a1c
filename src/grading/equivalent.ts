import { children, parse } from '../symbolic/index.ts';
import type { Expr } from '../symbolic/index.ts';
import {
  compileChecked,
  ERROR_FACTOR as IMPORTED_ERROR_FACTOR,
  stateAt as importedStateAt,
} from './evaluate-with-derivatives.ts';
import type { CheckedFn, Scope } from './evaluate-with-derivatives.ts';
import { preciseAgree, preciseEvaluator } from './evaluate-precise.ts';
import type { PreciseFn } from './evaluate-precise.ts';
import { findKinks } from './find-kinks.ts';
import { samplePoints } from './sample-points.ts';
import type { SamplePoint } from './sample-points.ts';

/** Options of {@link equivalent}. Every field is optional. */
export interface EquivalenceOptions {
  /**
   * Symbols that stand for expressions of the variable, e.g. `{ g: 'sigmoid(z)' }` so that
   * `g*(1-g)` is compared as σ(z)(1 − σ(z)). Strings are parsed in the answer syntax (they may use
   * the other defined symbols, the parameters and `d/dz(…)`). Default: none.
   */
  readonly define?: Readonly<Record<string, Expr | string>>;
  /** Values of parameters, e.g. `{ alpha: 0.01 }`. Default: none. */
  readonly params?: Readonly<Record<string, number>>;
  /** Extra kinks (branch points) to sample on both sides of, added to those found automatically. */
  readonly kinks?: readonly number[];
  /** The variable. Default `'z'`. */
  readonly variable?: string;
  /** Number of seeded pseudo-random sample points, on top of the fixed ones. Default 24. */
  readonly samples?: number;
  /** Compare only at sample points inside `[min, max]` (e.g. `[0, Infinity]` for z > 0). Default: all. */
  readonly interval?: readonly [number, number];
}

/** Where two expressions were seen to differ: `left` is the first expression's value, `right` the second's. */
export interface Counterexample {
  readonly z: number;
  readonly left: number;
  readonly right: number;
}

export interface EquivalenceResult {
  readonly equal: boolean;
  /**
   * Not equal because the check could not decide, not because a difference was seen: at some
   * point neither float64 nor 50-digit evaluation could confirm the two sides agree (a value
   * beyond even that range, a `d/dz` node evaluated numerically with too little precision).
   * Never reported as equal; the grader says "couldn't confirm — try a simpler form".
   */
  readonly undecided?: boolean;
  /** Why not equal (or what limited the check), in a sentence. */
  readonly reason?: string;
  readonly counterexample?: Counterexample;
}

// Local copies of hot imports: module runners (Vitest's) turn each imported binding into a getter call.
const ERROR_FACTOR = IMPORTED_ERROR_FACTOR;
const stateAt = importedStateAt;

/** Relative tolerance at a point: far below a factor 1 + 1e-9, far above float64 rounding. */
export const RELATIVE_TOLERANCE = 1e-11;
/** Relative tolerance where a numeric derivative is involved (Richardson reaches ~1e-12). */
export const DERIVATIVE_TOLERANCE = 1e-8;
/** The smallest normal double: below it float64 keeps fewer than 53 bits. */
const MIN_NORMAL = 2.2250738585072014e-308;
/** A point only counts as a check if the rounding-error bound is below this fraction of the values. */
const CONCLUSIVE_FRACTION = 1e-3;
/** At least this many points (and half of those where the reference is defined) must be conclusive. */
const MIN_CONCLUSIVE = 6;
/**
 * Absolute noise of a numeric derivative of a function that is constant near the point (per unit
 * of the reference's size): Richardson differences of a constant leave ~1e-15, so 1e-13 is zero.
 */
const DERIVATIVE_ZERO_FLOOR = 1e-13;
/**
 * A zero floor above this (per unit of the reference's size, and at least in absolute terms) says
 * nothing: it comes from cancelling huge terms (`1e20 + z − 1e20`), and such a point stays inconclusive.
 */
const ZERO_FLOOR_CAP = 1e-9;
/**
 * Two values both below this fraction of the reference's largest |value| are both zero (a few ulp
 * of that size): `g − g²` and `g·(1 − g)` at z = 45 agree, and the stored key's form does not
 * matter (`1 − tanh(z)²` rounds to 0 where `sech(z)²` is 1.7e-17).
 */
const ZERO_FLOOR = 1e-15;
/** …provided their error bounds are below this fraction of that size (`1e20 + z − 1e20` is not 0 but noise). */
const ZERO_NOISE = 1e-12;
/**
 * Float64 agreement (to 1e-11) confirms a point only where both error bounds are below this
 * fraction of the values: then the true values differ by at most ~2.5e-7 relative whatever the
 * answer's rounding, so no planted sloppiness can hide more. Elsewhere the point is re-checked in
 * 50 digits (σ(1 − σ) at z ≥ 17, where 1 − σ keeps few digits in float64).
 */
const CONFIRM_FRACTION = 1e-6;
/** With d/dz nodes, only points with |z| ≤ this count (no 50-digit re-check exists for them). */
const NUMERIC_RANGE = 40;
/** How far beside a kink its one-sided values are taken (scaled by max(1, |kink|)). */
const KINK_SIDE = 1e-9;
/** A change of more than this (relative to max(1, |values|)) across a kink is a jump. */
const JUMP = 1e-6;
/** At most this many points per comparison are re-checked in 50 digits (each costs ~50 µs). */
const MAX_PRECISE_POINTS = 24;
/** Two 50-digit values below this (per unit of the reference's size) both count as zero. */
const PRECISE_FLOOR = 1e-35;

/**
 * THE checker: are `a` and `b` equal as real functions of the variable, wherever `b` is defined,
 * except at isolated points?
 *
 * Both are evaluated at deterministic sample points (see samplePoints: fixed list, both sides of
 * every kink — those in `options.kinks` and those findKinks finds — and seeded pseudo-random
 * points), never exactly at a kink. At each point:
 * - `b` not finite (undefined, a pole, overflow): the point is skipped;
 * - `b` finite, `a` not: not equal ("undefined where the reference is defined"), unless `a` is
 *   finite just beside the point (an isolated removable point like z/z at 0) or `a` lost its value
 *   to float64 overflow or rounding onto a pole;
 * - both finite: equal if |a − b| ≤ tol·max(|a|, |b|) + 4·(eₐ + e_b), where eₐ, e_b are the
 *   running error bounds of the two evaluations and tol is 1e-11 (1e-8 with d/dz nodes). The error
 *   term accepts forms that cancel in float64 (σ − σ² vs σ(1 − σ) at z = 20); at generic points it
 *   is ~1e-15 relative, so a factor 1 + 1e-9 is rejected.
 * - both within a zero floor: they agree there, and the point counts. The floor is what their error
 *   bounds allow, 4·(eₐ + e_b), plus 1e-13·s with d/dz nodes (s = max(1, largest |b| over the
 *   points): a numeric derivative of a constant is ~1e-15, not 0). Only a floor of at most
 *   1e-9·s counts: a larger one comes from cancelling huge terms (`1e20 + z − 1e20`), and says
 *   nothing. So functions that are 0 on whole intervals (d/dz(0.1) = 0, a branch `… ? 0 : …`)
 *   are confirmed there, while `1e-10·z` and 0 still differ (1e-10·z is far above its floor).
 * A point whose error bound exceeds 1e-3 of the values checks nothing; if fewer than six points
 * (or fewer than half) are conclusive the result is not equal, with a reason. NaN never equals NaN.
 *
 * Deterministic: the same inputs give the same verdict and counterexample on every run.
 * Throws an Error only for a caller's mistake: a name neither defined nor a parameter, a
 * definition that does not parse or refers to itself.
 */
export function equivalent(a: Expr, b: Expr, options: EquivalenceOptions = {}): EquivalenceResult {
  const checker = prepareChecker([a, b], options);
  const left = checker.tabulate(a);
  const right = checker.tabulate(b);
  return compareTables(left, right, options.interval === undefined ? {} : { interval: options.interval });
}

/** Sample points and scope shared by several comparisons against one reference (used by the grader). */
export interface Checker {
  readonly scope: Scope;
  readonly points: readonly SamplePoint[];
  /** Values and error bounds of `e` at every sample point. */
  tabulate(e: Expr): Table;
}

/** One expression evaluated at every sample point. */
export interface Table {
  readonly points: readonly SamplePoint[];
  readonly values: Float64Array;
  readonly errors: Float64Array;
  /** 1 where the value was lost to float64 (overflow, rounding onto a pole). */
  readonly unreliable: Uint8Array;
  readonly fn: CheckedFn;
  /** Whether a d/dz node is involved (looser tolerance). */
  readonly numeric: boolean;
  /** At kink points only: the values just left and right of the kink (NaN elsewhere). */
  readonly left: Float64Array;
  readonly right: Float64Array;
  /** The tree in 50-digit precision (undefined with a d/dz node), compiled on first use. */
  precise(): PreciseFn | undefined;
}

/** Builds the scope and sample points for `trees` (kinks found in all of them). */
export function prepareChecker(trees: readonly Expr[], options: EquivalenceOptions = {}): Checker {
  const scope = makeScope(options);
  const features = !trees.some((t) => involvesDerivative(t, scope));
  return checkerFor(scope, findKinks(trees, scope, options.kinks ?? [], { features }), options.samples);
}

/** A checker with a known scope and kinks (the grader caches the reference's kinks). */
export function checkerFor(scope: Scope, kinks: readonly number[], samples?: number): Checker {
  const ordinary = samplePoints(samples === undefined ? { kinks } : { kinks, samples });
  // The kinks themselves come last, so a counterexample prefers an ordinary point.
  const atKinks: SamplePoint[] = [...new Set(kinks.filter(Number.isFinite))].map((z) => ({
    z,
    clearance: 0,
    kink: true,
  }));
  const points = [...ordinary, ...atKinks];
  return { scope, points, tabulate: (e) => tabulate(e, scope, points) };
}

/** The scope of names: the variable, the parameters, and each definition parsed if it is text. */
export function makeScope(options: EquivalenceOptions): Scope {
  const variable = options.variable ?? 'z';
  const params = new Map<string, number>();
  for (const key of Object.keys(options.params ?? {})) {
    const v = options.params?.[key];
    if (typeof v !== 'number') throw new Error(`checker: parameter \`${key}\` must be a number`);
    params.set(key, v);
  }
  const defineKeys = Object.keys(options.define ?? {});
  const define = new Map<string, Expr>();
  for (const key of defineKeys) {
    const d = options.define?.[key];
    if (d === undefined) continue;
    if (typeof d === 'string') {
      const parsed = parse(d, { symbols: [...defineKeys, ...params.keys()], variable, derivatives: true });
      if (!parsed.ok)
        throw new Error(
          `checker: the definition ${key} = ${d} does not parse: ${parsed.error.message} at ${parsed.error.position}`,
        );
      define.set(key, parsed.tree);
    } else {
      define.set(key, d);
    }
  }
  for (const key of define.keys()) findCycle(key, define, []);
  return { variable, params, define };
}

/** Throws if the definition of `key` refers back to itself, directly or through other symbols. */
function findCycle(key: string, define: ReadonlyMap<string, Expr>, path: readonly string[]): void {
  if (path.includes(key))
    throw new Error(`checker: the definition of \`${key}\` refers to itself (${[...path, key].join(' → ')})`);
  const tree = define.get(key);
  if (tree === undefined) return;
  const names = new Set<string>();
  const collect = (e: Expr): void => {
    if (e.kind === 'name' && define.has(e.name)) names.add(e.name);
    children(e).forEach(collect);
  };
  collect(tree);
  for (const n of names) findCycle(n, define, [...path, key]);
}

/** Whether `e` (or a definition it uses) contains a d/dz node. */
function involvesDerivative(e: Expr, scope: Scope, seen = new Set<string>()): boolean {
  if (e.kind === 'derivative') return true;
  if (e.kind === 'name' && !seen.has(e.name)) {
    seen.add(e.name);
    const def = scope.define.get(e.name);
    if (def !== undefined && involvesDerivative(def, scope, seen)) return true;
  }
  return children(e).some((c) => involvesDerivative(c, scope, seen));
}

export function tabulate(e: Expr, scope: Scope, points: readonly SamplePoint[]): Table {
  const fn = compileChecked(e, scope);
  const numeric = involvesDerivative(e, scope);
  const n = points.length;
  const values = new Float64Array(n);
  const errors = new Float64Array(n);
  const unreliable = new Uint8Array(n);
  const left = new Float64Array(n).fill(Number.NaN);
  const right = new Float64Array(n).fill(Number.NaN);
  points.forEach((p, i) => {
    if (p.kink === true) {
      // A numeric derivative cannot be taken at a kink; the ordinary points beside it check it.
      if (numeric) {
        values[i] = Number.NaN;
        return;
      }
      const d = KINK_SIDE * Math.max(1, Math.abs(p.z));
      left[i] = fn(stateAt(p.z - d));
      right[i] = fn(stateAt(p.z + d));
    }
    const s = stateAt(p.z, p.clearance);
    values[i] = fn(s);
    errors[i] = s.err;
    unreliable[i] = s.unreliable ? 1 : 0;
  });
  let precise: PreciseFn | undefined | null = null;
  return {
    points,
    values,
    errors,
    unreliable,
    fn,
    numeric,
    left,
    right,
    precise: () => (precise === null ? (precise = preciseEvaluator(e, scope)) : precise),
  };
}

export interface CompareOptions {
  /** Compare `factor·a` with `b` (detectors: −1 for a sign error, ½ or 2 for a lost factor). Default 1. */
  readonly factor?: number;
  /** Only points inside `[min, max]`. */
  readonly interval?: readonly [number, number];
}

/** Compares two tables point by point (see {@link equivalent} for the rules). */
export function compareTables(a: Table, b: Table, options: CompareOptions = {}): EquivalenceResult {
  const factor = options.factor ?? 1;
  const [lo, hi] = options.interval ?? [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
  const numeric = a.numeric || b.numeric;
  const tolerance = numeric ? DERIVATIVE_TOLERANCE : RELATIVE_TOLERANCE;
  const inside = (z: number): boolean => z >= lo && z <= hi;
  // The reference's size, the unit of the zero floor (at least 1: 0 on every point is size 1).
  // Over the points that are compared in float64 (with d/dz nodes, |z| ≤ NUMERIC_RANGE): a far tail
  // such as e^{700} must not set the unit for z = 0.
  const compared = (z: number): boolean => inside(z) && (!numeric || Math.abs(z) <= NUMERIC_RANGE);
  let scale = 1;
  for (let i = 0; i < b.points.length; i++) {
    const z = b.points[i]?.z ?? Number.NaN;
    const vb = Math.abs(b.values[i] ?? Number.NaN);
    if (compared(z) && Number.isFinite(vb) && vb > scale) scale = vb;
  }
  const absoluteFloor = numeric ? DERIVATIVE_ZERO_FLOOR * scale : 0;
  // Below this both sides are zero at the resolution of float64 for a function of the reference's
  // size (its largest |value|, no minimum: a reference 1e-20·z keeps its own, tiny floor).
  let largest = 0;
  for (let i = 0; i < b.points.length; i++) {
    const vb = Math.abs(b.values[i] ?? Number.NaN);
    if (compared(b.points[i]?.z ?? Number.NaN) && Number.isFinite(vb) && vb > largest) largest = vb;
  }
  // A reference that is 0 at every point (`0`, `z - z`) has unit size: 0.1·z − 0.1·z, whose bound is
  // a few ulp of 0.1·z, is then 0 too.
  const referenceIsZero = largest === 0;
  if (referenceIsZero) largest = 1;
  const floorCap = ZERO_FLOOR_CAP * scale;
  const differ = (z: number, left: number, right: number, reason?: string): EquivalenceResult => ({
    equal: false,
    reason:
      reason ??
      (Number.isFinite(left)
        ? `at z = ${z} the first expression is ${left} and the second ${right}`
        : `at z = ${z} the first expression is undefined (${left}) but the second is ${right}`),
    counterexample: { z, left, right },
  });
  let defined = 0;
  let conclusive = 0;
  // Points float64 cannot decide, re-checked in 50 digits after the float64 pass.
  const recheck: number[] = [];
  for (let i = 0; i < b.points.length; i++) {
    const point = b.points[i];
    const z = point?.z ?? Number.NaN;
    if (!inside(z)) continue;
    // d/dz nodes (authored derivation steps) are checked where Richardson and float64 are at home.
    if (numeric && (Math.abs(z) > NUMERIC_RANGE || point?.interior === true)) continue;
    const vb = b.values[i] ?? Number.NaN;
    const va = factor * (a.values[i] ?? Number.NaN);
    if (point?.kink === true) {
      const verdict = atKink(va, vb, factor * (a.errors[i] ?? 0) + (b.errors[i] ?? 0), b.left[i], b.right[i]);
      if (verdict === 'skip') continue;
      if (verdict === 'differ') return differ(z, va, vb);
      // 'compare': the reference is continuous here, so the answer must match its value.
    }
    if (!Number.isFinite(vb)) {
      // Undefined reference: skipped, unless float64 lost its value (overflow, or the logarithm of an
      // underflowed 0: ln σ(−1000) is −∞ in float64 and −1000 in fact) — then 50 digits decide.
      if ((b.unreliable[i] === 1 || Math.abs(vb) === Infinity) && !numeric) recheck.push(i);
      continue;
    }
    defined++;
    if (!Number.isFinite(va)) {
      if (a.unreliable[i] === 1 || (Math.abs(va) === Infinity && !numeric)) {
        // Overflow on one side is not a reason to skip: the 50-digit values decide.
        if (!numeric) recheck.push(i);
        continue;
      }
      if (isolatedGap(a.fn, z)) continue;
      return differ(z, va, vb);
    }
    const noise =
      ERROR_FACTOR *
      (Math.abs(factor) * (a.errors[i] ?? Number.POSITIVE_INFINITY) + (b.errors[i] ?? Number.POSITIVE_INFINITY));
    const size = Math.max(Math.abs(va), Math.abs(vb));
    const difference = Math.abs(va - vb);
    // A difference beyond both error bounds is real, whatever higher precision would say.
    if (numeric) {
      // d/dz nodes: float64 and Richardson are all there is (authored derivation steps only).
      // Both zero to within what float64 and the numeric derivative can resolve: they agree here.
      const floor = noise + absoluteFloor;
      if (size <= floor && floor <= floorCap) {
        conclusive++;
        continue;
      }
      if (difference > tolerance * size + noise) return differ(z, va, vb);
      if (noise <= CONCLUSIVE_FRACTION * size || (difference === 0 && noise === 0)) conclusive++;
      continue;
    }
    // Both zero at float64's resolution of the reference's size *here*, and neither bound says more
    // could hide (at most ~2.5e-13 of that size): they agree here. The size here is the size of the
    // terms the reference was computed from (its rounding-error bound over ε; σ(1 − σ) at z = 45:
    // terms of size 1), never its largest value elsewhere: e^{700} in a far tail says nothing about
    // z = 0, where `1 − e^{−z}` and `−e^{−z}` differ by 1.
    // (A reference that is 0 at every point has unit size, as above.)
    const here = Math.min(largest, Math.max(referenceIsZero ? 1 : 0, (b.errors[i] ?? 0) / Number.EPSILON));
    if (size <= ZERO_FLOOR * here && noise <= ZERO_NOISE * here) {
      conclusive++;
      continue;
    }
    // Subnormal values keep only a few digits (4.085411e-316 against 4.08541104e-316 is rounding,
    // not a difference): float64 cannot decide there, 50 digits do.
    if (size < MIN_NORMAL) {
      recheck.push(i);
      continue;
    }
    // A difference beyond both error bounds is real, whatever higher precision would say.
    if (difference > tolerance * size + noise) return differ(z, va, vb);
    // Agreement counts only where the error bounds could not have made it: an answer's own
    // sloppiness never buys it a wider tolerance. Elsewhere 50 digits decide.
    if (difference <= tolerance * size && noise <= CONFIRM_FRACTION * size) {
      conclusive++;
    } else {
      recheck.push(i);
    }
  }
  // Which interval between neighbouring kinks each point lies in: an interval where no point
  // could be confirmed (`z > 30 ? exp(z²) − exp(z²) + 1 : …` overflows everywhere beyond 30)
  // leaves the verdict undecided; elsewhere a point float64 and 50 digits cannot decide is skipped.
  const kinks = b.points.filter((p) => p.kink === true).map((p) => p.z);
  kinks.sort((x, y) => x - y);
  const intervalOf = (z: number): number => {
    let k = 0;
    while (k < kinks.length && (kinks[k] ?? 0) < z) k++;
    return k;
  };
  const confirmedIn = new Set<number>();
  const unconfirmedIn = new Set<number>();
  for (let i = 0; i < b.points.length; i++) {
    const p = b.points[i];
    if (p === undefined || p.kink === true || !inside(p.z)) continue;
    if (!recheck.includes(i) && Number.isFinite(b.values[i] ?? Number.NaN)) confirmedIn.add(intervalOf(p.z));
  }
  if (recheck.length > 0) {
    const pa = a.precise();
    const pb = b.precise();
    const checked = recheck.slice(0, MAX_PRECISE_POINTS);
    for (const i of recheck.slice(MAX_PRECISE_POINTS)) unconfirmedIn.add(intervalOf(b.points[i]?.z ?? 0));
    for (const i of checked) {
      const z = b.points[i]?.z ?? Number.NaN;
      const interval = intervalOf(z);
      if (pa === undefined || pb === undefined) {
        unconfirmedIn.add(interval);
        continue;
      }
      const B = pb(z);
      const finiteB = Number.isFinite(b.values[i] ?? Number.NaN);
      if (!B.trusted || (!B.value.isFinite() && finiteB)) {
        unconfirmedIn.add(interval);
        continue;
      }
      // The reference really is undefined there (not only in float64).
      if (!B.value.isFinite()) continue;
      if (!finiteB) defined++;
      const A = pa(z);
      if (!A.trusted || !A.value.isFinite()) {
        unconfirmedIn.add(interval);
        continue;
      }
      const av = A.value.mul(factor);
      // Zero floors local to the point, as in the float64 pass: the reference's value and the size of
      // the terms it was computed from here, not its largest value elsewhere.
      const hereSize = Math.min(largest, Math.max(referenceIsZero ? 1 : 0, (b.errors[i] ?? 0) / Number.EPSILON));
      const floor = Math.max(PRECISE_FLOOR * Math.max(1, Math.abs(B.value.toNumber())), ZERO_FLOOR * hereSize);
      if (preciseAgree(av, B.value, tolerance, floor)) {
        conclusive++;
        confirmedIn.add(interval);
        continue;
      }
      const va = factor * (a.values[i] ?? Number.NaN);
      const vb = b.values[i] ?? Number.NaN;
      return differ(
        z,
        Number.isFinite(va) ? va : av.toNumber(),
        finiteB ? vb : B.value.toNumber(),
        `at z = ${z} the first expression is ${av.toSignificantDigits(17).toString()} and the second ${B.value.toSignificantDigits(17).toString()} (in 50-digit arithmetic)`,
      );
    }
  }
  const unconfirmed = [...unconfirmedIn].filter((k) => !confirmedIn.has(k)).length;
  if (defined === 0) return { equal: false, reason: 'the second expression is not defined at any sample point' };
  if (unconfirmed > 0) {
    return {
      equal: false,
      undecided: true,
      reason: `on ${unconfirmed} of the intervals between kinks no point could be checked, even in 50-digit arithmetic`,
    };
  }
  // Points skipped for float64 reasons (overflow, cancellation) must not leave too little checked.
  if (conclusive < Math.min(MIN_CONCLUSIVE, defined) || conclusive < defined / 2) {
    return {
      equal: false,
      undecided: true,
      reason: `only ${conclusive} of ${defined} points could be checked: the expressions lose too much precision in float64`,
    };
  }
  return { equal: true };
}

/**
 * At a kink, under the checker's convention: where the reference jumps, any value between its
 * one-sided limits (and its own value there) is a valid convention (`heaviside(0) = ½`, `z ≥ 0`
 * or `z > 0` for ReLU′), anything outside is a difference (a spike planted on the kink); where it
 * is continuous, the answer must match its value like at any point. An answer undefined at the
 * kink itself (`|z|/z` at 0) is an isolated point and skipped.
 */
function atKink(
  va: number,
  vb: number,
  noise: number,
  left: number | undefined,
  right: number | undefined,
): 'skip' | 'differ' | 'compare' {
  const sides = [left ?? Number.NaN, right ?? Number.NaN, vb].filter(Number.isFinite);
  if (!Number.isFinite(va) || sides.length === 0) return 'skip';
  const low = Math.min(...sides);
  const high = Math.max(...sides);
  const size = Math.max(1, Math.abs(low), Math.abs(high));
  const jumps = Number.isFinite(left ?? Number.NaN) && Number.isFinite(right ?? Number.NaN) && high - low > JUMP * size;
  if (!jumps) return Number.isFinite(vb) ? 'compare' : 'skip';
  const slack = JUMP * size + ERROR_FACTOR * noise;
  return va < low - slack || va > high + slack ? 'differ' : 'skip';
}

/** `fn` is finite just beside z on both sides: z is an isolated (removable) point, like 0 for z/z. */
function isolatedGap(fn: CheckedFn, z: number): boolean {
  const d = 1e-6 * Math.max(1, Math.abs(z));
  return Number.isFinite(fn(stateAt(z - d))) && Number.isFinite(fn(stateAt(z + d)));
}
