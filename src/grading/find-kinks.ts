import { children, FUNCTIONS, num, sub } from '../symbolic/index.ts';
import type { Expr } from '../symbolic/index.ts';
import { compileChecked, stateAt as importedStateAt } from './evaluate-with-derivatives.ts';
import type { Scope } from './evaluate-with-derivatives.ts';

// A local copy: module runners (Vitest's) turn each imported binding into a getter call.
const stateAt = importedStateAt;

/** Non-linear switches are scanned on a grid over [−SCAN_LIMIT, SCAN_LIMIT]… */
const SCAN_LIMIT = 40;
/** …with this spacing: two zeros of one switch closer than this may be missed (one sign change hides two)… */
const SCAN_STEP = 0.25;
/** …and beyond it on a geometric grid (ratio TAIL_RATIO) out to ±TAIL_LIMIT, for differences planted in the far tails. */
const TAIL_RATIO = 1.25;
const TAIL_LIMIT = 1e5;
/** Zeros of linear switches are kept out to this distance (the sample points follow them there). */
const LINEAR_LIMIT = 1e5;
/** At most this many kinks and features are kept (each adds about nine sample points). */
const MAX_KINKS = 32;
/** At most this many switching expressions are scanned (each costs ~400 evaluations unless linear). */
const MAX_SWITCHES = 16;

/**
 * Finds the points where the trees switch branch or have a narrow feature: the real zeros of
 * - the argument of `abs`, `sign`, `heaviside`, `relu`, `leaky_relu`, `elu`, `selu`, and of
 *   `arg − k` for every kink k the registry lists for an activation (`relu6` at 0 and 6,
 *   `hard_sigmoid` and `hard_swish` at ±3);
 * - `a − b` for each pair of arguments of `max` / `min`;
 * - `left − right` of a comparison, and the test of `c ? a : b` when it is not a comparison;
 * and, as features, the zeros and the local minima of |u| for the argument u of every other
 * function and every denominator: where `exp(−1e8(z − 1.234)²)`, `sech(1e6(z + 2.5))`,
 * `1/(1 + 1e10(z − 0.77)²)` or `sigmoid(z − 60)` do something a grid cannot see. All of this
 * inside the trees and inside the definitions of the symbols they use (g ↦ relu(z)).
 *
 * A linear u (z, z − 6, 2z + 3) gives its zero directly, out to ±10⁵. Any other u is scanned on
 * a grid of step 0.25 over [−40, 40] and a geometric grid (ratio 1.25) beyond, out to ±10⁵; every
 * sign change or exact zero is refined by bisection, and every local minimum of |u| on the grid
 * (a double root as in abs(z²), a narrow box `abs(z − 1.3) < 0.0004` whose two zeros fall into
 * one cell, the centre of a bump) by golden-section search. Kinks given by the caller are always
 * added. With `features: false` only the switches count (derivation steps with d/dz nodes, where a
 * feature would only shorten Richardson's steps). Poles of u also show up as sign changes; that only adds sample points beside them,
 * never a wrong verdict.
 */
export function findKinks(
  trees: readonly Expr[],
  scope: Scope,
  given: readonly number[] = [],
  options: { readonly features?: boolean } = {},
): number[] {
  const switches: Expr[] = [];
  const features: Expr[] = [];
  const visitedSymbols = new Set<string>();
  const visit = (e: Expr): void => {
    collectSwitches(e, switches, features);
    if (e.kind === 'name' && !visitedSymbols.has(e.name)) {
      const def = scope.define.get(e.name);
      visitedSymbols.add(e.name);
      if (def !== undefined) visit(def);
    }
    for (const c of children(e)) visit(c);
  };
  for (const t of trees) visit(t);

  const kinks: number[] = given.filter(Number.isFinite);
  const seen = new Set<string>();
  const sources = [...switches, ...(options.features === false ? [] : features)]
    .filter((u) => {
      const key = JSON.stringify(u);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, MAX_SWITCHES);
  // The grid scans share a budget of node evaluations, so a deep answer (60 nested exp) stays fast.
  let budget = SCAN_BUDGET;
  for (const u of sources) {
    const cost = GRID.length * treeSize(u, scope);
    const scan = cost <= budget;
    if (scan) budget -= cost;
    for (const k of zerosOf(u, scope, scan)) {
      if (kinks.length >= MAX_KINKS) break;
      kinks.push(k);
    }
  }
  return dedupe(kinks);
}

/**
 * The switching expressions and feature expressions of one node (not of its children). A call's
 * come from its entry in the function table: its `switches` (max/min: `a − b` for each pair of
 * arguments) or its kinks and jumps in the first argument (`u` for abs(u), `u − 6` for relu6(u)),
 * and its argument as a feature when the entry says so.
 */
function collectSwitches(e: Expr, out: Expr[], features: Expr[]): void {
  if (e.kind === 'div') {
    if (dependsOnVariable(e.right)) features.push(e.right);
  } else if (e.kind === 'pow') {
    if (dependsOnVariable(e.left)) features.push(e.left);
  } else if (e.kind === 'compare') {
    out.push(sub(e.left, e.right));
  } else if (e.kind === 'cond' && e.test.kind !== 'compare') {
    out.push(e.test);
  } else if (e.kind === 'call') {
    const [first] = e.args;
    const info = FUNCTIONS.get(e.name);
    if (first === undefined || info === undefined) return;
    if (info.feature && dependsOnVariable(first)) features.push(first);
    if (info.switches !== undefined) {
      for (const s of info.switches(e.args)) {
        if (out.length >= MAX_SWITCHES) break;
        out.push(s);
      }
      return;
    }
    for (const k of info.kinks) if (k.kind !== 'pole') out.push(k.at === 0 ? first : sub(first, num(k.at)));
  }
}

/** The scan grid of non-linear switches: step 0.25 over [−40, 40], geometric beyond, out to ±10⁵. */
const GRID: readonly number[] = (() => {
  const tail: number[] = [];
  for (let z = SCAN_LIMIT * TAIL_RATIO; z <= TAIL_LIMIT; z *= TAIL_RATIO) tail.push(z);
  const steps = Math.round((2 * SCAN_LIMIT) / SCAN_STEP);
  const middle = Array.from({ length: steps + 1 }, (_, i) => -SCAN_LIMIT + i * SCAN_STEP);
  return [...tail.map((z) => -z).reverse(), ...middle, ...tail];
})();

/**
 * Zeros of u (directly if u is linear, else grid scan and bisection of each sign change) and the
 * local minima of |u| on the grid, refined by golden-section search.
 */
function zerosOf(u: Expr, scope: Scope, scan: boolean): number[] {
  let f: (z: number) => number;
  try {
    const fn = compileChecked(u, scope);
    f = (z) => fn(stateAt(z));
  } catch {
    return [];
  }
  // Most switches are linear in z (z, z − 6, 2z + 3): then the zero is −u(0)/slope, found in four evaluations.
  const u0 = f(0);
  const u1 = f(1);
  const slope = u1 - u0;
  const linear = (z: number): boolean =>
    Math.abs(f(z) - (u0 + slope * z)) <= 1e-12 * (Math.abs(u0) + Math.abs(slope) * Math.abs(z) + 1);
  if (Number.isFinite(u0) && Number.isFinite(slope) && linear(-2.5) && linear(7.25) && linear(-1e3) && linear(1e4)) {
    if (slope === 0) return [];
    const root = -u0 / slope;
    return Math.abs(root) <= LINEAR_LIMIT ? [root] : [];
  }
  if (!scan) return [];
  const zeros: number[] = [];
  const values = GRID.map(f);
  for (let i = 0; i < GRID.length; i++) {
    const z = GRID[i] ?? 0;
    const v = values[i] ?? Number.NaN;
    const prevZ = GRID[i - 1] ?? 0;
    const prevV = values[i - 1] ?? Number.NaN;
    const nextV = values[i + 1] ?? Number.NaN;
    if (v === 0) {
      // A single exact zero, or the ends of a run of them (`max(z, z)`, a tail that underflows to 0).
      const boundary = (w: number): boolean => Number.isFinite(w) && w !== 0;
      if (boundary(prevV) || boundary(nextV)) zeros.push(z);
      continue;
    }
    if (i === 0) continue;
    if (Number.isFinite(v) && Number.isFinite(prevV) && prevV !== 0 && Math.sign(v) !== Math.sign(prevV)) {
      zeros.push(bisect(f, prevZ, prevV, z));
    }
    const nextZ = GRID[i + 1];
    // A dip of |u| towards 0 between grid points: a double root, two close roots or a bump's centre.
    // Kept only if the search finds |u| clearly below the grid value (not a plateau of rounding).
    if (
      nextZ !== undefined &&
      Number.isFinite(prevV) &&
      Number.isFinite(nextV) &&
      Math.sign(prevV) === Math.sign(v) &&
      Math.sign(nextV) === Math.sign(v) &&
      Math.abs(v) < Math.abs(prevV) &&
      Math.abs(v) <= Math.abs(nextV)
    ) {
      const at = minimiseAbs(f, prevZ, nextZ);
      const depth = Math.abs(f(at));
      if (depth < 0.5 * Math.abs(v) || (Math.abs(v) < Math.abs(nextV) && depth < Math.abs(v) * (1 - 1e-6)))
        zeros.push(at);
    }
  }
  return zeros;
}

/** Where |f| is smallest in [a, b], by golden-section search (to ~1e-13 relative). */
function minimiseAbs(f: (z: number) => number, a: number, b: number): number {
  const r = (Math.sqrt(5) - 1) / 2;
  const g = (z: number): number => {
    const v = Math.abs(f(z));
    return Number.isNaN(v) ? Number.POSITIVE_INFINITY : v;
  };
  let lo = a;
  let hi = b;
  let x1 = hi - r * (hi - lo);
  let x2 = lo + r * (hi - lo);
  let g1 = g(x1);
  let g2 = g(x2);
  for (let i = 0; i < 80 && hi - lo > 1e-13 * Math.max(1, Math.abs(lo)); i++) {
    if (g1 === 0) return x1;
    if (g1 <= g2) {
      hi = x2;
      x2 = x1;
      g2 = g1;
      x1 = hi - r * (hi - lo);
      g1 = g(x1);
    } else {
      lo = x1;
      x1 = x2;
      g1 = g2;
      x2 = lo + r * (hi - lo);
      g2 = g(x2);
    }
  }
  return g1 <= g2 ? x1 : x2;
}

/** Node evaluations the grid scans of one call may spend (about 2 ms). */
const SCAN_BUDGET = 120_000;

/** Nodes of `e`, counting each defined symbol's definition once per use (what an evaluation costs). */
function treeSize(e: Expr, scope: Scope, depth = 0): number {
  if (e.kind === 'name') {
    const def = scope.define.get(e.name);
    return def === undefined || depth > 8 ? 1 : 1 + treeSize(def, scope, depth + 1);
  }
  let n = 1;
  for (const c of children(e)) n += treeSize(c, scope, depth);
  return n;
}

/** Whether e mentions a name (the variable, a symbol or a parameter): a constant has no features. */
function dependsOnVariable(e: Expr): boolean {
  return e.kind === 'name' || children(e).some(dependsOnVariable);
}

/** A root in (lo, hi) where f(lo) has the sign of `fLo` and f(hi) the other sign. */
function bisect(f: (z: number) => number, lo: number, fLo: number, hi: number): number {
  let a = lo;
  let b = hi;
  for (let i = 0; i < 60; i++) {
    const m = 0.5 * (a + b);
    if (m === a || m === b) break;
    const v = f(m);
    if (v === 0) return m;
    if (Math.sign(v) === Math.sign(fLo)) a = m;
    else b = m;
  }
  return 0.5 * (a + b);
}

/** Sorted, with values closer than 1e-9 (relative) merged. */
function dedupe(xs: readonly number[]): number[] {
  const sorted = [...xs].sort((a, b) => a - b);
  const out: number[] = [];
  for (const x of sorted) {
    const last = out[out.length - 1];
    // x + 0 turns −0 into 0.
    if (last === undefined || Math.abs(x - last) > 1e-9 * Math.max(1, Math.abs(x))) out.push(x + 0);
  }
  return out;
}
