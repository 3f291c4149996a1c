import { describe, expect, it } from 'vitest';
import { changedNodes, equalTrees, num, parse, toText } from '../../src/symbolic/index.ts';
import type { Expr } from '../../src/symbolic/index.ts';

function tree(text: string): Expr {
  const r = parse(text, { symbols: ['g', 'a', 'b'], derivatives: true });
  if (!r.ok) throw new Error(`${text}: ${r.error.message}`);
  return r.tree;
}

describe('equalTrees', () => {
  it.each([
    ['2z', '2*z'],
    ['.5', '0.5'],
    ['ln(z)', 'log(z)'],
    ['tanh^2(z)', 'tanh(z)^2'],
    ['z>0?1:0', '(z > 0) ? (1) : (0)'],
    ['d/dz(z)', 'd/dz((z))'],
  ])('%s equals %s', (a, b) => {
    expect(equalTrees(tree(a), tree(b))).toBe(true);
  });

  it.each([
    ['z+1', '1+z'],
    ['2z', '2+z'],
    ['a-b', 'b-a'],
    ['max(0, z)', 'max(0, z, 1)'],
    ['max(0, z)', 'min(0, z)'],
    ['z < 0', 'z <= 0'],
    ['e', 'pi'],
    ['g', 'z'],
    ['-z', 'z'],
    ['1', '2'],
    ['z>0?1:0', 'z>0?0:1'],
  ])('%s differs from %s', (a, b) => {
    expect(equalTrees(tree(a), tree(b))).toBe(false);
  });
});

describe('changedNodes', () => {
  /** The changed subtrees, printed, in print order. */
  const changed = (a: string, b: string): string[] => [...changedNodes(tree(a), tree(b))].map(toText);

  it.each<[string, string, string[]]>([
    ['z', 'z', []],
    ['2z', '3z', ['3']],
    ['2z', '2g', ['g']],
    ['2z', '2*(z+1)', ['z + 1']],
    ['2z', '2/z', ['2/z']],
    ['exp(-z)/(1+exp(-z))^2', 'exp(-z)/(1+exp(-z))^3', ['3']],
    ['sigmoid(z)(1-sigmoid(z))', 'g(1-g)', ['g', 'g']],
    ['tanh(z)^2', 'sech(z)^2', ['sech(z)']],
    ['max(0, z)', 'max(0, z, 1)', ['max(0, z, 1)']],
    ['z > 0 ? 1 : 0', 'z >= 0 ? 1 : 0', ['z >= 0']],
    ['z > 0 ? 1 : 0', 'z > 0 ? 1 : z < 0 ? -1 : 0', ['z < 0 ? -1 : 0']],
    ['a + b', 'b + a', ['b', 'a']],
  ])('%s → %s changes %j', (a, b, expected) => {
    expect(changed(a, b)).toEqual(expected);
  });

  it('returns nodes of the next tree, by identity', () => {
    const next = tree('2*(z+1)');
    const [node] = changedNodes(tree('2z'), next);
    expect(next.kind === 'mul' && node === next.right).toBe(true);
  });

  it('treats equal numbers with different spelling as unchanged', () => {
    expect(changedNodes(num(0.5, '.5'), num(0.5, '0.5')).size).toBe(0);
  });
});
