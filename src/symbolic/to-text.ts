import type { Expr } from './expr.ts';

/**
 * Binding strength of each node as the parser reads it (see the grammar in parse.ts); the printer
 * adds parentheses exactly where the parser would otherwise build a different tree.
 */
export const PRECEDENCE = {
  cond: 1,
  compare: 2,
  add: 3,
  sub: 3,
  mul: 4,
  div: 4,
  neg: 5,
  pow: 6,
  atom: 7,
} as const;

/** The parser's binding strength of a node's top operator. */
export function precedence(e: Expr): number {
  switch (e.kind) {
    case 'cond':
    case 'compare':
    case 'add':
    case 'sub':
    case 'mul':
    case 'div':
    case 'neg':
    case 'pow':
      return PRECEDENCE[e.kind];
    default:
      return PRECEDENCE.atom;
  }
}

const OP_TEXT = { add: ' + ', sub: ' - ', mul: '*', div: '/' } as const;

/**
 * Canonical answer-syntax text: explicit `*`, canonical function names (`log`, not `ln`), numbers
 * as JavaScript's shortest round-trip decimal, parentheses only where needed — except that a
 * negated operand and a compound exponent are bracketed for readability (`z^(-2)`, `a*(-b)`).
 * `parse(toText(t), options)` gives a tree equal to `t` for any tree `parse` can produce (with the
 * same symbols; `d/dz(…)` needs `derivatives: true`).
 */
export function toText(e: Expr): string {
  switch (e.kind) {
    case 'number':
      return String(e.value);
    case 'name':
    case 'constant':
      return e.name;
    case 'neg':
      return `-${wrap(e.arg, precedence(e.arg) < PRECEDENCE.neg)}`;
    case 'add':
    case 'sub':
    case 'mul':
    case 'div': {
      const p = PRECEDENCE[e.kind];
      // Left-associative: the left operand may share the level, the right one must bind tighter.
      const left = wrap(e.left, precedence(e.left) < p);
      const right = wrap(e.right, precedence(e.right) <= p || e.right.kind === 'neg');
      return `${left}${OP_TEXT[e.kind]}${right}`;
    }
    case 'pow': {
      // Right-associative; the base must be an atom (`(-z)^2`, `(z^2)^3`), the exponent is bracketed unless an atom.
      const base = wrap(e.left, precedence(e.left) < PRECEDENCE.atom);
      const exponent = wrap(e.right, precedence(e.right) < PRECEDENCE.atom);
      return `${base}^${exponent}`;
    }
    case 'call':
      return `${e.name}(${e.args.map(toText).join(', ')})`;
    case 'compare':
      return `${wrap(e.left, precedence(e.left) <= PRECEDENCE.compare)} ${e.op} ${wrap(e.right, precedence(e.right) <= PRECEDENCE.compare)}`;
    case 'cond':
      // The test is read at comparison level; both branches at `? :` level (right-associative).
      return `${wrap(e.test, precedence(e.test) <= PRECEDENCE.cond)} ? ${toText(e.then)} : ${toText(e.otherwise)}`;
    case 'derivative':
      return `d/d${e.variable}(${toText(e.arg)})`;
    case 'sum':
      return `sum(${e.index}, ${toText(e.from)}, ${toText(e.to)}, ${toText(e.body)})`;
    case 'delta':
      return `delta(${toText(e.i)}, ${toText(e.j)})`;
  }
}

function wrap(e: Expr, parenthesize: boolean): string {
  return parenthesize ? `(${toText(e)})` : toText(e);
}
