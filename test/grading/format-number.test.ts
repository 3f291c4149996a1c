import { describe, expect, it } from 'vitest';
import { formatNumber, formatNumberTeX, formatPair } from '../../src/grading/format-number.ts';
import { formatNumber as plotNumber } from '../../components/plots/format.ts';

describe('numbers for people: one convention', () => {
  it.each([
    [0.0452, '0.0452', '0.0452'],
    [-1.5, '−1.5', '-1.5'],
    [9.5e-7, '9.5 × 10⁻⁷', '9.5 \\times 10^{-7}'],
    [1e6, '10⁶', '10^{6}'],
    [123456, '1.23 × 10⁵', '1.23 \\times 10^{5}'],
    [Infinity, '∞', '\\infty'],
    [-Infinity, '−∞', '-\\infty'],
    [Number.NaN, 'undefined', '\\text{undefined}'],
    [0, '0', '0'],
  ])('%s reads %s (TeX %s)', (x, text, tex) => {
    expect(formatNumber(x)).toBe(text);
    expect(formatNumberTeX(x)).toBe(tex);
  });

  it('is the same function in feedback and on a plot', () => {
    expect(plotNumber).toBe(formatNumber);
  });

  it('adds digits until two different numbers read differently', () => {
    expect(formatPair(0.19661193, 0.19661203)).toEqual(['0.1966119', '0.196612']);
  });
});
