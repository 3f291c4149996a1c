import { describe, expect, it } from 'vitest';
import { goldenSectionMin } from '../../src/math/golden-section.ts';
import { expectClose } from '../support/float.ts';

describe('goldenSectionMin', () => {
  it.each([
    ['a parabola', (x: number) => (x - 0.3) ** 2, -1, 2, 0.3],
    ['|x − e| (a kink at the minimum)', (x: number) => Math.abs(x - Math.E), 0, 10, Math.E],
    ['cosh, far from the origin', (x: number) => Math.cosh(x - 1234.5), 1000, 2000, 1234.5],
  ])('finds the minimum of %s', (_, f, a, b, expected) => {
    // A smooth minimum is flat: |f(x) − f(x*)| ~ (x − x*)², so x is known to about √ε relative.
    expectClose(goldenSectionMin(f, a, b), expected, 1e-7);
  });

  it('returns an end when f is monotonic on the bracket', () => {
    expect(goldenSectionMin((x) => x, 2, 5)).toBe(2);
    expect(goldenSectionMin((x) => -x, 2, 5)).toBe(5);
  });

  it('reads NaN as +∞, so a hole in the domain is never the answer', () => {
    const f = (x: number): number => (x < 1 ? Number.NaN : (x - 1.5) ** 2);
    expectClose(goldenSectionMin(f, 0, 3), 1.5, 1e-7);
  });

  it('finds a maximum as the minimum of −f', () => {
    expectClose(
      goldenSectionMin((x) => -Math.exp(-((x + 2) ** 2)), -5, 5),
      -2,
      1e-7,
    );
  });
});
