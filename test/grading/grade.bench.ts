import { test } from 'vitest';
import { grade } from '../../src/grading/index.ts';
import { ANSWER_MIX } from './answer-mix.ts';

/** The q-quantile of sorted values (nearest rank). */
const quantile = (sorted: readonly number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;

// Run with `npm run bench` or `npx vitest bench --run test/grading`. Vitest prints its latency
// table (p75/p99); the second benchmark prints p50/p95 over 1000 gradings of the same mix (goal:
// p95 ≤ 2 ms). That each answer grades as labelled is a test: answer-mix.test.ts.
test('grade(answer, spec): time per answer', async ({ bench }) => {
  await bench.compare(
    ...ANSWER_MIX.map((a) =>
      bench(`${a.status}: ${a.label}`, () => {
        grade(a.answer, a.spec);
      }),
    ),
  );
});

test('grade(answer, spec): p50 / p95 over 1000 gradings of the mix', () => {
  // Warm-up: the first grading of each spec also parses and caches its reference.
  for (const a of ANSWER_MIX) grade(a.answer, a.spec);
  const times: number[] = [];
  for (let i = 0; i < 1000; i++) {
    const a = ANSWER_MIX[i % ANSWER_MIX.length];
    if (a === undefined) continue;
    const t0 = performance.now();
    grade(a.answer, a.spec);
    times.push(performance.now() - t0);
  }
  times.sort((x, y) => x - y);
  console.log(
    `grading time per answer over ${times.length} gradings: p50 ${quantile(times, 0.5).toFixed(3)} ms, p95 ${quantile(times, 0.95).toFixed(3)} ms, max ${(times[times.length - 1] ?? 0).toFixed(3)} ms`,
  );
}, 60_000);
