import { describe, expect, it } from 'vitest';
import { formatNumber, formatPercent, formatReadout, formatZ, superscript } from '../../components/plots/format.ts';

describe('formatNumber', () => {
  it.each([
    [0.25, '0.25'],
    [4.5951, '4.6', 2],
    [0.881, '0.881'],
    [-2, '−2'],
    [0, '0'],
    [1234.5, '1230'],
    [9.5367431640625e-7, '9.54 × 10⁻⁷'],
    [1e-6, '10⁻⁶'],
    [-3.2e8, '−3.2 × 10⁸'],
    [0.001, '0.001'],
    [Infinity, '∞'],
    [NaN, 'undefined'],
  ] as [number, string, number?][])('%s → %s', (x, text, digits) => {
    expect(formatNumber(x, digits)).toBe(text);
  });
});

describe('formatZ, formatPercent, superscript', () => {
  it.each([
    [1e-12, '0'],
    [-0.004, '0'],
    [2.345, '2.35'],
    [-4.6, '−4.6'],
  ])('formatZ(%s) = %s', (z, text) => {
    expect(formatZ(z)).toBe(text);
  });
  it.each([
    [0, '0%'],
    [0.5, '50%'],
    [0.8413447, '84.1%'],
    [2e-6, '<0.1%'],
    [0.99999, '>99.9%'],
    [1, '100%'],
  ])('formatPercent(%s) = %s', (p, text) => {
    expect(formatPercent(p)).toBe(text);
  });
  it('writes exponents as superscripts', () => {
    expect(superscript(-12)).toBe('⁻¹²');
    expect(superscript(10)).toBe('¹⁰');
  });
});

describe('formatReadout', () => {
  it.each([
    [0.9996646498695336, '0.9997'], // σ(8): below 1, and reads so
    [0.00033523767075636815, '3.35 × 10⁻⁴'],
    [0.5, '0.5'],
    [1, '1'],
    [2, '2'],
    [-0.99999, '−0.99999'],
    [1 + 1e-9, '1'], // past six digits a value may read as the whole number next to it
    [12345.6, '12300'], // large values: three digits, as formatNumber
  ] as const)('%d → %s', (x, text) => {
    expect(formatReadout(x)).toBe(text);
  });
});
