/**
 * The tests' one float helper: distance between doubles in units in the last place, relative
 * error, and `expectClose`. Floats are never compared with toBe.
 */
import { expect } from 'vitest';

const f64 = new Float64Array(1);
const i64 = new BigInt64Array(f64.buffer);

/**
 * Map a double to a signed integer so that adjacent doubles map to adjacent integers and order is
 * kept: reinterpret the bits, then fold negative numbers (sign-magnitude) onto the negative axis.
 * +0 and −0 both map to 0.
 */
function ordinal(x: number): bigint {
  f64[0] = x;
  const bits = i64[0] as bigint;
  return bits < 0n ? -(bits & 0x7fffffffffffffffn) : bits;
}

/**
 * Number of doubles strictly between a and b, plus one (0 when equal; +0 and −0 are equal).
 * Infinity when either is NaN (unless both are). Crossing zero counts the subnormals on both sides.
 */
export function ulpDistance(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b) ? 0 : Infinity;
  const d = ordinal(a) - ordinal(b);
  return Number(d < 0n ? -d : d);
}

/** |a − b| / |b|, with 0/0 = 0 and x/0 = Infinity. */
export function relativeError(a: number, b: number): number {
  if (a === b) return 0;
  return Math.abs(a - b) / Math.abs(b);
}

/**
 * Asserts |actual − expected| ≤ rel·max(|expected|, 1e-300), or both NaN, or equal infinities.
 * Floats are never compared with toBe.
 */
export function expectClose(actual: number, expected: number, rel = 1e-12, label = ''): void {
  if (Number.isNaN(expected)) {
    expect(actual, label).toBeNaN();
    return;
  }
  if (!Number.isFinite(expected)) {
    expect(actual === expected, `${label}: ${actual} should be ${expected}`).toBe(true);
    return;
  }
  const scale = Math.max(Math.abs(expected), 1e-300);
  const error = Math.abs(actual - expected) / scale;
  expect(error <= rel, `${label}: ${actual} vs ${expected} (relative error ${error.toExponential(2)} > ${rel})`).toBe(
    true,
  );
}
