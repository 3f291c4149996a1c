import { compile } from './compile.ts';
import type { KinkSource } from './derivative-rules.ts';

/** Options of {@link locateKinks}. */
export interface LocateKinksOptions {
  /** Parameter values. Default: none. */
  readonly params?: Readonly<Record<string, number>>;
  /** The variable. Default `'z'`. */
  readonly variable?: string;
  /** Search interval. Default `[-60, 60]` (beyond the checker's farthest sample point, ±30). */
  readonly interval?: readonly [number, number];
  /** Grid cells scanned for sign changes. Default 4000. */
  readonly cells?: number;
  /** At most this many kinks are returned. Default 64. */
  readonly max?: number;
}

/** A located kink: where, and which source (its one-line description). */
export interface KinkLocation {
  readonly z: number;
  readonly description: string;
  readonly kind: KinkSource['kind'];
}

/**
 * Where the kink sources' expressions vanish, found numerically: each expression is scanned on a
 * grid for a sign change and the crossing refined by bisection to float64 resolution; an exact zero
 * on the grid counts, and a run of exact zeros (`max(z, z)`, or a tail that underflows) gives its
 * two ends only. At most `max` in all. A sign change through a pole (1/z) is also reported: a suspicious point either way.
 * Sorted, duplicates (within 1e-9 relative) merged.
 */
export function locateKinks(sources: readonly KinkSource[], options: LocateKinksOptions = {}): KinkLocation[] {
  const [lo, hi] = options.interval ?? [-60, 60];
  const cells = options.cells ?? 4000;
  const max = options.max ?? 64;
  const variable = options.variable ?? 'z';
  const found: KinkLocation[] = [];
  for (const source of sources) {
    const f = compile(source.at);
    const at = (z: number): number => {
      try {
        return f({ ...options.params, [variable]: z });
      } catch {
        return Number.NaN;
      }
    };
    const push = (z: number): void => {
      if (found.length < max) found.push({ z, description: source.description, kind: source.kind });
    };
    // Sign of the previous grid value (0 inside a run of exact zeros) and where that run began.
    let z0 = lo;
    let y0 = at(z0);
    if (y0 === 0) push(z0);
    for (let i = 1; i <= cells && found.length < max; i++) {
      const z1 = lo + ((hi - lo) * i) / cells;
      const y1 = at(z1);
      if (y1 === 0 && y0 !== 0)
        push(z1); // a run of zeros starts (or a single exact zero)
      else if (y1 !== 0 && y0 === 0 && i > 1)
        push(z0); // a run of zeros ends
      else if (Number.isFinite(y0) && Number.isFinite(y1) && y0 !== 0 && Math.sign(y0) !== Math.sign(y1)) {
        push(bisect(at, z0, z1, y0));
      }
      z0 = z1;
      y0 = y1;
    }
  }
  found.sort((a, b) => a.z - b.z);
  return found.filter((k, i) => {
    const prev = found[i - 1];
    return prev === undefined || Math.abs(k.z - prev.z) > 1e-9 * Math.max(1, Math.abs(k.z));
  });
}

/** The crossing of `f` in [a, b] (f(a) has the sign of `fa`), to adjacent doubles. */
function bisect(f: (z: number) => number, a: number, b: number, fa: number): number {
  let left = a;
  let right = b;
  for (let i = 0; i < 200; i++) {
    const mid = left + (right - left) / 2;
    if (mid <= left || mid >= right) break;
    const y = f(mid);
    if (y === 0) return mid;
    if (Number.isNaN(y) || Math.sign(y) === Math.sign(fa)) left = mid;
    else right = mid;
  }
  // The exact zero is often a round number (z = 0, z = 3): prefer it when it lies in the bracket.
  const rounded = Math.round(left * 1e6) / 1e6;
  return rounded >= left && rounded <= right ? rounded : left;
}
