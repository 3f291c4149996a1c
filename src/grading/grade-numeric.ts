import { children, evaluate, parse, type Expr } from '../symbolic/index.ts';
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

/** Longest accepted numeric answer (an expression such as `sigmoid(2)*(1 - sigmoid(2))` fits). */
const MAX_LENGTH = 200;
/** A decimal, optionally signed, optionally in scientific notation: `-3`, `0.105`, `.5`, `1.05e-1`, `2E3`. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** The relative error when a tolerance gives none. */
const DEFAULT_RELATIVE = 1e-6;

/** A numeric answer as read: its value and, for a typed decimal, the place value of its last digit. */
export interface ReadAnswer {
  readonly value: number;
  /**
   * For a single decimal (`0.0099`, `1.5e-3`, `240`): the place value of the last digit written
   * (1e-4, 1e-4, 1), i.e. the precision the student claims. Undefined for exact forms (`1/4`, `exp(-3)`).
   */
  readonly lastDigit?: number;
}

/**
 * Reads a numeric answer: a plain decimal or scientific notation (`0.105`, `1.05e-1`, `-3`, with a
 * Unicode minus or a decimal comma), or any expression without z in the answer syntax (`1/4`,
 * `exp(-3)`, `sigmoid(2)*(1 - sigmoid(2))`), evaluated exactly as the grader evaluates keys.
 * Returns undefined when the text is neither, or its value is not a finite number.
 */
export function readAnswer(text: string): ReadAnswer | undefined {
  if (text.length > MAX_LENGTH) return undefined;
  const t = text
    .trim()
    .replace(/\u2212/g, '-')
    .replace(/^([+-]?\d+),(\d+)$/, '$1.$2');
  if (DECIMAL.test(t)) {
    const value = Number(t);
    return Number.isFinite(value) ? { value, lastDigit: lastDigitOf(t) } : undefined;
  }
  const parsed = parse(t);
  if (!parsed.ok || mentionsName(parsed.tree)) return undefined;
  const value = evaluate(parsed.tree, {});
  return Number.isFinite(value) ? { value } : undefined;
}

/** The value of a numeric answer (see {@link readAnswer}), or undefined. */
export function readNumber(text: string): number | undefined {
  return readAnswer(text)?.value;
}

/** Place value of the last digit of a decimal literal: `0.0099` → 1e-4, `12` → 1, `1.50e3` → 10. */
function lastDigitOf(decimal: string): number {
  const [mantissa = '', exponent = '0'] = decimal.toLowerCase().split('e');
  const fraction = mantissa.split('.')[1] ?? '';
  return 10 ** (Number(exponent) - fraction.length);
}

function mentionsName(e: Expr): boolean {
  return e.kind === 'name' || children(e).some(mentionsName);
}

/**
 * What a numeric exercise asks for, in words, shown under its input: "Give 3 significant digits."
 * One place states the precision, so the prompt and the grader can never disagree.
 */
export function describeTolerance(tolerance: NumericTolerance): string {
  const { relative, absolute, significantDigits } = tolerance;
  const parts: string[] = [];
  if (significantDigits !== undefined)
    parts.push(`${significantDigits} significant digit${significantDigits === 1 ? '' : 's'}`);
  if (absolute !== undefined) parts.push(`within ±${formatNumber(absolute, 3)}`);
  const r = relative ?? (significantDigits === undefined && absolute === undefined ? DEFAULT_RELATIVE : undefined);
  if (r !== undefined)
    parts.push(`within a relative error of ${formatNumber(r, 3)} (${digitsFor(r)} significant digits)`);
  return `Give the value to ${parts.join(', or ')}, or exactly (such as 1/4 or exp(-3)).`;
}

/** Significant digits that are always within a relative error r: half a unit in the last place ≤ r. */
function digitsFor(relative: number): number {
  return Math.max(1, Math.ceil(1 - Math.log10(2 * relative)));
}

/**
 * Grades a numeric answer against `spec.value` within `spec.tolerance`:
 * - text that is not a number (or an expression without z) is `invalid` (costs no attempt);
 * - a decimal that is right to every digit it gives, but gives fewer than asked (0.0099 for
 *   tanh′(3) = 0.009866… when 3 digits are asked) is `invalid` too, saying so: it is not wrong;
 * - otherwise `correct` within the tolerance, or `incorrect`, with a hint when the mistake is
 *   recognisable: the sign, a factor of 2, or a power of ten (a slipped decimal point).
 */
export function gradeNumeric(answer: string, spec: NumericSpec): GradeResult {
  const read = readAnswer(answer);
  if (read === undefined) {
    return {
      status: 'invalid',
      feedback: 'Type a number (0.105, -3, 1.05e-1) or an expression without z (1/4, exp(-3)).',
    };
  }
  const x = read.value;
  const v = spec.value;
  if (withinTolerance(x, v, spec.tolerance)) return { status: 'correct', feedback: 'Correct.' };
  if (read.lastDigit !== undefined && roundsTo(x, read.lastDigit, v)) {
    const given = significantDigitsOf(x, read.lastDigit);
    return {
      status: 'invalid',
      feedback: `${answer.trim()} is right to the ${given} significant digit${given === 1 ? '' : 's'} you gave, but more are needed. ${describeTolerance(spec.tolerance)}`,
    };
  }
  const hint = numericHint(x, v, spec.tolerance);
  return {
    status: 'incorrect',
    feedback: hint === undefined ? `${formatNumber(x)} is not right.` : `${formatNumber(x)} is not right: ${hint}`,
  };
}

/**
 * Whether the decimal x, written to the place value `lastDigit`, is v correctly rounded there, with
 * at least one significant digit (so `0` is never "right to its precision" for 0.3), and whether
 * those are v's own significant digits: v rounded to as many significant digits as x gives has x's
 * leading place. So 1 is right to 1 digit for 0.9987 (which rounds up to 1), but not for 0.6: 0.6 to
 * one significant digit is 0.6, and 1 is only 0.6 rounded to the units.
 */
function roundsTo(x: number, lastDigit: number, v: number): boolean {
  if (x === 0 || Math.sign(x) !== Math.sign(v)) return false;
  const leadingPlace = (t: number): number => Math.floor(Math.log10(Math.abs(t)) + 1e-9);
  const leading = 10 ** leadingPlace(x);
  if (lastDigit > leading * (1 + 1e-9) || Math.abs(x - v) > 0.5 * lastDigit * (1 + 1e-9)) return false;
  const rounded = Number(v.toPrecision(Math.min(100, significantDigitsOf(x, lastDigit))));
  return leadingPlace(rounded) === leadingPlace(x);
}

/** Digits from the first nonzero one to the last one written (0.0099 → 2, 0.240 → 3). */
function significantDigitsOf(x: number, lastDigit: number): number {
  if (x === 0) return 1;
  return Math.max(1, Math.floor(Math.log10(Math.abs(x)) + 1e-9) - Math.round(Math.log10(lastDigit)) + 1);
}

/** Whether x is within any of the tolerance's bounds of v. */
export function withinTolerance(x: number, v: number, tolerance: NumericTolerance): boolean {
  const { relative, absolute, significantDigits } = tolerance;
  const d = Math.abs(x - v);
  // Tiny slack for the decimal → binary rounding of both numbers.
  const slack = 4 * Number.EPSILON * Math.max(Math.abs(x), Math.abs(v));
  if (relative === undefined && absolute === undefined && significantDigits === undefined)
    return d <= DEFAULT_RELATIVE * Math.abs(v) + slack;
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
  // Where 0 itself is within the tolerance (a key of 0, or one smaller than an absolute tolerance),
  // any x shrunk far enough is too: a factor hint would be true of every answer, so it says nothing.
  if (withinTolerance(0, v, tolerance)) return undefined;
  if (withinTolerance(x / 2, v, tolerance) || withinTolerance(x * 2, v, tolerance))
    return 'it is off by a factor of 2 — check for a lost factor.';
  for (let k = 1; k <= 6; k++) {
    if (withinTolerance(x / 10 ** k, v, tolerance) || withinTolerance(x * 10 ** k, v, tolerance)) {
      // A power of ten is a slipped decimal point, or a factor of the problem (n = 100 inputs) left out.
      return `it is off by a factor of ${10 ** k} — a slipped decimal point, or a factor of ${10 ** k} lost or added.`;
    }
  }
  return undefined;
}
