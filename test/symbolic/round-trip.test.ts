import fc from 'fast-check';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { equalTrees, MAX_INPUT_LENGTH, parse, toTeX, toText } from '../../src/symbolic/index.ts';
import { ARBITRARY_SYMBOLS, exprArbitrary } from './arbitrary.ts';

const options = { symbols: ARBITRARY_SYMBOLS, derivatives: true };

describe('toText round trip', () => {
  it('parse(toText(tree)) equals the tree', () => {
    let checked = 0;
    fc.assert(
      fc.property(exprArbitrary({ derivatives: true }), (t) => {
        const text = toText(t);
        fc.pre(text.length <= MAX_INPUT_LENGTH);
        checked++;
        const r = parse(text, options);
        if (!r.ok) throw new Error(`${text}: ${r.error.message} at ${r.error.position}`);
        expect(equalTrees(r.tree, t), `${text} → ${toText(r.tree)}`).toBe(true);
        // Printing is a fixed point: the canonical text of the re-parsed tree is the same text.
        expect(toText(r.tree)).toBe(text);
      }),
      { numRuns: 3000, seed: 424242 },
    );
    expect(checked).toBeGreaterThan(1000);
  });

  it.each([
    ['2z', '2*z'],
    ['g(1-g)', 'g*(1 - g)'],
    ['-z^2', '-z^2'],
    ['(-z)^2', '(-z)^2'],
    ['z^-2', 'z^(-2)'],
    ['a-(b-c)', 'a - (b - c)'],
    ['-(a b)', '-(a*b)'],
    ['tanh^2(z)', 'tanh(z)^2'],
    ['ln(z)', 'log(z)'],
    ['.5', '0.5'],
    ['z>0?1:z<0?-1:0', 'z > 0 ? 1 : z < 0 ? -1 : 0'],
    ['(z>0?1:0)?2:3', '(z > 0 ? 1 : 0) ? 2 : 3'],
    ['(z<1)<2', '(z < 1) < 2'],
  ])('%s prints as %s', (input, text) => {
    const r = parse(input, { symbols: ['a', 'b', 'c', 'g'] });
    expect(r.ok && toText(r.tree)).toBe(text);
  });
});

describe('toTeX on random trees', () => {
  it('always typesets with KaTeX in strict mode', () => {
    fc.assert(
      fc.property(exprArbitrary({ derivatives: true }), (t) => {
        const tex = toTeX(t);
        expect(
          () => katex.renderToString(tex, { throwOnError: true, strict: 'error', displayMode: true }),
          tex,
        ).not.toThrow();
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});
