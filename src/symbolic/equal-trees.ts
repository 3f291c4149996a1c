import { children } from './expr.ts';
import type { Expr } from './expr.ts';

/**
 * Structural equality: same kinds, operators, names and number values (the number's original
 * text is ignored, so `.5` equals `0.5`). Not mathematical equivalence: `z+1` ≠ `1+z`.
 */
export function equalTrees(a: Expr, b: Expr): boolean {
  if (a === b) return true;
  if (!sameShape(a, b)) return false;
  const ca = children(a);
  const cb = children(b);
  return ca.every((c, i) => {
    const d = cb[i];
    return d !== undefined && equalTrees(c, d);
  });
}

/** Same node kind and same own data (operator, name, value, arity), children not compared. */
function sameShape(a: Expr, b: Expr): boolean {
  switch (a.kind) {
    case 'number':
      return b.kind === 'number' && a.value === b.value;
    case 'name':
      return b.kind === 'name' && a.name === b.name;
    case 'constant':
      return b.kind === 'constant' && a.name === b.name;
    case 'call':
      return b.kind === 'call' && a.name === b.name && a.args.length === b.args.length;
    case 'compare':
      return b.kind === 'compare' && a.op === b.op;
    case 'derivative':
      return b.kind === 'derivative' && a.variable === b.variable;
    case 'sum':
      return b.kind === 'sum' && a.index === b.index;
    default:
      return a.kind === b.kind;
  }
}

/**
 * The minimal subtrees of `next` that differ from `previous`, for highlighting a derivation step:
 * where both roots have the same shape, recurse into the children pairwise; otherwise the whole
 * node changed. Equal trees give an empty set. Nodes are returned by identity, as `toTeX`'s
 * `highlight` expects (a subtree shared at two places in `next` is highlighted at both).
 */
export function changedNodes(previous: Expr, next: Expr): Set<Expr> {
  const changed = new Set<Expr>();
  collect(previous, next, changed);
  return changed;
}

function collect(previous: Expr, next: Expr, out: Set<Expr>): void {
  if (equalTrees(previous, next)) return;
  if (!sameShape(previous, next)) {
    out.add(next);
    return;
  }
  const cp = children(previous);
  children(next).forEach((c, i) => {
    const p = cp[i];
    if (p === undefined) out.add(c);
    else collect(p, c, out);
  });
}
