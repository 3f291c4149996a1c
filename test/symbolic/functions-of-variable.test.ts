import { describe, expect, it } from 'vitest';
import { equalTrees, parse, toText } from '../../src/symbolic/index.ts';

const options = { symbols: ['g', 'alpha'], functionsOfVariable: ['g'] };
const text = (input: string, o: Parameters<typeof parse>[1] = options): string => {
  const r = parse(input, o);
  if (!r.ok) throw new Error(`${input}: ${r.error.message}`);
  return toText(r.tree);
};

describe('a symbol that stands for a function of the variable (g = g(z))', () => {
  it.each([
    ['g(z)*(1 - g(z))', 'g*(1 - g)'],
    ['g( z )^2', 'g^2'],
    ['2g(z)', '2*g'],
    ['g(1-g)', 'g*(1 - g)'],
    ['g(-z)', 'g*(-z)'],
    ['g(2z)', 'g*(2*z)'],
    ['alpha(z)', 'alpha*z'],
  ])('%s reads as %s', (input, expected) => {
    expect(text(input)).toBe(expected);
  });

  it('is read in the parser, so error positions point into the text as typed', () => {
    const r = parse('g(z) + * 2', options);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.position).toBe(7);
  });

  it('is off unless asked for: g(z) is g·z', () => {
    const r = parse('g(z)', { symbols: ['g'] });
    const gz = parse('g*z', { symbols: ['g'] });
    expect(r.ok && gz.ok && equalTrees(r.tree, gz.tree)).toBe(true);
  });
});
