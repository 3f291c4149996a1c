import { children } from './expr.ts';
import type { Expr } from './expr.ts';

/**
 * An estimate, in nodes, of how large the derivative of `e` becomes before simplification, from
 * the rules' shapes (computed in one pass, O(size of e)):
 *   (u ± v)′ = u′ ± v′            d = d(u) + d(v) + 1
 *   (u·v)′   = u′v + uv′          d = d(u) + s(v) + s(u) + d(v) + 3
 *   (u/v)′   = (u′v − uv′)/v²     d = d(u) + d(v) + s(u) + 3·s(v) + 5
 *   (uᵛ)′    = uᵛ(v′ ln u + v u′/u) d = s(u) + s(v) + d(u) + d(v) + s(uᵛ) + 6
 *   f(u)′    = f′(u)·u′           d = 6·s(u) + d(u) + 6   (f′ repeats its argument a few times)
 *   max/min of n arguments: a branch per argument, each with every argument's size.
 * Used to refuse, quickly and with a clear message, inputs whose derivative no page could show
 * (a product of 250 factors has 250 terms of 250 factors each).
 */
export function derivativeSize(e: Expr): number {
  return measure(e).d;
}

interface Measure {
  /** Nodes of e. */
  readonly s: number;
  /** Estimated nodes of e′. */
  readonly d: number;
}

function measure(e: Expr): Measure {
  const parts = children(e).map(measure);
  const s = 1 + parts.reduce((t, p) => t + p.s, 0);
  const [u = { s: 1, d: 1 }, v = { s: 1, d: 1 }] = parts;
  const cap = (d: number): Measure => ({ s, d: Math.min(d, Number.MAX_SAFE_INTEGER) });
  switch (e.kind) {
    case 'number':
    case 'constant':
    case 'name':
      return { s, d: 1 };
    case 'neg':
    case 'derivative':
      return cap(u.d + 1);
    case 'add':
    case 'sub':
      return cap(u.d + v.d + 1);
    case 'mul':
      return cap(u.d + v.s + u.s + v.d + 3);
    case 'div':
      return cap(u.d + v.d + u.s + 3 * v.s + 5);
    case 'pow':
      return cap(u.s + v.s + u.d + v.d + s + 6);
    case 'compare':
      return { s, d: 1 };
    case 'delta':
    case 'sum':
      // Instantiated (expandIndices) before anything differentiates them; a sum of n terms ≈ n bodies.
      return cap(parts.reduce((t, p) => t + p.d, 0) + s);
    case 'cond':
      return cap(parts.reduce((t, p) => t + p.d, 0) + s);
    case 'call': {
      if (e.name === 'max' || e.name === 'min') {
        const all = parts.reduce((t, p) => t + p.s + p.d, 0);
        return cap(parts.length * all);
      }
      return cap(6 * parts.reduce((t, p) => t + p.s, 0) + parts.reduce((t, p) => t + p.d, 0) + 6);
    }
  }
}
