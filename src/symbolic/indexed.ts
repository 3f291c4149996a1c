import { kronecker, name, num, sumOver } from './expr.ts';
import type { Expr } from './expr.ts';
import type { Op, Token } from './lexer.ts';

/**
 * Indexed expressions: the part of the answer syntax for vectors, read only when the parser is given
 * {@link IndexedOptions} (derivation authoring, never a student's answer unless an exercise asks).
 *
 * ```
 * z_i, z_j, s_k, y_1    the i-th (j-th, k-th, first) component of a vector: one name, `z_i`
 * delta(i, j)           the Kronecker δ_ij: 1 when i = j, else 0
 * sum(k, 1, n, body)    Σ_{k=1}^{n} body; k is bound inside body only (z_k, delta(k, j))
 * n                     the length of the vectors
 * d/dz_j(…)             the partial derivative by the j-th component (the parse option `variable: 'z_j'`)
 * ```
 *
 * An indexed tree has no value by itself: `expandIndices` (expand-indices.ts) instantiates it for a
 * concrete n and concrete free indices into an ordinary expression in `z_1` … `z_n`, which the one
 * checker and the differentiator handle like any other.
 */
export interface IndexedOptions {
  /** Names of the vectors whose components may be written `v_i`, `v_1` (e.g. `['z', 's', 'y']`). One letter each. */
  readonly vectors: readonly string[];
  /** The free indices (e.g. `['i', 'j']`). A sum binds its own (`sum(k, …)`). One letter each. */
  readonly indices: readonly string[];
  /** The name of the vectors' length. Default `'n'`. */
  readonly size?: string;
}

/** Largest component number written literally (`z_99`); far above any n a lesson checks. */
export const MAX_COMPONENT = 99;

/** What the parser lends the indexed reader: its token stream, its expression rule and its errors. */
export interface IndexedHost {
  peek(offset?: number): Token;
  next(): Token;
  /** The parser's top-level expression rule (`cond`), with its depth limit. */
  expression(): Expr;
  /** Throws the parser's error (never returns). */
  fail(code: string, message: string, position: number, hint?: string): never;
}

const LETTER = /^[A-Za-z]$/;
/** `z_i`, `z_12`: a vector name, an underscore and one letter or a number. */
const COMPONENT = /^([A-Za-z])_([A-Za-z]|[0-9]+)$/;

/** Problems with the options themselves, as a message (undefined when they are fine). */
export function indexedOptionsProblem(options: IndexedOptions): string | undefined {
  const size = options.size ?? 'n';
  for (const n of [...options.vectors, ...options.indices, size]) {
    if (!LETTER.test(n)) return `name \`${n}\` must be a single letter`;
  }
  const all = [...options.vectors, ...options.indices, size];
  if (new Set(all).size !== all.length) return 'vectors, indices and the size need different letters';
  return undefined;
}

/**
 * Reads the indexed syntax starting at the name token `t`, or returns undefined when `t` is none of
 * it (the parser then goes on as usual). `bound` is the stack of indices bound by enclosing sums.
 */
export function readIndexed(host: IndexedHost, t: Token, options: IndexedOptions, bound: string[]): Expr | undefined {
  const size = options.size ?? 'n';
  const isIndex = (x: string): boolean => options.indices.includes(x) || bound.includes(x);
  const isOp = (k: Token, op: Op): boolean => k.type === 'op' && k.text === op;
  const component = COMPONENT.exec(t.text);
  if (component !== null && options.vectors.includes(component[1] ?? '')) {
    const sub = component[2] ?? '';
    if (/^[0-9]+$/.test(sub)) {
      const k = Number(sub);
      if (k < 1 || k > MAX_COMPONENT)
        host.fail('index-range', `component ${sub} does not exist`, t.pos, `components are numbered 1 to n`);
    } else if (!isIndex(sub)) {
      host.fail(
        'unknown-index',
        `\`${sub}\` is not an index here`,
        t.pos,
        `indices: ${[...options.indices, ...bound].join(', ') || 'none'}; a sum binds its own: sum(k, 1, n, …)`,
      );
    }
    host.next();
    return name(t.text);
  }
  if (t.text === size || isIndex(t.text)) {
    host.next();
    return name(t.text);
  }
  if (t.text === 'delta' && isOp(host.peek(1), '(')) return readDelta(host, isIndex);
  if (t.text === 'sum' && isOp(host.peek(1), '(')) return readSum(host, options, bound);
  return undefined;
}

/** `delta(i, j)`: each argument an index or a component number. */
function readDelta(host: IndexedHost, isIndex: (x: string) => boolean): Expr {
  host.next();
  host.next();
  const args: Expr[] = [];
  for (let k = 0; k < 2; k++) {
    const a = host.next();
    if (a.type === 'name' && isIndex(a.text)) args.push(name(a.text));
    else if (a.type === 'number' && Number.isInteger(a.value) && a.value >= 1) args.push(num(a.value, a.text));
    else host.fail('delta-syntax', 'delta takes two indices', a.pos, 'write delta(i, j)');
    const sep = host.next();
    if (!(sep.type === 'op' && sep.text === (k === 0 ? ',' : ')')))
      host.fail('delta-syntax', 'delta takes two indices', sep.pos, 'write delta(i, j)');
  }
  const [i = num(1), j = num(1)] = args;
  return kronecker(i, j);
}

/** `sum(k, from, to, body)`: k a new letter, bound in body only. */
function readSum(host: IndexedHost, options: IndexedOptions, bound: string[]): Expr {
  const hint = 'write sum(k, 1, n, exp(z_k))';
  host.next();
  host.next();
  const index = host.next();
  const k = index.text;
  if (index.type !== 'name' || !LETTER.test(k))
    host.fail('sum-syntax', 'a sum starts with its index, a single letter', index.pos, hint);
  if (options.vectors.includes(k) || options.indices.includes(k) || bound.includes(k) || k === (options.size ?? 'n'))
    host.fail('sum-index', `\`${k}\` is already in use; a sum needs a new index letter`, index.pos, hint);
  const comma = (): void => {
    const c = host.next();
    if (!(c.type === 'op' && c.text === ','))
      host.fail('sum-syntax', 'a sum takes an index, two bounds and a body', c.pos, hint);
  };
  comma();
  const from = host.expression();
  comma();
  const to = host.expression();
  comma();
  bound.push(k);
  const body = host.expression();
  bound.pop();
  const close = host.next();
  if (!(close.type === 'op' && close.text === ')'))
    host.fail('sum-syntax', 'a sum takes an index, two bounds and a body', close.pos, hint);
  return sumOver(k, from, to, body);
}
