import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_INPUT_LENGTH, parse, toText } from '../../src/symbolic/index.ts';
import { ARBITRARY_SYMBOLS } from './arbitrary.ts';
import { fragments, hostile } from './hostile-text.ts';

/**
 * A hang guard, twenty times the 50 ms goal for one parse: only a hang or a blow-up comes near it
 * on a loaded machine. The goal itself is a benchmark that prints the slowest parse (`npm run
 * bench`, test/symbolic/parse.bench.ts).
 */
const HANG_MS = 1_000;

describe('parse on random and hostile strings', () => {
  it('never throws, never hangs, and reports errors inside the text', () => {
    // Warm the JIT first so the timing measures the parser, not compilation of the parser.
    for (const f of fragments) parse(f.repeat(3));
    let runs = 0;
    let valid = 0;
    fc.assert(
      fc.property(hostile, fc.boolean(), (text, withSymbols) => {
        runs++;
        const parseOptions = withSymbols ? { symbols: ARBITRARY_SYMBOLS, derivatives: true } : {};
        const r = parse(text, parseOptions);
        // Time the parse; if a run is slow, time it again (twice at most) and keep the fastest, so
        // a garbage-collection pause or a busy machine is not blamed on the parser.
        let elapsed = Number.POSITIVE_INFINITY;
        for (let attempt = 0; attempt < 3 && elapsed >= HANG_MS / 5; attempt++) {
          const start = performance.now();
          parse(text, parseOptions);
          elapsed = Math.min(elapsed, performance.now() - start);
        }
        expect(elapsed, JSON.stringify(text)).toBeLessThan(HANG_MS);
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
  });
});
