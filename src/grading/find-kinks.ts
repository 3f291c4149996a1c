import { children, FUNCTIONS, mentionsName, num, sub } from '../symbolic/index.ts';
import type { Expr } from '../symbolic/index.ts';
import { compileChecked, stateAt as importedStateAt } from './evaluate-with-derivatives.ts';
import type { Scope } from './evaluate-with-derivatives.ts';
import { mergeZeros, SCAN_GRID, scanZeros } from '../math/scan-zeros.ts';

// A local copy: module runners (Vitest's) turn each imported binding into a getter call.
const stateAt = importedStateAt;

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
 * The zeros come from the site's one scanner, `scanZeros` in src/math/scan-zeros.ts (linear u
 * directly, any other on a grid of step 0.25 over [−40, 40] and geometric beyond, out to ±10⁵),
 * with its dips: the local minima of |u| (a double root as in abs(z²), a narrow box
 * `abs(z − 1.3) < 0.0004` whose two zeros fall into one cell, the centre of a bump). Kinks given by the caller are always
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
    const cost = SCAN_GRID.length * treeSize(u, scope);
    const scan = cost <= budget;
    if (scan) budget -= cost;
    for (const k of zerosOf(u, scope, scan)) {
      if (kinks.length >= MAX_KINKS) break;
      kinks.push(k);
    }
  }
  return mergeZeros(kinks);
}

/**
 * The switching expressions and feature expressions of one node (not of its children). A call's
 * come from its entry in the function table: its `switches` (max/min: `a − b` for each pair of
 * arguments) or its kinks and jumps in the first argument (`u` for abs(u), `u − 6` for relu6(u)),
 * and its argument as a feature when the entry says so.
 */
function collectSwitches(e: Expr, out: Expr[], features: Expr[]): void {
  if (e.kind === 'div') {
    if (mentionsName(e.right)) features.push(e.right);
  } else if (e.kind === 'pow') {
    if (mentionsName(e.left)) features.push(e.left);
  } else if (e.kind === 'compare') {
    out.push(sub(e.left, e.right));
  } else if (e.kind === 'cond' && e.test.kind !== 'compare') {
    out.push(e.test);
  } else if (e.kind === 'call') {
    const [first] = e.args;
    const info = FUNCTIONS.get(e.name);
    if (first === undefined || info === undefined) return;
    if (info.feature && mentionsName(first)) features.push(first);
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

/** Zeros of u (and its near-zeros) by the site's one scanner (src/math/scan-zeros.ts); none if u does not compile. */
function zerosOf(u: Expr, scope: Scope, scan: boolean): number[] {
  let f: (z: number) => number;
  try {
    const fn = compileChecked(u, scope);
    f = (z) => fn(stateAt(z));
  } catch {
    return [];
  }
  return scanZeros(f, { scan, dips: true });
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
