import { formatNumber } from '../../src/grading/format-number.ts';

/** Numbers for people have one home (src/grading/format-number.ts): feedback and plots read alike. */
export { formatNumber, superscript } from '../../src/grading/format-number.ts';

/**
 * A readout value: three significant digits, or as many more (up to `maxDigits`) as it takes for the
 * shown number not to land on a whole number the value is not. σ(8) = 0.99966 reads 0.9997, not 1,
 * so a value below 1 is seen to be below 1 (and 1 − 10⁻⁹ reads 1 only when it is past `maxDigits`).
 */
export function formatReadout(x: number, maxDigits = 6): string {
  for (let digits = 3; digits < maxDigits; digits++) {
    const rounded = Number(Math.abs(x).toPrecision(digits));
    // Large values are never mistaken for a bound (0, 1, a slope of 1): three digits do.
    if (!Number.isInteger(rounded) || rounded === Math.abs(x) || rounded >= 100) return formatNumber(x, digits);
  }
  return formatNumber(x, maxDigits);
}

/** A z coordinate: two decimals at most, `0` for anything that rounds to zero. */
export function formatZ(z: number): string {
  const r = Math.round(z * 100) / 100;
  return formatNumber(r === 0 ? 0 : r, 4);
}

/** A fraction as a percentage with at most one decimal, `<0.1%` for small non-zero values. */
export function formatPercent(p: number): string {
  if (p === 0) return '0%';
  if (p < 0.001) return '<0.1%';
  if (p > 0.999 && p < 1) return '>99.9%';
  return `${String(Math.round(p * 1000) / 10)}%`;
}
