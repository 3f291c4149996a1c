import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { activations, gaussianExpectation, type ActivationId } from '../../src/math/index.ts';
import { relativeError } from '../support/float.ts';

/** test/reference/init-moments.json, written by test/reference/init-moments.py (mpmath). */
interface Moments {
  moments: Record<string, { variance: string; g2: string; dg2: string }[]>;
  slopeAtZero: Record<string, string>;
}
const reference = JSON.parse(
  readFileSync(new URL('../reference/init-moments.json', import.meta.url), 'utf8'),
) as Moments;

const cases = Object.entries(reference.moments).flatMap(([id, rows]) =>
  rows.map((row) => ({ id: id as ActivationId, q: Number(row.variance), g2: Number(row.g2), dg2: Number(row.dg2) })),
);

describe('gaussianExpectation against mpmath (test/reference/init-moments.json)', () => {
  it('covers ReLU, leaky ReLU, tanh and the sigmoid at three variances', () => {
    expect(cases.length).toBe(12);
  });

  it.each(cases)('$id at Var(z) = $q: E[g(z)²] and E[g′(z)²] to 1e-10', ({ id, q, g2, dg2 }) => {
    const a = activations[id];
    const kinks = a.kinks.map((k) => k.at);
    expect(
      relativeError(
        gaussianExpectation((z) => a.value(z) ** 2, q, kinks),
        g2,
      ),
    ).toBeLessThan(1e-10);
    expect(
      relativeError(
        gaussianExpectation((z) => a.derivative(z) ** 2, q, kinks),
        dg2,
      ),
    ).toBeLessThan(1e-10);
  });

  it('ReLU halves the second moment and passes half the slope: E[ReLU(z)²] = Var(z)/2, E[ReLU′(z)²] = 1/2', () => {
    for (const { id, q, g2, dg2 } of cases.filter((c) => c.id === 'relu')) {
      expect(id).toBe('relu');
      expect(relativeError(g2, q / 2)).toBeLessThan(1e-15);
      expect(relativeError(dg2, 0.5)).toBeLessThan(1e-15);
    }
  });

  it("the slopes at 0 behind Xavier's assumption: tanh′(0) = 1, σ′(0) = 1/4", () => {
    expect(Number(reference.slopeAtZero['tanh'])).toBe(1);
    expect(Number(reference.slopeAtZero['sigmoid'])).toBe(0.25);
    expect(activations.tanh.derivative(0)).toBe(1);
    expect(activations.sigmoid.derivative(0)).toBe(0.25);
  });

  it('is E[Z²] = variance for f(z) = z², the point mass at variance 0, and NaN for a negative variance', () => {
    for (const q of [0.01, 1, 9, 100])
      expect(
        relativeError(
          gaussianExpectation((z) => z * z, q),
          q,
        ),
      ).toBeLessThan(1e-12);
    expect(gaussianExpectation((z) => z + 3, 0)).toBe(3);
    expect(gaussianExpectation((z) => z, -1)).toBeNaN();
  });

  it('without the split at the kink it would be less accurate (the breakpoints matter)', () => {
    // ReLU′² jumps at 0; the split makes it exact to rounding, while the unsplit rule sees the jump.
    const step = (z: number): number => (z > 0 ? 1 : 0);
    const split = gaussianExpectation(step, 1, [0]);
    expect(relativeError(split, 0.5)).toBeLessThan(1e-13);
    expect(Math.abs(gaussianExpectation(step, 1) - 0.5)).toBeGreaterThan(Math.abs(split - 0.5));
  });
});
