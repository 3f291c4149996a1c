import { add, call, children, compare, cond, derivative, div, kronecker, mul, neg, pow, sub, sumOver } from './expr.ts';
import type { Expr } from './expr.ts';

/** Tree utilities: the one home of walks over `Expr` beyond `children` (expr.ts) and equality (equal-trees.ts). */

/** Whether some node of `e` (itself included) satisfies `test`. */
export function someNode(e: Expr, test: (x: Expr) => boolean): boolean {
  return test(e) || children(e).some((c) => someNode(c, test));
}

/** Whether `e` mentions a name (the variable, a symbol or a parameter). */
export const mentionsName = (e: Expr): boolean => someNode(e, (x) => x.kind === 'name');

/** Answers of {@link isClosed} per node: a cache of a pure function of immutable trees (compilers ask at every node). */
const closed = new WeakMap<Expr, boolean>();

/** Whether `e` is a constant: no name and no `d/dz(…)` node (`sqrt(2*pi)`, `1e16 + 2 − 1e16`). */
export function isClosed(e: Expr): boolean {
  const hit = closed.get(e);
  if (hit !== undefined) return hit;
  // Σ and δ have no value until their indices are instantiated (expandIndices), so never fold them.
  const result =
    e.kind !== 'name' &&
    e.kind !== 'derivative' &&
    e.kind !== 'sum' &&
    e.kind !== 'delta' &&
    children(e).every(isClosed);
  closed.set(e, result);
  return result;
}

/** True when `e` does not depend on `variable` (numbers, constants, parameters). */
export function isConstant(e: Expr, variable: string): boolean {
  if (e.kind === 'name') return e.name !== variable;
  return children(e).every((c) => isConstant(c, variable));
}

/** Replaces names by expressions (`z` ↦ u, `alpha` ↦ 0.1). */
export function substitute(e: Expr, map: ReadonlyMap<string, Expr>): Expr {
  if (e.kind === 'name') return map.get(e.name) ?? e;
  const kids = children(e);
  if (kids.length === 0) return e;
  return withChildren(
    e,
    kids.map((c) => substitute(c, map)),
  );
}

/** Rebuilds a node with new children (used by the derivation engine to replace subtrees). */
export function withChildren(e: Expr, next: readonly Expr[]): Expr {
  const at = (i: number): Expr => {
    const c = next[i];
    if (c === undefined) throw new Error('withChildren: too few children');
    return c;
  };
  switch (e.kind) {
    case 'number':
    case 'name':
    case 'constant':
      return e;
    case 'neg':
      return neg(at(0));
    case 'derivative':
      return derivative(e.variable, at(0));
    case 'call':
      return call(e.name, next);
    case 'compare':
      return compare(e.op, at(0), at(1));
    case 'cond':
      return cond(at(0), at(1), at(2));
    case 'sum':
      return sumOver(e.index, at(0), at(1), at(2));
    case 'delta':
      return kronecker(at(0), at(1));
    default:
      return { add, sub, mul, div, pow }[e.kind](at(0), at(1));
  }
}
