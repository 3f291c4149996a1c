import { describe, expect, it } from 'vitest';
import { grade } from '../../src/grading/index.ts';
import { INVISIBLE, PASTED, RIGHT, WRONG } from './adversarial-cases.ts';

const shown = (s: string): string => JSON.stringify(s);

describe('adversarial suite (issue 14)', () => {
  it('counts accepted wrong and refused right answers (both must be 0)', () => {
    const acceptedWrong = WRONG.filter((c) => grade(c.answer, c.spec).status === 'correct');
    const refusedRight = [...RIGHT, ...PASTED].filter((c) => grade(c.answer, c.spec).status !== 'correct');
    console.log(
      `adversarial suite: ${acceptedWrong.length} of ${WRONG.length} wrong answers accepted, ` +
        `${refusedRight.length} of ${RIGHT.length + PASTED.length} right answers refused`,
    );
    expect(acceptedWrong.map((c) => `${c.kind}: ${shown(c.answer)} vs ${c.spec.reference}`)).toEqual([]);
    expect(refusedRight.map((c) => `${c.kind}: ${shown(c.answer)} → ${grade(c.answer, c.spec).feedback}`)).toEqual([]);
  });

  it.each(WRONG.map((c) => [c.kind, c.answer, c] as const))('%s: %s is not correct', (_kind, _answer, c) => {
    const r = grade(c.answer, c.spec);
    expect(r.status, r.feedback).not.toBe('correct');
  });

  it.each([...RIGHT, ...PASTED].map((c) => [c.kind, c.answer, c] as const))(
    '%s: %s is correct',
    (_kind, _answer, c) => {
      const r = grade(c.answer, c.spec);
      expect(r.status, r.feedback).toBe('correct');
    },
  );

  it.each(INVISIBLE)('names the invisible character in $answer by its code point', ({ answer, codePoint }) => {
    const r = grade(answer, { reference: 'g*(1-g)', define: { g: 'sigmoid(z)' } });
    expect(r.status).toBe('invalid');
    expect(r.code).toBe('invisible-character');
    expect(r.feedback).toContain(codePoint);
  });

  it('says "couldn’t confirm" (costing no attempt) where no point of an interval can be checked', () => {
    const r = grade('z > 30 ? exp(z^2) - exp(z^2) + 1 : g*(1-g)', {
      reference: 'g*(1-g)',
      define: { g: 'sigmoid(z)' },
    });
    expect(r.status).not.toBe('correct');
    const s = grade('z > 30 ? exp(exp(exp(z))) - exp(exp(exp(z))) : g*(1-g)', {
      reference: 'g*(1-g)',
      define: { g: 'sigmoid(z)' },
    });
    expect(s).toMatchObject({ status: 'invalid', code: 'undecided' });
  });

  it('judges the same with either stored form of the tanh key', () => {
    const answers = [...WRONG, ...RIGHT].filter((c) => c.kind === 'key form').map((c) => c.answer);
    for (const answer of answers) {
      const one = grade(answer, { reference: '1 - tanh(z)^2' }).status;
      const other = grade(answer, { reference: 'sech(z)^2' }).status;
      expect(one, answer).toBe(other);
    }
  });
});
