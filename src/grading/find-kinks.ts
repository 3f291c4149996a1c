import { activations } from '../math/index.ts';
import { children, FUNCTIONS, num, sub } from '../symbolic/index.ts';
import type { Expr } from '../symbolic/index.ts';
import { compileChecked, stateAt as importedStateAt } from './evaluate-with-derivatives.ts';
import type { Scope } from './evaluate-with-derivatives.ts';

// A local copy: module runners (Vitest's) turn each imported binding into a getter call.
const stateAt = importedStateAt;

/** Kinks are searched for in [−SCAN_LIMIT, SCAN_LIMIT]; the sample points go no further than ±30. */
const SCAN_LIMIT = 40;
/** Grid spacing of the scan: two kinks closer than this may be missed (one sign change hides two). */
const SCAN_STEP = 0.25;
/** At most this many kinks are kept (each adds six sample points). */
const MAX_KINKS = 24;
/** At most this many switching expressions are scanned (each costs ~320 evaluations). */
const MAX_SWITCHES = 12;

/**
 * Finds the points where the trees switch branch: the real zeros of
 * - the argument of `abs`, `sign`, `heaviside`, `relu`, `leaky_relu`, `elu`, `selu`, and of
 *   `arg − k` for every kink k the registry lists for an activation (`relu6` at 0 and 6,
 *   `hard_sigmoid` and `hard_swish` at ±3);
 * - `a − b` for each pair of arguments of `max` / `min`;
 * - `left − right` of a comparison, and the test of `c ? a : b` when it is not a comparison;
 * inside the trees and inside the definitions of the symbols they use (g ↦ relu(z)).
 *
 * Each switching expression u is scanned on a grid of step 0.25 over [−40, 40]; every sign
 * change or exact zero is refined by bisection to full precision. So any zero of any u is found,
 * linear or not, provided it is a sign change (a double root of u, as in abs(z²), is found only
 * if it falls on the grid), lies in [−40, 40] and is not within 0.25 of another zero of the same u.
 * Kinks given by the caller are always added. Poles of u also show up as sign changes; that only
 * adds sample points beside them, never a wrong verdict.
 */
export function findKinks(trees: readonly Expr[], scope: Scope, given: readonly number[] = []): number[] {
  const switches: Expr[] = [];
  const visitedSymbols = new Set<string>();
  const visit = (e: Expr): void => {
    if (switches.length >= MAX_SWITCHES) return;
    collectSwitches(e, switches);
    if (e.kind === 'name' && !visitedSymbols.has(e.name)) {
      const def = scope.define.get(e.name);
      visitedSymbols.add(e.name);
      if (def !== undefined) visit(def);
    }
    for (const c of children(e)) visit(c);
  };
  for (const t of trees) visit(t);

  const kinks: number[] = given.filter(Number.isFinite);
  for (const u of switches.slice(0, MAX_SWITCHES)) {
    for (const k of zerosOf(u, scope)) {
      if (kinks.length >= MAX_KINKS) break;
      kinks.push(k);
    }
  }
  return dedupe(kinks);
}

/** The switching expressions of one node (not of its children). */
function collectSwitches(e: Expr, out: Expr[]): void {
  if (e.kind === 'compare') {
    out.push(sub(e.left, e.right));
  } else if (e.kind === 'cond' && e.test.kind !== 'compare') {
    out.push(e.test);
  } else if (e.kind === 'call') {
    const [first] = e.args;
    if (first === undefined) return;
    if (e.name === 'abs' || e.name === 'sign' || e.name === 'heaviside') {
      out.push(first);
    } else if (e.name === 'max' || e.name === 'min') {
      for (let i = 0; i < e.args.length && out.length < MAX_SWITCHES; i++) {
        for (let j = i + 1; j < e.args.length && out.length < MAX_SWITCHES; j++) {
          const a = e.args[i];
          const b = e.args[j];
          if (a !== undefined && b !== undefined) out.push(sub(a, b));
        }
      }
    } else {
      const id = FUNCTIONS.get(e.name)?.activationId;
      const entry = id === undefined ? undefined : registryKinks(id);
      for (const at of entry ?? []) out.push(at === 0 ? first : sub(first, num(at)));
    }
  }
}

/** Kink locations the math registry lists for activation `id` (own properties only). */
function registryKinks(id: string): number[] | undefined {
  if (!Object.hasOwn(activations, id)) return undefined;
  const entry = (
    activations as Readonly<Record<string, { readonly kinks: readonly { readonly at: number }[] } | undefined>>
  )[id];
  return entry?.kinks.map((k) => k.at);
}

/** Zeros of u in [−SCAN_LIMIT, SCAN_LIMIT]: directly if u is linear, else grid scan and bisection of each sign change. */
function zerosOf(u: Expr, scope: Scope): number[] {
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
  if (Number.isFinite(u0) && Number.isFinite(slope) && linear(-2.5) && linear(7.25)) {
    if (slope === 0) return [];
    const root = -u0 / slope;
    return Math.abs(root) <= SCAN_LIMIT ? [root] : [];
  }
  const zeros: number[] = [];
  let prevZ = -SCAN_LIMIT;
  let prevV = f(prevZ);
  if (prevV === 0) zeros.push(prevZ);
  const steps = Math.round((2 * SCAN_LIMIT) / SCAN_STEP);
  for (let i = 1; i <= steps; i++) {
    const z = -SCAN_LIMIT + i * SCAN_STEP;
    const v = f(z);
    if (v === 0) zeros.push(z);
    else if (Number.isFinite(v) && Number.isFinite(prevV) && prevV !== 0 && Math.sign(v) !== Math.sign(prevV)) {
      zeros.push(bisect(f, prevZ, prevV, z));
    }
    prevZ = z;
    prevV = v;
  }
  return zeros;
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
