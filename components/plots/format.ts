const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/** `-12` → `⁻¹²`. */
export function superscript(n: number): string {
  return Array.from(String(n), (c) => SUPERSCRIPT[c] ?? c).join('');
}

/**
 * A number for prose and readouts: `digits` significant digits, trailing zeros dropped, a true minus
 * sign, and `9.5 × 10⁻⁷` instead of `9.5e-7` outside [10⁻³, 10⁵).
 */
export function formatNumber(x: number, digits = 3): string {
  if (Number.isNaN(x)) return 'undefined';
  if (x === Infinity) return '∞';
  if (x === -Infinity) return '−∞';
  if (x === 0) return '0';
  const sign = x < 0 ? '−' : '';
  const a = Math.abs(x);
  const rounded = Number(a.toPrecision(digits));
  if (rounded >= 1e-3 && rounded < 1e5) return sign + String(rounded);
  const [mantissa = '', exponent = '0'] = rounded.toExponential(digits - 1).split('e');
  const m = String(Number(mantissa));
  const e = superscript(Number(exponent));
  return m === '1' ? `${sign}10${e}` : `${sign}${m} × 10${e}`;
}

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
