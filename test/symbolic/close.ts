import { expect } from 'vitest';

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
