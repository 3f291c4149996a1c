import { goldenSectionMin } from './golden-section.ts';

/**
 * The one zero scanner of the site: where a function of z crosses or touches 0, for the grader's
 * kink search (`src/grading/find-kinks.ts`) and the derivation's kink locator
 * (`src/symbolic/locate-kinks.ts`).
 *
 * A linear u (z, z − 6, 2z + 3, checked at six points) gives its zero directly, out to ±10⁵. Any
 * other u is scanned on {@link SCAN_GRID} (step 0.25 over [−40, 40], a geometric grid of ratio
 * 1.25 beyond, out to ±10⁵): every sign change is refined by bisection to adjacent doubles (a round
 * number in the final bracket is preferred, so z = 3 reads as 3), an exact zero on the grid counts,
 * and of a run of exact zeros (`max(z, z) − z`, a tail that underflows) only the two ends. With
 * `dips`, every local minimum of |u| on the grid that a golden-section search finds clearly lower
 * (a double root as in abs(z²), a narrow box whose two zeros fall into one cell, the centre of a
 * bump) counts too. Two zeros closer than the grid step may be missed (one cell hides two sign
 * changes) unless `dips` finds them. A pole is a sign change too: a suspicious point either way.
 */

/** Non-linear functions are scanned with step SCAN_STEP over [−SCAN_LIMIT, SCAN_LIMIT]… */
const SCAN_LIMIT = 40;
const SCAN_STEP = 0.25;
/** …and on a geometric grid (ratio TAIL_RATIO) beyond, out to ±TAIL_LIMIT, for differences planted in the far tails. */
const TAIL_RATIO = 1.25;
const TAIL_LIMIT = 1e5;
/** Zeros of linear functions are kept out to this distance. */
const LINEAR_LIMIT = 1e5;

/** The scan grid: step 0.25 over [−40, 40], geometric beyond, out to ±10⁵ (about 400 points). */
export const SCAN_GRID: readonly number[] = (() => {
  const tail: number[] = [];
  for (let z = SCAN_LIMIT * TAIL_RATIO; z <= TAIL_LIMIT; z *= TAIL_RATIO) tail.push(z);
  const steps = Math.round((2 * SCAN_LIMIT) / SCAN_STEP);
  const middle = Array.from({ length: steps + 1 }, (_, i) => -SCAN_LIMIT + i * SCAN_STEP);
  return [...tail.map((z) => -z).reverse(), ...middle, ...tail];
})();

/** Options of {@link scanZeros}. */
export interface ScanOptions {
  /** Scan the grid when u is not linear (false: linear zeros only, to keep within a budget). Default true. */
  readonly scan?: boolean;
  /** Also report the local minima of |u| (features, double roots). Default false. */
  readonly dips?: boolean;
}

/** The zeros of `f` (and, with `dips`, its near-zeros), in grid order; `f` returns NaN where undefined. */
export function scanZeros(f: (z: number) => number, options: ScanOptions = {}): number[] {
  // Most switches are linear in z: then the zero is −u(0)/slope, found in six evaluations.
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
  if (options.scan === false) return [];
  const grid = SCAN_GRID;
  const zeros: number[] = [];
  const values = grid.map(f);
  for (let i = 0; i < grid.length; i++) {
    const z = grid[i] ?? 0;
    const v = values[i] ?? Number.NaN;
    const prevZ = grid[i - 1] ?? 0;
    const prevV = values[i - 1] ?? Number.NaN;
    const nextV = values[i + 1] ?? Number.NaN;
    if (v === 0) {
      // A single exact zero, or the ends of a run of them.
      const boundary = (w: number): boolean => Number.isFinite(w) && w !== 0;
      if (boundary(prevV) || boundary(nextV)) zeros.push(z);
      continue;
    }
    if (i === 0) continue;
    if (Number.isFinite(v) && Number.isFinite(prevV) && prevV !== 0 && Math.sign(v) !== Math.sign(prevV)) {
      zeros.push(bisect(f, prevZ, prevV, z));
    }
    const nextZ = grid[i + 1];
    // A dip of |u| towards 0 between grid points: a double root, two close roots or a bump's centre.
    // Kept only if the search finds |u| clearly below the grid value (not a plateau of rounding).
    if (
      options.dips === true &&
      nextZ !== undefined &&
      Number.isFinite(prevV) &&
      Number.isFinite(nextV) &&
      Math.sign(prevV) === Math.sign(v) &&
      Math.sign(nextV) === Math.sign(v) &&
      Math.abs(v) < Math.abs(prevV) &&
      Math.abs(v) <= Math.abs(nextV)
    ) {
      const at = goldenSectionMin((x) => Math.abs(f(x)), prevZ, nextZ);
      const depth = Math.abs(f(at));
      if (depth < 0.5 * Math.abs(v) || (Math.abs(v) < Math.abs(nextV) && depth < Math.abs(v) * (1 - 1e-6)))
        zeros.push(at);
    }
  }
  return zeros;
}

/**
 * The crossing of f in (lo, hi), where f(lo) has the sign of `fLo`, to adjacent doubles (NaN
 * counts as the side of `lo`). The exact zero is often a round number (z = 0, z = 3): it is
 * preferred when it lies in the final bracket.
 */
function bisect(f: (z: number) => number, lo: number, fLo: number, hi: number): number {
  let a = lo;
  let b = hi;
  for (let i = 0; i < 200; i++) {
    const m = a + (b - a) / 2;
    if (m <= a || m >= b) break;
    const v = f(m);
    if (v === 0) return m;
    if (Number.isNaN(v) || Math.sign(v) === Math.sign(fLo)) a = m;
    else b = m;
  }
  const rounded = Math.round(a * 1e6) / 1e6;
  return rounded >= a && rounded <= b ? rounded : a;
}

/** Sorted, with values closer than 1e-9 (relative) merged (−0 becomes 0). */
export function mergeZeros(xs: readonly number[]): number[] {
  const sorted = [...xs].sort((a, b) => a - b);
  const out: number[] = [];
  for (const x of sorted) {
    const last = out[out.length - 1];
    if (last === undefined || Math.abs(x - last) > 1e-9 * Math.max(1, Math.abs(x))) out.push(x + 0);
  }
  return out;
}
