import type { Expr } from './expr.ts';
import { FUNCTIONS } from './functions.ts';
import { compareValues, EvaluationError, INDEXED_MESSAGE, lookup } from './evaluate.ts';
import type { Env } from './evaluate.ts';

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
