import { test } from 'vitest';
import { grade } from '../../src/grading/index.ts';
import { ANSWER_MIX } from './answer-mix.ts';

// Run with `npm run bench` or `npx vitest bench --run test/grading`. Vitest prints its latency
// table (p75/p99); test/grading/timing.test.ts prints p50/p95 over 1000 gradings of the same mix.
test('grade(answer, spec): time per answer', async ({ bench }) => {
  await bench.compare(
    ...ANSWER_MIX.map((a) =>
      bench(`${a.status}: ${a.label}`, () => {
        grade(a.answer, a.spec);
      }),
    ),
  );
});
