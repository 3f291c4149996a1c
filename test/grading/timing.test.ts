import { describe, expect, it } from 'vitest';
import { grade } from '../../src/grading/index.ts';
import { ANSWER_MIX } from './answer-mix.ts';

/** The q-quantile of sorted values (nearest rank). */
const quantile = (sorted: readonly number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;

describe('grading time per answer', () => {
  it('grades 1000 answers of a mixed set and reports p50 / p95 (goal: p95 ≤ 2 ms)', () => {
    // Warm-up: the first grading of each spec also parses and caches its reference.
    for (const a of ANSWER_MIX) grade(a.answer, a.spec);
    const times: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const a = ANSWER_MIX[i % ANSWER_MIX.length];
      if (a === undefined) continue;
      const t0 = performance.now();
      const r = grade(a.answer, a.spec);
      times.push(performance.now() - t0);
      expect(r.status, `${a.label}: ${r.feedback}`).toBe(a.status);
    }
    times.sort((x, y) => x - y);
    const p50 = quantile(times, 0.5);
    const p95 = quantile(times, 0.95);
    console.log(
      `grading time per answer over ${times.length} gradings: p50 ${p50.toFixed(3)} ms, p95 ${p95.toFixed(3)} ms, max ${(times[times.length - 1] ?? 0).toFixed(3)} ms`,
    );
    expect(times).toHaveLength(1000);
    expect(p50).toBeLessThanOrEqual(p95);
  }, 60_000);
});
