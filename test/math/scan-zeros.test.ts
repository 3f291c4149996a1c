import { describe, expect, it } from 'vitest';
import { findKinks } from '../../src/grading/find-kinks.ts';
import { mergeZeros, scanZeros } from '../../src/math/scan-zeros.ts';
import { differentiate, locateKinks } from '../../src/symbolic/index.ts';
import type { Expr } from '../../src/symbolic/index.ts';
import { expectClose } from '../support/float.ts';

describe('the one zero scanner', () => {
  it('finds a linear zero directly, far out', () => {
    expect(scanZeros((z) => 2 * z - 5e4)).toEqual([2.5e4]);
    expect(scanZeros(() => 3)).toEqual([]);
  });

  it('bisects sign changes to float64 and prefers the round number in the last bracket', () => {
    expect(scanZeros((z) => z * z * z - 27)).toEqual([3]);
    const [a, b] = scanZeros((z) => z * z - 2);
    expectClose(a ?? 0, -Math.SQRT2, 1e-15);
    expectClose(b ?? 0, Math.SQRT2, 1e-15);
  });

  it('reports the two ends of a run of exact zeros, not every point of it', () => {
    expect(scanZeros((z) => Math.max(0, Math.abs(z) - 1) ** 2 * Math.sign(z))).toEqual([-1, 1]);
  });

  it('finds a double root only when asked for dips', () => {
    const f = (z: number): number => (z - 1.3) * (z - 1.3);
    expect(scanZeros(f)).toEqual([]);
    const [dip] = scanZeros(f, { dips: true });
    expectClose(dip ?? 0, 1.3, 1e-7);
  });

  it('leaves a non-linear function alone when the budget says no scan', () => {
    expect(scanZeros((z) => z * z - 2, { scan: false })).toEqual([]);
  });

  it('merges near-duplicates and −0', () => {
    expect(Object.is(mergeZeros([-0, 1, 1 + 1e-12, 3])[0], 0)).toBe(true);
    expect(mergeZeros([3, 1, 1 + 1e-12])).toEqual([1, 3]);
  });
});

describe("the grader's kink search and the derivation's kink locator agree", () => {
  const scope = { variable: 'z', params: new Map<string, number>(), define: new Map<string, Expr>() };
  it.each(['abs(z^2 - 2)', 'relu(z^3 - z)', 'max(exp(z), 5)', 'abs(z - 1) + relu6(2*z)', 'sign(sinh(z) - 3)'])(
    '%s',
    (text) => {
      const d = differentiate(text);
      if (!d.ok) throw new Error(text);
      const located = locateKinks(d.kinks).map((k) => k.z);
      const found = findKinks([d.input], scope, [], { features: false });
      expect(located.length).toBeGreaterThan(0);
      expect(found).toEqual(located);
    },
  );
});
