import { describe, expect, it } from 'vitest';
import { gradeNumeric, readNumber } from '../../src/grading/index.ts';

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
  ])('reads %s as %d', (text, value) => {
    expect(readNumber(text)).toBe(value);
  });
  it.each(['', 'abc', '1/0', '1e999', '2z', '1..2', '1/2/3', '0x10', 'Infinity', 'NaN', '1 2', '1'.repeat(100)])(
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
    expect(gradeNumeric('0.1', spec).status).toBe('incorrect');
    expect(gradeNumeric('0.104', spec).status).toBe('incorrect');
  });
  it('defaults to a relative tolerance of 1e-6', () => {
    expect(gradeNumeric('0.25', { value: 0.25, tolerance: {} }).status).toBe('correct');
    expect(gradeNumeric('0.2501', { value: 0.25, tolerance: {} }).status).toBe('incorrect');
  });
  it('names a sign error, a factor of 2 and a slipped decimal point', () => {
    const spec = { value: 0.25, tolerance: { relative: 1e-3 } };
    expect(gradeNumeric('-0.25', spec).feedback).toBe('-0.25 is not right: check the sign.');
    expect(gradeNumeric('0.5', spec).feedback).toMatch(/factor of 2/);
    expect(gradeNumeric('2.5', spec).feedback).toMatch(/factor of 10 — check the decimal point/);
    expect(gradeNumeric('0.3', spec).feedback).toBe('0.3 is not right.');
  });
  it('calls text that is not a number invalid', () => {
    const r = gradeNumeric('about 0.1', { value, tolerance: { relative: 1e-3 } });
    expect(r.status).toBe('invalid');
    expect(r.feedback).toMatch(/single number/);
  });
});
