import { describe, expect, it } from 'vitest';
import { gradeExpression } from '../../src/grading/index.ts';
import type { GradeStatus } from '../../src/grading/index.ts';
import { fuzzInputs, HOSTILE, REFERENCES } from './fuzz-inputs.ts';

/**
 * A hang guard, twenty times the 50 ms goal for one grading: only a hang or a blow-up (an
 * exponential parse, a runaway scan) comes near it on a loaded machine. The goal itself is a
 * benchmark that prints the slowest input (`npm run bench`, test/grading/fuzz.bench.ts).
 */
const HANG_MS = 1_000;

describe('fuzz: gradeExpression never throws and never hangs', () => {
  it('grades ≥ 10,000 random and hostile inputs, none near a hang', () => {
    const all = fuzzInputs();
    expect(all.length).toBeGreaterThanOrEqual(10_000);
    // Warm up the JIT once so the timings measure grading, not compilation.
    for (const [ref, options] of REFERENCES) gradeExpression('z', ref, options);

    const counts: Record<GradeStatus, number> = { correct: 0, incorrect: 0, invalid: 0 };
    let slowest = 0;
    let slowestInput = '';
    const failures: string[] = [];
    all.forEach((input, i) => {
      const [ref, options] = REFERENCES[i % REFERENCES.length] ?? REFERENCES[0] ?? ['z', {}];
      const t0 = performance.now();
      try {
        const r = gradeExpression(input, ref, options);
        counts[r.status]++;
        if (typeof r.feedback !== 'string' || r.feedback.length === 0)
          failures.push(`empty feedback for ${JSON.stringify(input)}`);
      } catch (e) {
        failures.push(`${JSON.stringify(input.slice(0, 80))} threw ${String(e)}`);
      }
      let dt = performance.now() - t0;
      // A slow reading may be the machine (GC, other processes), not the input: time it twice more
      // and keep the fastest, which is what the input itself costs.
      for (let retry = 0; retry < 2 && dt > HANG_MS / 5; retry++) {
        const t1 = performance.now();
        try {
          gradeExpression(input, ref, options);
        } catch {
          // already recorded above
        }
        dt = Math.min(dt, performance.now() - t1);
      }
      if (dt > slowest) {
        slowest = dt;
        slowestInput = input;
      }
    });
    console.log(
      `fuzz: ${all.length} inputs (${HOSTILE.length} hand-written) → ${counts.correct} correct, ${counts.incorrect} incorrect, ${counts.invalid} invalid; ` +
        `slowest ${slowest.toFixed(2)} ms for ${JSON.stringify(slowestInput.slice(0, 60))}`,
    );
    expect(failures).toEqual([]);
    expect(counts.correct + counts.incorrect + counts.invalid).toBe(all.length);
    expect(slowest, JSON.stringify(slowestInput.slice(0, 80))).toBeLessThan(HANG_MS);
    // Sanity: the fuzzing reached the checker, not only the parser.
    expect(counts.incorrect).toBeGreaterThan(1000);
    expect(counts.correct).toBeGreaterThan(0);
  }, 120_000);

  it.each([
    ['__proto__', 'invalid'],
    ['constructor', 'invalid'],
    ['toString', 'invalid'],
    ['constructor.constructor', 'invalid'],
    ['1e999', 'invalid'],
    ['z^z^z^z', 'incorrect'],
    ['0^0', 'incorrect'],
  ] as const)('%s is %s, never code', (input, status) => {
    expect(gradeExpression(input, 'g*(1-g)', { define: { g: 'sigmoid(z)' } }).status).toBe(status);
  });
});
