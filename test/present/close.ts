import { expect } from 'vitest';

/** |actual − expected| ≤ tolerance · max(1, |expected|): relative for large values, absolute near 0. */
export function expectClose(actual: number, expected: number, tolerance = 1e-12): void {
  const bound = tolerance * Math.max(1, Math.abs(expected));
  expect(Math.abs(actual - expected), `${String(actual)} ≉ ${String(expected)}`).toBeLessThanOrEqual(bound);
}
