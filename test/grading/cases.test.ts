import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gradeExpression, grade } from '../../src/grading/index.ts';
import type { GradeStatus, MistakeKind } from '../../src/grading/index.ts';

interface Case {
  readonly name: string;
  readonly answer: string;
  readonly reference: string;
  readonly define?: Record<string, string>;
  readonly params?: Record<string, number>;
  readonly expect: GradeStatus;
  readonly mistake?: MistakeKind;
  readonly position?: number;
}

const { cases } = JSON.parse(readFileSync(new URL('./cases.json', import.meta.url), 'utf8')) as { cases: Case[] };

describe('equivalence case table (cases.json)', () => {
  it('has at least 60 cases of each kind of interest', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    for (const status of ['correct', 'incorrect', 'invalid'] as const) {
      expect(cases.filter((c) => c.expect === status).length).toBeGreaterThanOrEqual(8);
    }
  });

  it.each(cases)('$name: $answer vs $reference → $expect', (c) => {
    const result =
      c.params === undefined
        ? gradeExpression(c.answer, c.reference, c.define === undefined ? {} : { define: c.define })
        : grade(c.answer, {
            reference: c.reference,
            params: c.params,
            ...(c.define === undefined ? {} : { define: c.define }),
          });
    expect(result.status, result.feedback).toBe(c.expect);
    expect(result.feedback.length).toBeGreaterThan(0);
    if (c.mistake !== undefined) expect(result.mistake, result.feedback).toBe(c.mistake);
    if (c.position !== undefined) expect(result.position).toBe(c.position);
    if (c.expect === 'invalid') expect(result.feedback).toMatch(/at character \d+/);
  });
});
