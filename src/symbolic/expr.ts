import type { FunctionName } from './functions.ts';

/**
 * The one expression tree of the course. Students' answers, derivation steps, answer keys and the
 * activation lab all parse into it; it prints to TeX and text, evaluates on numbers and (later)
 * differentiates.
 *
 * Nodes are immutable plain objects (frozen by the builders below), discriminated by `kind`.
 * Operators are binary: `a+b+c` is `add(add(a, b), c)` (left-associative), `a^b^c` is
 * `pow(a, pow(b, c))` (right-associative). Subtraction and division are their own kinds rather than
 * `add(a, neg(b))` / `mul(a, pow(b, -1))`, so a tree prints back the way it was written.
 *
 * Invariants of trees built by `parse` (and assumed by the printers):
 * - `number.value` is finite and ≥ 0; a minus sign is always a `neg` node;
 * - `name` is the differentiation variable (default `z`) or a symbol the caller declared;
 * - `call.name` is one of the whitelisted {@link FunctionName}s with an allowed number of arguments.
 */
export type Expr =
  | NumberNode
  | NameNode
  | ConstantNode
  | NegNode
  | BinaryNode
  | CallNode
  | CompareNode
  | CondNode
  | DerivativeNode
  | SumNode
  | DeltaNode;

/** A numeric literal: `value` and the text it was written as (`.5`, `1e-3`), kept for display. */
export interface NumberNode {
  readonly kind: 'number';
  readonly value: number;
  readonly text: string;
}

/** The variable (`z`) or a declared symbol or parameter (`g`, `alpha`). */
export interface NameNode {
  readonly kind: 'name';
  readonly name: string;
}

/** Euler's number `e` or `pi`. */
export interface ConstantNode {
  readonly kind: 'constant';
  readonly name: 'e' | 'pi';
}

/** Unary minus: `-arg`. */
export interface NegNode {
  readonly kind: 'neg';
  readonly arg: Expr;
}

/** The five arithmetic operators, each binary. */
export type BinaryKind = 'add' | 'sub' | 'mul' | 'div' | 'pow';

/** `left + right`, `left - right`, `left * right`, `left / right` or `left ^ right`. */
export interface BinaryNode {
  readonly kind: BinaryKind;
  readonly left: Expr;
  readonly right: Expr;
}

/** A whitelisted function applied to its arguments, e.g. `tanh(z)`, `max(0, z)`, `elu(z, alpha)`. */
export interface CallNode {
  readonly kind: 'call';
  readonly name: FunctionName;
  readonly args: readonly Expr[];
}

export type CompareOp = '<' | '<=' | '>' | '>=';

/** `left op right`; evaluates to 1 when true and 0 when false. */
export interface CompareNode {
  readonly kind: 'compare';
  readonly op: CompareOp;
  readonly left: Expr;
  readonly right: Expr;
}

/** `test ? then : otherwise` — piecewise definitions; `test` is true when it evaluates to non-zero. */
export interface CondNode {
  readonly kind: 'cond';
  readonly test: Expr;
  readonly then: Expr;
  readonly otherwise: Expr;
}

/** `d/dz(arg)`: an unevaluated derivative, only in authored derivation steps (`derivatives: true`). */
export interface DerivativeNode {
  readonly kind: 'derivative';
  readonly variable: string;
  readonly arg: Expr;
}

/**
 * `sum(k, from, to, body)`: Σ_{k=from}^{to} body, over an integer index `k` (see indexed.ts). Only in
 * trees parsed with `indexed` options; {@link expandIndices} turns it into an ordinary sum for a concrete n.
 */
export interface SumNode {
  readonly kind: 'sum';
  /** The summation index, e.g. `k`: inside `body`, `z_k` is the k-th component. */
  readonly index: string;
  readonly from: Expr;
  readonly to: Expr;
  readonly body: Expr;
}

/** `delta(i, j)`: the Kronecker δ_ij, 1 when the two indices are equal and 0 otherwise (see indexed.ts). */
export interface DeltaNode {
  readonly kind: 'delta';
  readonly i: Expr;
  readonly j: Expr;
}

/** A number node; `text` defaults to the shortest round-tripping decimal of `value`. */
export function num(value: number, text: string = String(value)): NumberNode {
  return Object.freeze({ kind: 'number', value, text });
}

/** A variable or symbol node. */
export function name(n: string): NameNode {
  return Object.freeze({ kind: 'name', name: n });
}

/** The constant `e` or `pi`. */
export function constant(n: 'e' | 'pi'): ConstantNode {
  return Object.freeze({ kind: 'constant', name: n });
}

/** `-arg`. */
export function neg(arg: Expr): NegNode {
  return Object.freeze({ kind: 'neg', arg });
}

/** A binary operator node. */
export function binary(kind: BinaryKind, left: Expr, right: Expr): BinaryNode {
  return Object.freeze({ kind, left, right });
}

/** `left + right`. */
export const add = (left: Expr, right: Expr): BinaryNode => binary('add', left, right);
/** `left - right`. */
export const sub = (left: Expr, right: Expr): BinaryNode => binary('sub', left, right);
/** `left * right`. */
export const mul = (left: Expr, right: Expr): BinaryNode => binary('mul', left, right);
/** `left / right`. */
export const div = (left: Expr, right: Expr): BinaryNode => binary('div', left, right);
/** `left ^ right`. */
export const pow = (left: Expr, right: Expr): BinaryNode => binary('pow', left, right);

/** A function call; the argument list is copied and frozen. */
export function call(fn: FunctionName, args: readonly Expr[]): CallNode {
  return Object.freeze({ kind: 'call', name: fn, args: Object.freeze([...args]) });
}

/** A comparison node. */
export function compare(op: CompareOp, left: Expr, right: Expr): CompareNode {
  return Object.freeze({ kind: 'compare', op, left, right });
}

/** `test ? then : otherwise`. */
export function cond(test: Expr, then: Expr, otherwise: Expr): CondNode {
  return Object.freeze({ kind: 'cond', test, then, otherwise });
}

/** `d/d<variable>(arg)`. */
export function derivative(variable: string, arg: Expr): DerivativeNode {
  return Object.freeze({ kind: 'derivative', variable, arg });
}

/** `sum(index, from, to, body)`: Σ_{index=from}^{to} body. */
export function sumOver(index: string, from: Expr, to: Expr, body: Expr): SumNode {
  return Object.freeze({ kind: 'sum', index, from, to, body });
}

/** `delta(i, j)`: the Kronecker δ_ij. */
export function kronecker(i: Expr, j: Expr): DeltaNode {
  return Object.freeze({ kind: 'delta', i, j });
}

/** True for the five binary operator kinds. */
export function isBinary(e: Expr): e is BinaryNode {
  return e.kind === 'add' || e.kind === 'sub' || e.kind === 'mul' || e.kind === 'div' || e.kind === 'pow';
}

/** The direct children of a node, in print order. */
export function children(e: Expr): readonly Expr[] {
  switch (e.kind) {
    case 'number':
    case 'name':
    case 'constant':
      return [];
    case 'neg':
    case 'derivative':
      return [e.arg];
    case 'call':
      return e.args;
    case 'cond':
      return [e.test, e.then, e.otherwise];
    case 'sum':
      return [e.from, e.to, e.body];
    case 'delta':
      return [e.i, e.j];
    default:
      return [e.left, e.right];
  }
}
