import { add, derivative, name, num } from './expr.ts';
import type { Expr } from './expr.ts';
import { children } from './expr.ts';
import { withChildren } from './simplify.ts';

/** Options of {@link expandIndices}. */
export interface ExpandOptions {
  /** The length of the vectors, n ≥ 1. */
  readonly n: number;
  /** Values of the free indices, each in 1…n (e.g. `{ i: 1, j: 3 }`). */
  readonly indices: Readonly<Record<string, number>>;
  /** The vectors (as in the parse's `IndexedOptions`): only their components are instantiated. */
  readonly vectors: readonly string[];
  /**
   * Vectors defined componentwise, keyed by a component with a letter index, each already parsed with
   * indexed options: `{ s_k: exp(z_k)/sum(m, 1, n, exp(z_m)) }` makes `s_2` that body with k = 2.
   */
  readonly define?: Readonly<Record<string, Expr>>;
  /** The name of the length. Default `'n'`. */
  readonly size?: string;
}

export interface ExpandError {
  /** `unbound-index`, `index-range`, `bound-not-integer`, `too-large` or `definition-cycle`. */
  readonly code: string;
  readonly message: string;
}

export type ExpandResult =
  { readonly ok: true; readonly tree: Expr } | { readonly ok: false; readonly error: ExpandError };

/** At most this many terms after expanding every sum: a guard, far above n = 5's needs. */
export const MAX_EXPANDED_TERMS = 20000;

const COMPONENT = /^([A-Za-z])_([A-Za-z]|[0-9]+)$/;

class ExpandFailure extends Error {
  readonly error: ExpandError;
  constructor(code: string, message: string) {
    super(message);
    this.error = { code, message };
  }
}

/**
 * Instantiates an indexed tree (see indexed.ts) for a concrete n and concrete free indices: `z_i`
 * with i = 2 becomes the name `z_2`, a bare index or `n` its number, `delta(i, j)` 1 or 0,
 * `sum(k, a, b, body)` the sum `body[k=a] + … + body[k=b]` (0 when b < a), a defined component
 * `s_2` its definition with the index set, and `d/dz_j(…)` the derivative by `z_3` (j = 3). The result is
 * an ordinary scalar expression in `z_1` … `z_n` that `evaluate`, `derive` and the checker's
 * `equivalent` (with `variable: 'z_3'`) take as they take any other. Never throws.
 */
export function expandIndices(tree: Expr, options: ExpandOptions): ExpandResult {
  const size = options.size ?? 'n';
  const definitions = new Map<string, { index: string; body: Expr }>();
  for (const [key, body] of Object.entries(options.define ?? {})) {
    const m = COMPONENT.exec(key);
    if (m?.[1] !== undefined && m[2] !== undefined) definitions.set(m[1], { index: m[2], body });
  }
  let terms = 0;
  const expanding = new Set<string>();

  /** The number a subscript stands for under `env`, range-checked. */
  const component = (sub: string, env: ReadonlyMap<string, number>, what: string): number => {
    const k = /^[0-9]+$/.test(sub) ? Number(sub) : env.get(sub);
    if (k === undefined) throw new ExpandFailure('unbound-index', `no value for the index \`${sub}\` in \`${what}\``);
    if (!Number.isInteger(k) || k < 1 || k > options.n)
      throw new ExpandFailure(
        'index-range',
        `\`${what}\` asks for component ${String(k)} of a vector of length ${String(options.n)}`,
      );
    return k;
  };

  const integer = (e: Expr, env: ReadonlyMap<string, number>, what: string): number => {
    const x = walk(e, env);
    if (x.kind !== 'number' || !Number.isInteger(x.value))
      throw new ExpandFailure(
        'bound-not-integer',
        `the ${what} must be a whole number once n and the indices are given`,
      );
    return x.value;
  };

  const walk = (e: Expr, env: ReadonlyMap<string, number>): Expr => {
    switch (e.kind) {
      case 'name': {
        if (e.name === size) return num(options.n);
        const bound = env.get(e.name);
        if (bound !== undefined) return num(bound);
        const m = COMPONENT.exec(e.name);
        const base = m?.[1];
        if (m === null || base === undefined || !options.vectors.includes(base)) return e;
        const k = component(m[2] ?? '', env, e.name);
        const def = definitions.get(base);
        if (def === undefined) return name(`${base}_${String(k)}`);
        if (expanding.has(base))
          throw new ExpandFailure('definition-cycle', `the definition of \`${base}\` uses itself`);
        expanding.add(base);
        const body = walk(def.body, new Map([[def.index, k]]));
        expanding.delete(base);
        return body;
      }
      case 'delta': {
        const i = integer(e.i, env, 'first index of delta');
        const j = integer(e.j, env, 'second index of delta');
        return num(i === j ? 1 : 0);
      }
      case 'sum': {
        const from = integer(e.from, env, 'lower bound of the sum');
        const to = integer(e.to, env, 'upper bound of the sum');
        let total: Expr | undefined;
        for (let k = from; k <= to; k++) {
          terms++;
          if (terms > MAX_EXPANDED_TERMS)
            throw new ExpandFailure(
              'too-large',
              `more than ${String(MAX_EXPANDED_TERMS)} terms once the sums are written out`,
            );
          const term = walk(e.body, new Map([...env, [e.index, k]]));
          total = total === undefined ? term : add(total, term);
        }
        return total ?? num(0);
      }
      case 'derivative': {
        const m = COMPONENT.exec(e.variable);
        const base = m?.[1];
        const variable =
          m === null || base === undefined || !options.vectors.includes(base)
            ? e.variable
            : `${base}_${String(component(m[2] ?? '', env, e.variable))}`;
        return derivative(variable, walk(e.arg, env));
      }
      default: {
        const kids = children(e);
        if (kids.length === 0) return e;
        return withChildren(
          e,
          kids.map((c) => walk(c, env)),
        );
      }
    }
  };

  try {
    const env = new Map<string, number>();
    for (const [k, v] of Object.entries(options.indices)) {
      if (!Number.isInteger(v) || v < 1 || v > options.n)
        return {
          ok: false,
          error: { code: 'index-range', message: `index ${k} = ${String(v)} is outside 1…${String(options.n)}` },
        };
      env.set(k, v);
    }
    return { ok: true, tree: walk(tree, env) };
  } catch (e) {
    if (e instanceof ExpandFailure) return { ok: false, error: e.error };
    return { ok: false, error: { code: 'internal', message: e instanceof Error ? e.message : String(e) } };
  }
}
