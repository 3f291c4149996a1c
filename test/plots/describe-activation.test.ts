import { describe, expect, it } from 'vitest';
import { activations, type ActivationId } from '../../src/math/index.ts';
import { describeActivation, describePeak, describeZones } from '../../components/plots/specs/describe-activation.ts';

const window8 = { from: -8, to: 8, params: {} };

/** The numbers after "for |z| > ", "for z < " and "for z > " in a description (true minus signs read back). */
function number(text: string): number {
  return Number(text.replace('−', '-'));
}

describe('describeActivation', () => {
  it('states the issue example for sigmoid: peak 0.25 at 0, below 0.01 for |z| > 4.6', () => {
    const text = describeActivation({ activation: 'sigmoid', params: {}, z: 2, epsilon: 0.01, range: 8 });
    expect(text).toContain('g′ peaks at 0.25 at z = 0 and is below 0.01 for |z| > 4.6');
  });

  it('says where a piecewise derivative jumps, with the convention the plot uses', () => {
    const text = describeActivation({ activation: 'relu', params: {}, z: 1, epsilon: 0.01, range: 4 });
    expect(text).toContain('g′ is largest, 1, for z > 0 and is below 0.01 for z < 0');
    expect(text).toContain('At z = 0, g′ jumps from 0 to 1 (the plot uses g′(0) = 0');
  });

  it('follows the parameters (leaky slope above ε: no dead zone)', () => {
    expect(
      describeActivation({ activation: 'leaky-relu', params: { alpha: 0.1 }, z: 1, epsilon: 0.01, range: 8 }),
    ).toContain(
      'Leaky ReLU (α = 0.1) and its derivative for z from −8 to 8. g′ is largest, 1, for z > 0 and never drops below 0.01 here.',
    );
    expect(
      describeActivation({ activation: 'leaky-relu', params: { alpha: 0.005 }, z: 1, epsilon: 0.01, range: 8 }),
    ).toContain('is below 0.01 for z < 0');
  });
});

describe('describeZones agrees with the math', () => {
  // For each symmetric saturating activation, the printed threshold t must sit where |g′| crosses ε:
  // above ε a little inside t, below ε a little outside (the text rounds t to 2 significant digits).
  it.each([
    ['sigmoid', 0.01],
    ['sigmoid', 0.001],
    ['tanh', 0.01],
    ['tanh', 0.1],
    ['softsign', 0.05],
  ] as [ActivationId, number][])('%s with ε = %s', (id, epsilon) => {
    const a = activations[id];
    const text = describeZones(a, window8, epsilon);
    const match = /^for \|z\| > (\S+)$/.exec(text ?? '');
    expect(match, text).not.toBeNull();
    const t = number(match?.[1] ?? 'NaN');
    const slack = 0.051 * t;
    expect(a.derivative(t - slack)).toBeGreaterThan(epsilon);
    expect(a.derivative(t + slack)).toBeLessThan(epsilon);
    expect(a.derivative(-t + slack)).toBeGreaterThan(epsilon);
    expect(a.derivative(-t - slack)).toBeLessThan(epsilon);
  });

  it.each([
    ['elu', 0.01, 'z <'],
    ['softplus', 0.01, 'z <'],
    ['selu', 0.01, 'z <'],
  ] as [ActivationId, number, string][])('one-sided zone for %s with ε = %s', (id, epsilon, side) => {
    const a = activations[id];
    const text = describeZones(a, window8, epsilon) ?? '';
    expect(text.startsWith(`for ${side} `)).toBe(true);
    const t = number(text.slice(`for ${side} `.length));
    const slack = 0.051 * Math.abs(t);
    expect(Math.abs(a.derivative(t + slack))).toBeGreaterThan(epsilon);
    expect(Math.abs(a.derivative(t - slack))).toBeLessThan(epsilon);
  });

  it('finds the narrow dip of a non-monotonic derivative and keeps its two ends apart', () => {
    const text = describeZones(activations['hard-swish'], window8, 0.01) ?? '';
    expect(text).toMatch(/^for z < −3 and −1\.5\d < z < −1\.4\d$/);
  });

  it('returns undefined when |g′| never drops below ε', () => {
    expect(describeZones(activations['leaky-relu'], window8, 0.01)).toBeUndefined();
  });
});

describe('describePeak', () => {
  it.each([
    ['sigmoid', 'peaks at 0.25 at z = 0'],
    ['tanh', 'peaks at 1 at z = 0'],
    ['hard-sigmoid', 'is largest, 0.167, for −3 < z < 3'],
    ['relu6', 'is largest, 1, for 0 < z < 6'],
    ['softplus', 'is largest at the edge of the plot, 1 at z = 8'],
  ] as [ActivationId, string][])('%s: %s', (id, text) => {
    expect(describePeak(activations[id], window8)).toBe(text);
  });

  it('puts the peak where the derivative is largest', () => {
    const text = describePeak(activations.silu, window8);
    const match = /^peaks at (\S+) at z = (\S+)$/.exec(text);
    const z = number(match?.[2] ?? 'NaN');
    for (const dz of [-0.05, 0.05])
      expect(activations.silu.derivative(z + dz)).toBeLessThan(activations.silu.derivative(z));
  });
});
