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

/** A compiled expression: the same value as `evaluate(expr, env)`, without re-walking the tree. */
export type CompiledExpr = (env: Env) => number;

/**
 * Turns a tree into a closure once, for evaluation at many points (a grader samples ~100, a plot
 * ~400). Same semantics as {@link evaluate}: a derivative node throws {@link EvaluationError} when
 * the compiled function is called (not when compiling), as does an unbound name.
 */
export function compile(e: Expr): CompiledExpr {
  switch (e.kind) {
    case 'number': {
      const v = e.value;
      return () => v;
    }
    case 'name': {
      const n = e.name;
      return (env) => lookup(env, n);
    }
    case 'constant': {
      const v = e.name === 'e' ? Math.E : Math.PI;
      return () => v;
    }
    case 'neg': {
      const a = compile(e.arg);
      return (env) => -a(env);
    }
    case 'add': {
      const [l, r] = [compile(e.left), compile(e.right)];
      return (env) => l(env) + r(env);
    }
    case 'sub': {
      const [l, r] = [compile(e.left), compile(e.right)];
      return (env) => l(env) - r(env);
    }
    case 'mul': {
      const [l, r] = [compile(e.left), compile(e.right)];
      return (env) => l(env) * r(env);
    }
    case 'div': {
      const [l, r] = [compile(e.left), compile(e.right)];
      return (env) => l(env) / r(env);
    }
    case 'pow': {
      const [l, r] = [compile(e.left), compile(e.right)];
      return (env) => l(env) ** r(env);
    }
    case 'call': {
      const fn = FUNCTIONS.get(e.name);
      const name = e.name;
      if (fn === undefined) {
        return () => {
          throw new EvaluationError('unbound-name', `unknown function \`${name}\``);
        };
      }
      const f = fn.evaluate;
      const args = e.args.map(compile);
      const [a, b] = args;
      if (args.length === 1 && a !== undefined) return (env) => f([a(env)]);
      if (args.length === 2 && a !== undefined && b !== undefined) return (env) => f([a(env), b(env)]);
      return (env) => f(args.map((c) => c(env)));
    }
    case 'compare': {
      const [l, r, op] = [compile(e.left), compile(e.right), e.op];
      return (env) => compareValues(op, l(env), r(env));
    }
    case 'cond': {
      const [t, a, b] = [compile(e.test), compile(e.then), compile(e.otherwise)];
      return (env) => {
        const v = t(env);
        if (Number.isNaN(v)) return Number.NaN;
        return v !== 0 ? a(env) : b(env);
      };
    }
    case 'derivative':
      return () => {
        throw new EvaluationError(
          'derivative',
          'a d/dz(…) node has no value here; the step checker evaluates it numerically',
        );
      };
    case 'sum':
    case 'delta':
      return () => {
        throw new EvaluationError('indexed', INDEXED_MESSAGE);
      };
  }
}
