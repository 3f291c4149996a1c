import { describe, expect, it } from 'vitest';
import {
  activations,
  normalCdf,
  lowGradientIntervals,
  maxAbsDerivative,
  sampleCurve,
  sampleGrid,
  type ActivationId,
} from '../../src/math/index.ts';
import { referenceMaxDerivative } from './reference.ts';
import { ulpDistance } from '../support/float.ts';

describe('sampleGrid', () => {
  it('is uniform, includes both ends exactly, and inserts kinks sorted without duplicates', () => {
    const z = sampleGrid(-1, 1, 5, [0.1, 0, 0.1, 7, -1]);
    expect([...z]).toEqual([-1, -0.5, 0, 0.1, 0.5, 1]);
  });

  it.each([
    [0, 0, 10],
    [1, 0, 10],
    [0, Infinity, 10],
    [0, 1, 1],
    [0, 1, 2.5],
  ])('rejects from = %d, to = %d, n = %d', (from, to, n) => {
    expect(() => sampleGrid(from, to, n)).toThrow(RangeError);
  });
});

describe('sampleCurve', () => {
  it.each(['relu6', 'hard-swish', 'gelu'] as ActivationId[])('%s: typed arrays on the grid plus kinks', (id) => {
    const a = activations[id];
    const { z, g, dg } = sampleCurve(a, { from: -10, to: 10, n: 101 });
    expect(z).toBeInstanceOf(Float64Array);
    expect(z.length).toBe(101 + a.kinks.filter((k) => !Number.isInteger(k.at * 5)).length);
    for (const k of a.kinks) expect([...z]).toContain(k.at);
    for (let i = 0; i < z.length; i++) {
      if (i > 0) expect(z[i]).toBeGreaterThan(z[i - 1] as number);
      expect(g[i]).toBe(a.value(z[i] as number));
      expect(dg[i]).toBe(a.derivative(z[i] as number));
    }
  });

  it('applies and validates parameters', () => {
    const curve = sampleCurve(activations['leaky-relu'], { from: -2, to: 2, n: 5, params: { alpha: 0.2 } });
    expect([...curve.g]).toEqual([-0.4, -0.2, 0, 1, 2]);
    expect(() => sampleCurve(activations['leaky-relu'], { from: -2, to: 2, n: 5, params: { alpha: 1.5 } })).toThrow(
      RangeError,
    );
  });
});

/** σ'(z) = ε at z = ±log(s/(1 − s)), s = (1 + √(1 − 4ε))/2. */
function sigmoidSaturation(epsilon: number): number {
  const s = (1 + Math.sqrt(1 - 4 * epsilon)) / 2;
  return Math.log(s / (1 - s));
}

describe('lowGradientIntervals', () => {
  it('ReLU is dead on z ≤ 0 (its kink convention ReLU′(0) = 0 included)', () => {
    expect(lowGradientIntervals(activations.relu, { from: -5, to: 5, epsilon: 1e-3 })).toEqual([[-5, 0]]);
  });

  it('ReLU6 is dead on both sides', () => {
    expect(lowGradientIntervals(activations.relu6, { from: -5, to: 10, epsilon: 0.5 })).toEqual([
      [-5, 0],
      [6, 10],
    ]);
  });

  it.each([1e-2, 1e-3, 1e-6])('sigmoid saturates where σ′ < %d, boundaries to 1e-9', (epsilon) => {
    const edge = sigmoidSaturation(epsilon);
    const got = lowGradientIntervals(activations.sigmoid, { from: -40, to: 40, epsilon });
    expect(got).toHaveLength(2);
    const [[a, b], [c, d]] = got as [[number, number], [number, number]];
    expect([a, d]).toEqual([-40, 40]);
    expect(Math.abs(b + edge)).toBeLessThan(1e-9);
    expect(Math.abs(c - edge)).toBeLessThan(1e-9);
  });

  it('finds a dip narrower than the grid spacing (hard-swish′ = 0 at z = −1.5)', () => {
    // |(2z + 3)/6| < 1e-4 on (−1.5003, −1.4997): 6e-4 wide, against a grid spacing of 1e-2.
    const got = lowGradientIntervals(activations['hard-swish'], { from: -10, to: 10, epsilon: 1e-4, n: 2001 });
    expect(got).toHaveLength(2);
    const [dead, dip] = got as [[number, number], [number, number]];
    expect(dead[0]).toBe(-10);
    expect(Math.abs(dead[1] - -3)).toBeLessThan(1e-12);
    expect(Math.abs(dip[0] - -1.5003)).toBeLessThan(1e-12);
    expect(Math.abs(dip[1] - -1.4997)).toBeLessThan(1e-12);
  });

  it('returns nothing where the gradient never gets small', () => {
    expect(lowGradientIntervals(activations.softsign, { from: -1, to: 1, epsilon: 0.1 })).toEqual([]);
  });
});

describe('maxAbsDerivative', () => {
  it.each(Object.entries(referenceMaxDerivative))('%s: matches the mpmath maximum of g′', (id, want) => {
    const got = maxAbsDerivative(activations[id as ActivationId], { from: -10, to: 10 });
    expect(ulpDistance(got.value, want?.value ?? NaN)).toBeLessThanOrEqual(4);
    // Near a maximum g′ is flat, so z is determined only to about √ε.
    expect(Math.abs(got.z - (want?.z ?? NaN))).toBeLessThan(1e-6);
  });

  it.each([
    ['hard-swish', 3, 1.5],
    ['relu6', 0.5, 1],
    ['selu', 0, 1.0507009873554805 * 1.6732632423543772],
  ] as const)('%s: the kink convention counts (value %d at z = %d)', (id, z, value) => {
    const got = maxAbsDerivative(activations[id], { from: -10, to: 10, n: 21 });
    expect(ulpDistance(got.value, value)).toBeLessThanOrEqual(1);
    if (id !== 'relu6') expect(got.z).toBe(z);
  });

  it('follows parameters: SiLU with β = 2 peaks at half the z of β = 1, with the same value', () => {
    const one = maxAbsDerivative(activations.silu, { from: -10, to: 10 });
    const two = maxAbsDerivative(activations.silu, { from: -10, to: 10, params: { beta: 2 } });
    // g'(z; β) = s(βz) with s the β = 1 slope, so the peak value is the same and its location halves.
    expect(ulpDistance(two.value, one.value)).toBeLessThanOrEqual(4);
    expect(Math.abs(two.z - one.z / 2)).toBeLessThan(1e-6);
  });
});

describe('normalCdf at the ends of the real line', () => {
  it('is exactly 0 at −∞ and 1 at +∞ (no Infinity·0 from the rounding correction)', () => {
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(-1e308)).toBe(0);
  });
});
