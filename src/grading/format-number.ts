/**
 * Numbers for people, one convention wherever a student reads one (feedback, readouts, plot
 * axes and captions, the formula sheet): `digits` significant digits, trailing zeros dropped, a
 * true minus sign (−), `9.5 × 10⁻⁷` rather than `9.5e-7` outside [10⁻³, 10⁵), `∞` and `−∞`,
 * `undefined` for NaN. {@link formatNumberTeX} writes the same number inside math.
 */

const SUPERSCRIPT: Readonly<Record<string, string>> = {
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

/** A finite non-zero x rounded to `digits`: its sign, mantissa and, outside [10⁻³, 10⁵), power of ten. */
function decimalParts(x: number, digits: number): { negative: boolean; mantissa: string; exponent?: number } {
  const negative = x < 0;
  const rounded = Number(Math.abs(x).toPrecision(digits));
  // Number(…) drops trailing zeros: 2.00 → 2.
  if (rounded >= 1e-3 && rounded < 1e5) return { negative, mantissa: String(rounded) };
  const [mantissa = '', exponent = '0'] = rounded.toExponential(digits - 1).split('e');
  return { negative, mantissa: String(Number(mantissa)), exponent: Number(exponent) };
}

/** A number for prose, feedback and readouts: `0.0452`, `−1.5`, `9.5 × 10⁻⁷`, `10⁶`, `∞`. */
export function formatNumber(x: number, digits = 3): string {
  if (Number.isNaN(x)) return 'undefined';
  if (x === Number.POSITIVE_INFINITY) return '∞';
  if (x === Number.NEGATIVE_INFINITY) return '−∞';
  if (x === 0) return '0';
  const { negative, mantissa, exponent } = decimalParts(x, digits);
  const sign = negative ? '−' : '';
  if (exponent === undefined) return sign + mantissa;
  const power = `10${superscript(exponent)}`;
  return mantissa === '1' ? sign + power : `${sign}${mantissa} × ${power}`;
}

/** The same number as TeX for inside `$…$`: `-1.5`, `9.5 \times 10^{-7}`, `\infty`. */
export function formatNumberTeX(x: number, digits = 3): string {
  if (Number.isNaN(x)) return '\\text{undefined}';
  if (x === Number.POSITIVE_INFINITY) return '\\infty';
  if (x === Number.NEGATIVE_INFINITY) return '-\\infty';
  if (x === 0) return '0';
  const { negative, mantissa, exponent } = decimalParts(x, digits);
  const sign = negative ? '-' : '';
  if (exponent === undefined) return sign + mantissa;
  const power = `10^{${String(exponent)}}`;
  return mantissa === '1' ? sign + power : `${sign}${mantissa} \\times ${power}`;
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
