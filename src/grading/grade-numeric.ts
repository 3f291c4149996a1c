import { formatNumber } from './format-number.ts';
import type { GradeResult } from './verdict.ts';

/** How close a numeric answer must be. Any satisfied bound makes it correct. */
export interface NumericTolerance {
  /** |answer − value| ≤ relative·|value|. */
  readonly relative?: number;
  /** |answer − value| ≤ absolute. */
  readonly absolute?: number;
  /** The answer rounds to `value` at this many significant digits (it may give more digits). */
  readonly significantDigits?: number;
}

export interface NumericSpec {
  readonly value: number;
  /** Default (an empty object): relative 1e-6. */
  readonly tolerance: NumericTolerance;
}

/** Longest accepted numeric answer. */
const MAX_LENGTH = 64;
/** A decimal, optionally signed, optionally in scientific notation: `-3`, `0.105`, `.5`, `1.05e-1`, `2E3`. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Reads a numeric answer: a plain decimal or scientific notation (`0.105`, `1.05e-1`, `-3`), or a
 * fraction of two such numbers (`1/4`, `-3/8`). Spaces around, a Unicode minus (−) and a decimal
 * comma (`0,105`) are accepted; nothing else (no expressions: use an expression exercise for those).
 * Returns undefined when the text is not such a number.
 */
export function readNumber(text: string): number | undefined {
  if (text.length > MAX_LENGTH) return undefined;
  const t = text
    .trim()
    .replace(/\u2212/g, '-')
    .replace(/^([+-]?\d+),(\d+)$/, '$1.$2');
  const parts = t.split('/');
  if (parts.length > 2) return undefined;
  const values: number[] = [];
  for (const p of parts) {
    const s = p.trim();
    if (!DECIMAL.test(s)) return undefined;
    values.push(Number(s));
  }
  const [num = Number.NaN, den = 1] = values;
  const v = num / den;
  return Number.isFinite(v) ? v : undefined;
}

/**
 * Grades a numeric answer against `spec.value` within `spec.tolerance`. Text that is not a number
 * is `invalid` (costs no attempt). A wrong number gets a hint when the mistake is recognisable:
 * the sign, a factor of 2, or a power of ten (a slipped decimal point).
 */
export function gradeNumeric(answer: string, spec: NumericSpec): GradeResult {
  const x = readNumber(answer);
  if (x === undefined) {
    return { status: 'invalid', feedback: 'Type a single number, such as 0.105, -3, 1.05e-1 or 1/4.' };
  }
  if (withinTolerance(x, spec.value, spec.tolerance)) return { status: 'correct', feedback: 'Correct.' };
  const v = spec.value;
  const hint = numericHint(x, v, spec.tolerance);
  return {
    status: 'incorrect',
    feedback: hint === undefined ? `${formatNumber(x)} is not right.` : `${formatNumber(x)} is not right: ${hint}`,
  };
}

/** Whether x is within any of the tolerance's bounds of v. */
export function withinTolerance(x: number, v: number, tolerance: NumericTolerance): boolean {
  const { relative, absolute, significantDigits } = tolerance;
  const d = Math.abs(x - v);
  // Tiny slack for the decimal → binary rounding of both numbers.
  const slack = 4 * Number.EPSILON * Math.max(Math.abs(x), Math.abs(v));
  if (relative === undefined && absolute === undefined && significantDigits === undefined)
    return d <= 1e-6 * Math.abs(v) + slack;
  if (relative !== undefined && d <= relative * Math.abs(v) + slack) return true;
  if (absolute !== undefined && d <= absolute + slack) return true;
  if (significantDigits !== undefined && v !== 0) {
    // Half a unit in the last kept digit of v: 0.105 at 3 digits accepts [0.1045, 0.1055].
    const unit = 10 ** (Math.floor(Math.log10(Math.abs(v))) - Math.max(1, Math.floor(significantDigits)) + 1);
    if (d <= 0.5 * unit + slack) return true;
  }
  if (significantDigits !== undefined && v === 0) return x === 0;
  return false;
}

function numericHint(x: number, v: number, tolerance: NumericTolerance): string | undefined {
  if (v !== 0 && withinTolerance(-x, v, tolerance)) return 'check the sign.';
  if (withinTolerance(x / 2, v, tolerance) || withinTolerance(x * 2, v, tolerance))
    return 'it is off by a factor of 2 — check for a lost factor.';
  for (let k = 1; k <= 6; k++) {
    if (withinTolerance(x / 10 ** k, v, tolerance) || withinTolerance(x * 10 ** k, v, tolerance)) {
      return `it is off by a factor of ${10 ** k} — check the decimal point.`;
    }
  }
  return undefined;
}
