import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  derive,
  evaluate,
  EvaluationError,
  expandIndices,
  parse,
  toTeX,
  toText,
  MAX_INPUT_LENGTH,
} from '../../src/symbolic/index.ts';
import type { Expr, IndexedOptions } from '../../src/symbolic/index.ts';
import { expectClose } from '../support/float.ts';

const indexed: IndexedOptions = { vectors: ['z', 's', 'y'], indices: ['i', 'j'] };
const read = (text: string, variable = 'z'): Expr => {
  const r = parse(text, { indexed, variable, derivatives: true });
  if (!r.ok) throw new Error(`${text}: ${r.error.message}`);
  return r.tree;
};
const expand = (tree: Expr, n: number, indices: Record<string, number>, define?: Record<string, Expr>): Expr => {
  const r = expandIndices(tree, { n, indices, vectors: indexed.vectors, ...(define === undefined ? {} : { define }) });
  if (!r.ok) throw new Error(r.error.message);
  return r.tree;
};

describe('indexed expressions: parse, print', () => {
  it.each([
    ['z_i', 'z_i', 'z_{i}'],
    ['delta(i, j)', 'delta(i, j)', '\\delta_{ij}'],
    ['sum(k, 1, n, exp(z_k))', 'sum(k, 1, n, exp(z_k))', '\\sum_{k=1}^{n} e^{z_{k}}'],
    ['s_i*(delta(i, j) - s_j)', 's_i*(delta(i, j) - s_j)', 's_{i}\\left(\\delta_{ij}-s_{j}\\right)'],
    ['sum(k, 1, n, y_k + z_k)', 'sum(k, 1, n, y_k + z_k)', '\\sum_{k=1}^{n} \\left(y_{k}+z_{k}\\right)'],
  ])('%s reads, prints back as %s and typesets as %s', (text, back, tex) => {
    const tree = read(text);
    expect(toText(tree)).toBe(back);
    expect(toTeX(tree)).toBe(tex);
    // The printed text reads back to the same text.
    expect(toText(read(toText(tree)))).toBe(back);
  });

  it('prints the derivative by a component as a partial derivative', () => {
    expect(toTeX(read('d/dz_j(exp(z_i))', 'z_j'))).toBe('\\frac{\\partial}{\\partial z_{j}}\\left(e^{z_{i}}\\right)');
  });

  it.each([
    ['z_q', 'unknown-index'],
    ['z_0', 'index-range'],
    ['delta(i)', 'delta-syntax'],
    ['delta(i, 2.5)', 'delta-syntax'],
    ['sum(i, 1, n, z_i)', 'sum-index'],
    ['sum(k, 1, n)', 'sum-syntax'],
    ['sum(k, 1, n, z_k', 'sum-syntax'],
    ['sum(2, 1, n, z_k)', 'sum-syntax'],
    ['z_k', 'unknown-index'],
    ['sum(k, 1, n, z_k) + z_k', 'unknown-index'],
  ])('refuses %s with code %s (never throws)', (text, code) => {
    const r = parse(text, { indexed, derivatives: true });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe(code);
  });

  it('is off unless asked: without indexed options `sum` and `delta` are unknown', () => {
    const r = parse('delta(i, j)');
    expect(r.ok).toBe(false);
    const s = parse('sum(k, 1, n, z)');
    expect(s.ok).toBe(false);
  });

  it('keeps the parser limits: length and depth', () => {
    const long = `sum(k, 1, n, ${'z_k+'.repeat(130)}z_k)`;
    expect(long.length).toBeGreaterThan(MAX_INPUT_LENGTH);
    const r = parse(long, { indexed });
    expect(r.ok || r.error.code).toBe('too-long');
    const deep = `${'sum(k, 1, n, '.repeat(1)}${'('.repeat(70)}z_k${')'.repeat(70)})`;
    const d = parse(deep, { indexed });
    expect(d.ok || d.error.code).toBe('too-deep');
  });

  it('refuses bad options', () => {
    const r = parse('z_i', { indexed: { vectors: ['zz'], indices: ['i'] } });
    expect(r.ok || r.error.code).toBe('invalid-option');
  });

  it('has no value before expansion', () => {
    expect(() => evaluate(read('delta(i, j)'), { i: 1, j: 1 })).toThrow(EvaluationError);
  });
});

describe('expandIndices', () => {
  it('writes a sum out for a concrete n', () => {
    expect(toText(expand(read('sum(k, 1, n, exp(z_k))'), 3, {}))).toBe('exp(z_1) + exp(z_2) + exp(z_3)');
  });

  it.each([
    [1, 1, 1],
    [1, 2, 0],
    [3, 3, 1],
  ])('delta(i, j) with i = %i, j = %i is %i', (i, j, value) => {
    expect(evaluate(expand(read('delta(i, j)'), 3, { i, j }), {})).toBe(value);
  });

  it('instantiates components, nested sums and defined vectors', () => {
    const definition = parse('exp(z_k)/sum(m, 1, n, exp(z_m))', { indexed: { vectors: ['z'], indices: ['k'] } });
    expect(definition.ok).toBe(true);
    if (!definition.ok) return;
    const tree = expand(read('sum(k, 1, n, s_k)'), 4, {}, { s_k: definition.tree });
    const env = { z_1: 0.3, z_2: -1.2, z_3: 2, z_4: 0.7 };
    // Σ_k s_k = 1 for the softmax.
    expectClose(evaluate(tree, env), 1, 1e-15);
  });

  it('turns d/dz_j into the derivative by a concrete component that derive() can take', () => {
    const tree = expand(read('d/dz_j(exp(z_i)/sum(k, 1, n, exp(z_k)))', 'z_j'), 3, { i: 1, j: 2 });
    expect(tree.kind).toBe('derivative');
    if (tree.kind !== 'derivative') return;
    expect(tree.variable).toBe('z_2');
    const d = derive(tree.arg, ['z_1', 'z_3'], 'z_2');
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    const env = { z_1: 0.4, z_2: -0.3, z_3: 1.1 };
    const e = [env.z_1, env.z_2, env.z_3].map(Math.exp);
    const total = e.reduce((a, b) => a + b, 0);
    // ∂s₁/∂z₂ = −s₁ s₂.
    expectClose(evaluate(d.derivativeTree, env), -((e[0] ?? 0) / total) * ((e[1] ?? 0) / total), 1e-13);
  });

  it.each([
    ['z_i', { i: 4 }, 'index-range'],
    ['z_i', {}, 'unbound-index'],
    ['z_4', {}, 'index-range'],
    ['sum(k, 1, n/2, z_k)', {}, 'bound-not-integer'],
  ])('%s with %o fails with %s', (text, indices, code) => {
    const r = expandIndices(read(text), { n: 3, indices, vectors: indexed.vectors });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe(code);
  });

  it('an empty sum is 0', () => {
    expect(toText(expand(read('sum(k, 2, 1, z_k)'), 3, {}))).toBe('0');
  });
});

describe('indexed parsing never throws', () => {
  // Fragments of the indexed syntax and of mistakes with it, joined at random.
  const fragments = [
    'z_i',
    'z_j',
    'z_k',
    's_1',
    'z_0',
    'z_q',
    'delta',
    'sum',
    'n',
    'i',
    'k',
    '(',
    ')',
    ',',
    '1',
    '+',
    '*',
    '^',
    '-',
    'exp',
    'd/dz_j',
    ' ',
  ];
  it('returns a tree or an error with a code, and a tree prints back to itself', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const r = parse(text, { indexed, variable: 'z_j', derivatives: true });
        if (!r.ok) {
          expect(typeof r.error.code).toBe('string');
          return;
        }
        const again = parse(toText(r.tree), { indexed, variable: 'z_j', derivatives: true });
        expect(again.ok && toText(again.tree)).toBe(toText(r.tree));
      }),
      { numRuns: 2000, seed: 18 },
    );
  });
});
