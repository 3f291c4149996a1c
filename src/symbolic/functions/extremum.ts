import { call, compare, cond, sub } from '../expr.ts';
import type { CallNode, Expr } from '../expr.ts';
import { toText } from '../to-text.ts';
import type { FunctionInfo, RuleTools } from './function-info.ts';
import type { RuleApplication } from '../derivative-rules.ts';

/** Functions of two or more arguments. */
export type ExtremumName = 'max' | 'min';

/**
 * d/dz max(a, b, …) = a' where a is the largest, else the derivative of the max of the rest:
 * `a >= max(b, …) ? a' : (max(b, …))'`; min likewise with `<=`. Kinks where a = max(b, …).
 * When `a` is constant and `b` is not, the test is written with `b` first (`z > 0 ? 1 : 0` for relu).
 */
function extremumRule(e: CallNode, _v: string, { d, isConstant }: RuleTools): RuleApplication {
  const [a, ...rest] = e.args;
  if (a === undefined || rest.length === 0) throw new Error('applyRule: max/min needs two arguments');
  const b = rest.length === 1 ? (rest[0] as Expr) : call(e.name, rest);
  const swap = isConstant(a) && !isConstant(b);
  const [first, second] = swap ? [b, a] : [a, b];
  const op = e.name === 'max' ? '>' : '<';
  return {
    result: cond(compare(op, first, second), d(first), d(second)),
    rule: 'piecewise',
    note: `${e.name} follows whichever argument is ${e.name === 'max' ? 'larger' : 'smaller'}; a kink where they cross`,
    kinks: [
      {
        kind: 'kink',
        at: sub(first, second),
        description: `${e.name} has a kink where ${toText(first)} = ${toText(second)}`,
      },
    ],
  };
}

/** `a − b` for each pair of arguments: where max/min switches from one to the other. */
function pairDifferences(args: readonly Expr[]): Expr[] {
  const out: Expr[] = [];
  for (let i = 0; i < args.length; i++) {
    for (let j = i + 1; j < args.length; j++) {
      const a = args[i];
      const b = args[j];
      if (a !== undefined && b !== undefined) out.push(sub(a, b));
    }
  }
  return out;
}

export const extremumFunctions: readonly (FunctionInfo & { readonly name: ExtremumName })[] = [
  {
    name: 'max',
    minArgs: 2,
    maxArgs: Number.POSITIVE_INFINITY,
    signature: 'max(a, b, …)',
    description: 'largest argument',
    tex: '\\max',
    evaluate: (args) => Math.max(...args),
    // max moves by at most the largest error of its arguments (1-Lipschitz in the sup norm).
    error: { kind: 'lipschitz' },
    precise: (xs, m) => (xs.some((x) => x.isNaN()) ? m.NAN : m.D.max(...xs)),
    rule: extremumRule,
    kinks: [],
    switches: pairDifferences,
    feature: false,
  },
  {
    name: 'min',
    minArgs: 2,
    maxArgs: Number.POSITIVE_INFINITY,
    signature: 'min(a, b, …)',
    description: 'smallest argument',
    tex: '\\min',
    evaluate: (args) => Math.min(...args),
    error: { kind: 'lipschitz' },
    precise: (xs, m) => (xs.some((x) => x.isNaN()) ? m.NAN : m.D.min(...xs)),
    rule: extremumRule,
    kinks: [],
    switches: pairDifferences,
    feature: false,
  },
];
