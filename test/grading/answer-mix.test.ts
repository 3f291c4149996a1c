import { describe, expect, it } from 'vitest';
import { grade } from '../../src/grading/index.ts';
import { ANSWER_MIX } from './answer-mix.ts';

// The mix the benchmark times (grade.bench.ts prints its p50/p95): each answer grades as labelled.
describe('the benchmark’s answer mix', () => {
  it.each(ANSWER_MIX.map((a) => [a.label, a] as const))('%s', (_label, a) => {
    const r = grade(a.answer, a.spec);
    expect(r.status, r.feedback).toBe(a.status);
  });
});
