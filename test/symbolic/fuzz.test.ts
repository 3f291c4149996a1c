import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { functionList, MAX_INPUT_LENGTH, parse, toText } from '../../src/symbolic/index.ts';
import { ARBITRARY_SYMBOLS } from './arbitrary.ts';

/** Fragments of the language and of likely hostile or mistaken input. */
const fragments = [
  'z',
  'g',
  'alpha',
  'e',
  'pi',
  'x',
  'd',
  'dz',
  '1',
  '0.5',
  '.5',
  '1e',
  '1e-3',
  '2e-',
  '..',
  '9'.repeat(400),
  '+',
  '-',
  '*',
  '/',
  '^',
  '**',
  '(',
  ')',
  ',',
  '?',
  ':',
  '<',
  '<=',
  '>',
  '>=',
  '=',
  '==',
  '!',
  '|',
  '\\',
  // Every function of the language and its aliases, from the table.
  ...functionList.flatMap((f) => [f.name, ...(f.aliases ?? [])]),
  'tanh^2',
  'tanh^-1',
  ' ',
  '\t',
  '\n',
  '−',
  '×',
  '·',
  '²',
  'π',
  'α',
  '😀',
  '\u0000',
  '\ud800',
  '\u202e',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'eval',
  'Function',
  'process',
  'require',
  'import',
  '${',
  '`',
  "'",
  '"',
  '<script>',
  '[',
  ']',
  '{',
  '}',
  '/dz(',
  'd/dz(',
];

const hostile = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.array(fc.constantFrom(...fragments), { maxLength: 40 }).map((parts) => parts.join('')),
  fc.array(fc.constantFrom(...fragments), { maxLength: 12 }).map((parts) => parts.join(' ')),
  fc
    .tuple(fc.constantFrom('(', '-', 'tanh(', 'z^', 'z>0?1:'), fc.integer({ min: 0, max: 400 }))
    .map(([s, n]) => s.repeat(n)),
);

describe('parse on random and hostile strings', () => {
  it('never throws, always answers within 50 ms, and reports errors inside the text', () => {
    // Warm the JIT first so the 50 ms bound measures the parser, not compilation of the parser.
    for (const f of fragments) parse(f.repeat(3));
    let runs = 0;
    let valid = 0;
    let slowest = 0;
    fc.assert(
      fc.property(hostile, fc.boolean(), (text, withSymbols) => {
        runs++;
        const parseOptions = withSymbols ? { symbols: ARBITRARY_SYMBOLS, derivatives: true } : {};
        const r = parse(text, parseOptions);
        // Time the parse; if a run is over budget, time it again (twice at most) and keep the
        // fastest, so a garbage-collection pause or a busy machine is not blamed on the parser.
        let elapsed = Number.POSITIVE_INFINITY;
        for (let attempt = 0; attempt < 3 && elapsed >= 50; attempt++) {
          const start = performance.now();
          parse(text, parseOptions);
          elapsed = Math.min(elapsed, performance.now() - start);
        }
        slowest = Math.max(slowest, elapsed);
        expect(elapsed, JSON.stringify(text)).toBeLessThan(50);
        if (r.ok) {
          valid++;
          // Whatever parses prints to text that parses again.
          expect(parse(toText(r.tree), { symbols: ARBITRARY_SYMBOLS, derivatives: true }).ok).toBe(true);
        } else {
          expect(r.error.message.length).toBeGreaterThan(0);
          expect(r.error.position).toBeGreaterThanOrEqual(0);
          expect(r.error.position).toBeLessThanOrEqual(Math.min(text.length, MAX_INPUT_LENGTH));
        }
      }),
      { numRuns: 12_000, seed: 1337 },
    );
    expect(runs).toBeGreaterThanOrEqual(10_000);
    // The generator must reach the valid part of the language too, or the test proves little.
    expect(valid).toBeGreaterThan(100);
    expect(slowest).toBeLessThan(50);
  });
});
