import { compile } from './compile.ts';
import type { Env } from './compile.ts';
import type { Expr } from './expr.ts';

/**
 * The value of `e` at `env`, in IEEE double arithmetic. Comparisons give 1 or 0; `t ? a : b` gives
 * `a` when `t` is non-zero, `b` when it is 0 and NaN when it is NaN. Out-of-domain values follow
 * IEEE/`Math`: `log(-1)` and `sqrt(-1)` are NaN, `1/0` is Infinity. `heaviside(0)` = 0.5,
 * `sign(0)` = 0. Throws {@link EvaluationError} for derivative nodes and unbound names.
 * For many points, {@link compile} once instead: this is `compile(e)(env)`, the one evaluator.
 */
export function evaluate(e: Expr, env: Env): number {
  return compile(e)(env);
}
