import { describe, expect, it } from 'vitest';
import { describeTolerance, gradeNumeric, readNumber } from '../../src/grading/index.ts';

describe('readNumber', () => {
  it.each([
    ['0.105', 0.105],
    ['1.05e-1', 0.105],
    ['-3', -3],
    ['−3', -3],
    [' +2.5 ', 2.5],
    ['.5', 0.5],
    ['5.', 5],
    ['2E3', 2000],
    ['1/4', 0.25],
    ['-3/8', -0.375],
    ['0,105', 0.105],
    ['exp(-3)', Math.exp(-3)],
    ['1/(1+e^(-2))', 1 / (1 + Math.exp(-2))],
    ['sigmoid(0)*(1 - sigmoid(0))', 0.25],
  ])('reads %s as %d', (text, value) => {
    expect(readNumber(text)).toBe(value);
  });
  it.each(['', 'abc', '1/0', '1e999', '2z', '1..2', '0x10', 'Infinity', 'NaN', 'sqrt(-1)', 'g', '1'.repeat(201)])(
    'refuses %j',
    (text) => {
      expect(readNumber(text)).toBeUndefined();
    },
  );
});

describe('gradeNumeric', () => {
  const value = 0.104993585;
  it('accepts within a relative tolerance', () => {
    expect(gradeNumeric('0.105', { value, tolerance: { relative: 1e-3 } }).status).toBe('correct');
    expect(gradeNumeric('0.106', { value, tolerance: { relative: 1e-3 } }).status).toBe('incorrect');
  });
  it('accepts within an absolute tolerance', () => {
    expect(gradeNumeric('0.1', { value, tolerance: { absolute: 0.01 } }).status).toBe('correct');
    expect(gradeNumeric('0.09', { value, tolerance: { absolute: 0.01 } }).status).toBe('incorrect');
  });
  it('accepts an answer that rounds right at the significant digits asked for', () => {
    const spec = { value, tolerance: { significantDigits: 3 } };
    expect(gradeNumeric('0.105', spec).status).toBe('correct');
    expect(gradeNumeric('0.10499', spec).status).toBe('correct');
    expect(gradeNumeric('0.104', spec).status).toBe('incorrect');
    expect(gradeNumeric('0.11', spec).status).toBe('incorrect');
  });
  it.each([
    // [answer, value, digits asked, digits given]
    ['0.0099', 1 - Math.tanh(3) ** 2, 3, 2], // tanh′(3) = 0.009866…, as the tanh lesson prints it
    ['0.24', 0.235, 3, 2],
    ['0.1', 0.104993585, 3, 1],
    ['1', 0.9987, 3, 1],
    ['2.0e-3', 0.0019962, 4, 2],
  ])(
    'calls %s for %d right to its own %i-digit precision, not wrong, when %i digits are asked',
    (answer, value, asked, given) => {
      const r = gradeNumeric(answer, { value, tolerance: { significantDigits: asked } });
      expect(r.status).toBe('invalid');
      expect(r.feedback).toContain(`right to the ${given} significant digit`);
      expect(r.feedback).toContain(`${asked} significant digits`);
    },
  );
  it.each([
    ['0', 0.3],
    ['0.2', 0.3],
    ['-0.1', 0.104993585],
    ['0.11', 0.104993585],
    // The true slope 1 for the central difference 0.6 or 0.75 across ReLU's kink (lesson 10): 0.6 to one
    // significant digit is 0.6, not 1, though 1 is 0.6 rounded to the units.
    ['1', 0.6],
    ['1', 0.75],
  ])('does not call %s right to its precision for %d', (answer, value) => {
    expect(gradeNumeric(answer, { value, tolerance: { significantDigits: 3 } }).status).toBe('incorrect');
    expect(gradeNumeric(answer, { value, tolerance: { absolute: 0.001 } }).status).toBe('incorrect');
  });
  it('accepts exact expressions', () => {
    expect(gradeNumeric('1/4', { value: 0.25, tolerance: { significantDigits: 3 } }).status).toBe('correct');
    expect(gradeNumeric('exp(-3)', { value: Math.exp(-3), tolerance: {} }).status).toBe('correct');
    expect(gradeNumeric('exp(-2)', { value: Math.exp(-3), tolerance: {} }).status).toBe('incorrect');
  });
  it.each([
    [{ significantDigits: 3 }, 'Give the value to 3 significant digits, or exactly (such as 1/4 or exp(-3)).'],
    [{ absolute: 0.001 }, 'Give the value to within ±0.001, or exactly (such as 1/4 or exp(-3)).'],
    [
      {},
      'Give the value to within a relative error of 10⁻⁶ (7 significant digits), or exactly (such as 1/4 or exp(-3)).',
    ],
  ])('states the precision %j asks for', (tolerance, text) => {
    expect(describeTolerance(tolerance)).toBe(text);
  });
  it('defaults to a relative tolerance of 1e-6', () => {
    expect(gradeNumeric('0.25', { value: 0.25, tolerance: {} }).status).toBe('correct');
    expect(gradeNumeric('0.2501', { value: 0.25, tolerance: {} }).status).toBe('incorrect');
  });
  it('names a sign error, a factor of 2 and a slipped decimal point', () => {
    const spec = { value: 0.25, tolerance: { relative: 1e-3 } };
    expect(gradeNumeric('-0.25', spec).feedback).toBe('−0.25 is not right: check the sign.');
    expect(gradeNumeric('0.5', spec).feedback).toMatch(/factor of 2/);
    expect(gradeNumeric('2.5', spec).feedback).toBe(
      '2.5 is not right: it is off by a factor of 10 — a slipped decimal point, or a factor of 10 lost or added.',
    );
    expect(gradeNumeric('0.4', spec).feedback).toBe('0.4 is not right.');
  });
  it('blames no decimal point where a factor of 100 of the problem was left out (n = 100 inputs, lesson 11)', () => {
    // He's 2/n with n = 100, answered 2: the student forgot n, not the decimal point.
    expect(gradeNumeric('2', { value: 0.02, tolerance: { significantDigits: 3 } }).feedback).toMatch(
      /factor of 100 — a slipped decimal point, or a factor of 100 lost or added\.$/,
    );
  });
  it.each(['-0.9', '0.4', '0.09'])('gives %s no factor hint when the key is 0: no factor turns it into 0', (answer) => {
    // Lesson 10's ReLU unit with a negative pre-activation passes δ = 0 back; −0.9 is the incoming value.
    const r = gradeNumeric(answer, { value: 0, tolerance: { absolute: 0.001 } });
    expect(r.status).toBe('incorrect');
    expect(r.feedback).toBe(`${answer.replace('-', '−')} is not right.`);
  });
  it('calls text that is not a number invalid', () => {
    const r = gradeNumeric('about 0.1', { value, tolerance: { relative: 1e-3 } });
    expect(r.status).toBe('invalid');
    expect(r.feedback).toMatch(/Type a number/);
  });
});
