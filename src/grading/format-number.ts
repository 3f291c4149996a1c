/**
 * A number for feedback, to 3 significant digits (`0.0452`, `0.105`, `2`, `-1.5`, `1.23e-7`),
 * with trailing zeros dropped; scientific notation below 1e-4 and from 1e6 on.
 */
export function formatNumber(x: number, digits = 3): string {
  if (Number.isNaN(x)) return 'undefined';
  if (x === Number.POSITIVE_INFINITY) return 'infinite';
  if (x === Number.NEGATIVE_INFINITY) return 'minus infinite';
  if (x === 0) return '0';
  const a = Math.abs(x);
  // Number(…) drops trailing zeros: 2.00 → 2; −0 never reaches here.
  if (a >= 1e-4 && a < 1e6) return String(Number(x.toPrecision(digits)));
  const [mantissa = '', exponent = ''] = x.toExponential(digits - 1).split('e');
  return `${String(Number(mantissa))}e${exponent.replace('+', '')}`;
}

/**
 * Two different numbers formatted so they read differently: 3 significant digits, more only when
 * needed (0.197 vs 0.197 becomes 0.1966119 vs 0.1966120), at most 17.
 */
export function formatPair(a: number, b: number): [string, string] {
  for (let digits = 3; digits <= 17; digits++) {
    const fa = formatNumber(a, digits);
    const fb = formatNumber(b, digits);
    if (fa !== fb || a === b) return [fa, fb];
  }
  return [formatNumber(a, 17), formatNumber(b, 17)];
}
