import { children, parse } from '../symbolic/index.ts';
import type { Expr } from '../symbolic/index.ts';
import {
  compileChecked,
  ERROR_FACTOR as IMPORTED_ERROR_FACTOR,
  stateAt as importedStateAt,
} from './evaluate-with-derivatives.ts';
import type { CheckedFn, Scope } from './evaluate-with-derivatives.ts';
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
}

/** Builds the scope and sample points for `trees` (kinks found in all of them). */
export function prepareChecker(trees: readonly Expr[], options: EquivalenceOptions = {}): Checker {
  const scope = makeScope(options);
  return checkerFor(scope, findKinks(trees, scope, options.kinks ?? []), options.samples);
}

/** A checker with a known scope and kinks (the grader caches the reference's kinks). */
export function checkerFor(scope: Scope, kinks: readonly number[], samples?: number): Checker {
  const points = samplePoints(samples === undefined ? { kinks } : { kinks, samples });
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
  const n = points.length;
  const values = new Float64Array(n);
  const errors = new Float64Array(n);
  const unreliable = new Uint8Array(n);
  points.forEach((p, i) => {
    const s = stateAt(p.z, p.clearance);
    values[i] = fn(s);
    errors[i] = s.err;
    unreliable[i] = s.unreliable ? 1 : 0;
  });
  return { points, values, errors, unreliable, fn, numeric: involvesDerivative(e, scope) };
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
  // The reference's size, the unit of the zero floor (at least 1: 0 on every point is size 1).
  let scale = 1;
  for (let i = 0; i < b.points.length; i++) {
    const z = b.points[i]?.z ?? Number.NaN;
    const vb = Math.abs(b.values[i] ?? Number.NaN);
    if (z >= lo && z <= hi && Number.isFinite(vb) && vb > scale) scale = vb;
  }
  const absoluteFloor = numeric ? DERIVATIVE_ZERO_FLOOR * scale : 0;
  const floorCap = ZERO_FLOOR_CAP * scale;
  let defined = 0;
  let conclusive = 0;
  for (let i = 0; i < b.points.length; i++) {
    const z = b.points[i]?.z ?? Number.NaN;
    if (!(z >= lo && z <= hi)) continue;
    const vb = b.values[i] ?? Number.NaN;
    if (!Number.isFinite(vb)) continue;
    defined++;
    const va = factor * (a.values[i] ?? Number.NaN);
    if (!Number.isFinite(va)) {
      if (a.unreliable[i] === 1 || isolatedGap(a.fn, z)) continue;
      return {
        equal: false,
        reason: `at z = ${z} the first expression is undefined (${va}) but the second is ${vb}`,
        counterexample: { z, left: va, right: vb },
      };
    }
    const noise =
      ERROR_FACTOR *
      (Math.abs(factor) * (a.errors[i] ?? Number.POSITIVE_INFINITY) + (b.errors[i] ?? Number.POSITIVE_INFINITY));
    const size = Math.max(Math.abs(va), Math.abs(vb));
    // Both zero to within what float64 and the numeric derivative can resolve: they agree here.
    const floor = noise + absoluteFloor;
    if (size <= floor && floor <= floorCap) {
      conclusive++;
      continue;
    }
    const difference = Math.abs(va - vb);
    if (difference > tolerance * size + noise) {
      return {
        equal: false,
        reason: `at z = ${z} the first expression is ${va} and the second ${vb}`,
        counterexample: { z, left: va, right: vb },
      };
    }
    if (noise <= CONCLUSIVE_FRACTION * size || (difference === 0 && noise === 0)) conclusive++;
  }
  if (defined === 0) return { equal: false, reason: 'the second expression is not defined at any sample point' };
  // Points skipped for float64 reasons (overflow, cancellation) must not leave too little checked.
  if (conclusive < Math.min(MIN_CONCLUSIVE, defined) || conclusive < defined / 2) {
    return {
      equal: false,
      reason: `only ${conclusive} of ${defined} points could be checked: the expressions lose too much precision in float64`,
    };
  }
  return { equal: true };
}

/** `fn` is finite just beside z on both sides: z is an isolated (removable) point, like 0 for z/z. */
function isolatedGap(fn: CheckedFn, z: number): boolean {
  const d = 1e-6 * Math.max(1, Math.abs(z));
  return Number.isFinite(fn(stateAt(z - d))) && Number.isFinite(fn(stateAt(z + d)));
}
