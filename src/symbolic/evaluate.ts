import type { CompareOp, Expr } from './expr.ts';
import { FUNCTIONS } from './functions.ts';

/** Values of the variable and of every symbol a tree uses, e.g. `{ z: 0.5, g: 0.62, alpha: 0.01 }`. */
export type Env = Readonly<Record<string, number>>;

/**
 * Thrown by {@link evaluate} and by compiled functions for trees that have no value: a `d/dz(…)`
 * node (reason `'derivative'`; only the step checker evaluates those, numerically) or a name the
 * environment does not bind to a number (reason `'unbound-name'`, a bug in the caller), or an
 * indexed node, Σ or δ, that `expandIndices` has not instantiated for a concrete n (reason `'indexed'`).
 */
export class EvaluationError extends Error {
  readonly reason: 'derivative' | 'unbound-name' | 'indexed';
  constructor(reason: 'derivative' | 'unbound-name' | 'indexed', message: string) {
    super(message);
    this.reason = reason;
    this.name = 'EvaluationError';
  }
}

/** Why a Σ or δ has no value until its indices are instantiated. */
export const INDEXED_MESSAGE = 'a sum(…) or delta(…) has no value until its indices are given (expandIndices)';

/** The value bound to `n`, refusing anything that is not an own number (never `constructor` & co). */
export function lookup(env: Env, n: string): number {
  const v = Object.hasOwn(env, n) ? env[n] : undefined;
  if (typeof v !== 'number') throw new EvaluationError('unbound-name', `no value for \`${n}\``);
  return v;
}

/** 1 when `a op b` holds, else 0 (so NaN compares as 0). */
export function compareValues(op: CompareOp, a: number, b: number): number {
  switch (op) {
    case '<':
      return a < b ? 1 : 0;
    case '<=':
      return a <= b ? 1 : 0;
    case '>':
      return a > b ? 1 : 0;
    case '>=':
      return a >= b ? 1 : 0;
  }
}

/**
 * The value of `e` at `env`, in IEEE double arithmetic. Comparisons give 1 or 0; `t ? a : b` gives
 * `a` when `t` is non-zero, `b` when it is 0 and NaN when it is NaN. Out-of-domain values follow
 * IEEE/`Math`: `log(-1)` and `sqrt(-1)` are NaN, `1/0` is Infinity. `heaviside(0)` = 0.5,
 * `sign(0)` = 0. Throws {@link EvaluationError} for derivative nodes and unbound names.
 * For many points, {@link compile} once instead.
 */
export function evaluate(e: Expr, env: Env): number {
  switch (e.kind) {
    case 'number':
      return e.value;
    case 'name':
      return lookup(env, e.name);
    case 'constant':
      return e.name === 'e' ? Math.E : Math.PI;
    case 'neg':
      return -evaluate(e.arg, env);
    case 'add':
      return evaluate(e.left, env) + evaluate(e.right, env);
    case 'sub':
      return evaluate(e.left, env) - evaluate(e.right, env);
    case 'mul':
      return evaluate(e.left, env) * evaluate(e.right, env);
    case 'div':
      return evaluate(e.left, env) / evaluate(e.right, env);
    case 'pow':
      return evaluate(e.left, env) ** evaluate(e.right, env);
    case 'call': {
      const fn = FUNCTIONS.get(e.name);
      if (fn === undefined) throw new EvaluationError('unbound-name', `unknown function \`${e.name}\``);
      return fn.evaluate(e.args.map((a) => evaluate(a, env)));
    }
    case 'compare':
      return compareValues(e.op, evaluate(e.left, env), evaluate(e.right, env));
    case 'cond': {
      const t = evaluate(e.test, env);
      if (Number.isNaN(t)) return Number.NaN;
      return t !== 0 ? evaluate(e.then, env) : evaluate(e.otherwise, env);
    }
    case 'derivative':
      throw new EvaluationError(
        'derivative',
        'a d/dz(…) node has no value here; the step checker evaluates it numerically',
      );
    case 'sum':
    case 'delta':
      throw new EvaluationError('indexed', INDEXED_MESSAGE);
  }
}
