import { scanZeros } from '../math/scan-zeros.ts';
import { compile } from './compile.ts';
import type { KinkSource } from './derivative-rules.ts';

/** Options of {@link locateKinks}. */
export interface LocateKinksOptions {
  /** Parameter values. Default: none. */
  readonly params?: Readonly<Record<string, number>>;
  /** The variable. Default `'z'`. */
  readonly variable?: string;
  /** Kinks outside this interval are left out. Default `[-60, 60]` (beyond the checker's farthest sample point, ±30). */
  readonly interval?: readonly [number, number];
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
 * Where the kink sources' expressions vanish, found numerically by the site's one zero scanner
 * (`scanZeros` in src/math/scan-zeros.ts, the grader's too): a linear expression's zero directly,
 * any other's sign changes on the scan grid refined by bisection to float64 resolution (a round
 * number preferred), an exact zero on the grid, and of a run of exact zeros (`max(z, z)`, or a tail
 * that underflows) its two ends. A sign change through a pole (1/z) is also reported: a suspicious
 * point either way. At most `max` in all, sorted, duplicates (within 1e-9 relative) merged.
 */
export function locateKinks(sources: readonly KinkSource[], options: LocateKinksOptions = {}): KinkLocation[] {
  const [lo, hi] = options.interval ?? [-60, 60];
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
    for (const z of scanZeros(at)) {
      if (found.length >= max) break;
      if (z >= lo && z <= hi) found.push({ z: z + 0, description: source.description, kind: source.kind });
    }
  }
  found.sort((a, b) => a.z - b.z);
  return found.filter((k, i) => {
    const prev = found[i - 1];
    return prev === undefined || Math.abs(k.z - prev.z) > 1e-9 * Math.max(1, Math.abs(k.z));
  });
}
