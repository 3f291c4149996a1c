import fc from 'fast-check';
import { test } from 'vitest';
import { parse } from '../../src/symbolic/index.ts';
import { ARBITRARY_SYMBOLS } from './arbitrary.ts';
import { fragments, hostile } from './hostile-text.ts';

/** The goal for one parse of any text, hostile or not. */
const GOAL_MS = 50;

// Run with `npm run bench` or `npx vitest bench --run test/symbolic`. Parses the fuzz test's 12,000
// hostile strings (same generator and seed) and prints the time per parse (each the fastest of three
// when slow, so a pause of the machine is not blamed on the parser), the slowest string and how many
// miss the 50 ms goal.
test('parse: the slowest of the hostile strings', () => {
  for (const f of fragments) parse(f.repeat(3));
  const cases = fc.sample(fc.tuple(hostile, fc.boolean()), { numRuns: 12_000, seed: 1337 });
  const times: number[] = [];
  let slowest = '';
  let slowestMs = 0;
  for (const [text, withSymbols] of cases) {
    const options = withSymbols ? { symbols: ARBITRARY_SYMBOLS, derivatives: true } : {};
    let best = Number.POSITIVE_INFINITY;
    for (let attempt = 0; attempt < 3 && best >= GOAL_MS / 5; attempt++) {
      const t0 = performance.now();
      parse(text, options);
      best = Math.min(best, performance.now() - t0);
    }
    times.push(best);
    if (best > slowestMs) {
      slowestMs = best;
      slowest = text;
    }
  }
  times.sort((x, y) => x - y);
  const at = (q: number): number => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)] ?? Number.NaN;
  const over = times.filter((t) => t >= GOAL_MS).length;
  console.log(
    `parsing ${times.length} hostile strings: p50 ${at(0.5).toFixed(3)} ms, p99 ${at(0.99).toFixed(3)} ms, ` +
      `slowest ${slowestMs.toFixed(2)} ms for ${JSON.stringify(slowest.slice(0, 60))}; ${over} at or over the ${GOAL_MS} ms goal`,
  );
}, 300_000);
