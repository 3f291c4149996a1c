import { describe, expect, it } from 'vitest';
import {
  activationProperties,
  bind,
  nearestActivation,
  numericAgreement,
  numericDerivative,
  saturationZones,
} from '../../components/lab/properties.ts';
import { differentiate, locateKinks } from '../../src/symbolic/index.ts';
import { expectClose } from '../support/float.ts';

function propertiesOf(f: string, params: Record<string, number> = {}) {
  const r = differentiate(f);
  if (!r.ok) throw new Error(`${f}: ${r.error.message}`);
  const g = bind(r.input, params);
  const dg = bind(r.derivativeTree, params);
  return { props: activationProperties(g, dg, locateKinks(r.kinks, { params })), g, dg };
}

describe('activationProperties', () => {
  it.each([
    ['sigmoid(z)', true, true, 'increasing', false],
    ['tanh(z)', true, true, 'increasing', true],
    ['softsign(z)', true, true, 'increasing', true],
    ['relu(z)', true, false, 'increasing', false],
    // Zero-centred as the registry means it: odd (tanh, softsign). SiLU has g(0) = 0 but is not.
    ['z*sigmoid(z)', true, false, 'no', false],
    ['leaky_relu(z)', false, false, 'increasing', false],
    // A pole: no bound can be claimed (the tails alone would say "bounded").
    ['1/z', false, false, 'no', false],
    ['z', false, false, 'increasing', true],
    ['log(1 + exp(z))', true, false, 'increasing', false],
    ['-tanh(z)', true, true, 'decreasing', true],
    ['z^2', true, false, 'no', false],
  ] as const)(
    '%s: bounded below %s, above %s, monotonic %s, zero-centred %s',
    (f, below, above, monotonic, centred) => {
      const { props } = propertiesOf(f);
      expect(props.boundedBelow).toBe(below);
      expect(props.boundedAbove).toBe(above);
      expect(props.monotonic).toBe(monotonic);
      expect(props.zeroCentred).toBe(centred);
    },
  );

  it('finds the range of SiLU: its minimum −0.27846… (mpmath: z = −1.27846…)', () => {
    const { props } = propertiesOf('z*sigmoid(z)');
    // The grid step is 0.05, so the sampled minimum is within 1e-3 of the true one.
    expect(Math.abs(props.range[0] - -0.2784645427610738)).toBeLessThan(1e-3);
    expect(props.range[1]).toBe(Number.POSITIVE_INFINITY);
  });

  it('finds max |g′| and where: 1/4 at 0 for σ, 1 at 0 for tanh', () => {
    const s = propertiesOf('sigmoid(z)').props.maxSlope;
    expectClose(s.value, 0.25, 1e-12);
    expect(s.at).toBe(0);
    expectClose(propertiesOf('tanh(z)').props.maxSlope.value, 1, 1e-12);
  });

  it('names and measures kinks: leaky slope on the left, 1 on the right', () => {
    const { props } = propertiesOf('max(0.1*z, z)');
    expect(props.kinks.length).toBe(1);
    const [k] = props.kinks;
    expect(k?.kind).toBe('kink');
    expect(k?.z).toBe(0);
    expectClose(k?.left ?? 0, 0.1, 1e-6);
    expectClose(k?.right ?? 0, 1, 1e-6);
  });

  it('tells a jump from a kink and drops branch points where both branches meet smoothly', () => {
    expect(propertiesOf('heaviside(z)').props.kinks.map((k) => k.kind)).toEqual(['jump']);
    expect(propertiesOf('z > 0 ? z^2 : -z^2').props.kinks).toEqual([]);
  });

  it('gives the nearest library activation, at distance 0 for a library function typed out', () => {
    const near = nearestActivation(propertiesOf('1/(1 + exp(-z))').g);
    expect(near.id).toBe('sigmoid');
    expect(near.rms).toBeLessThan(1e-12);
    expect(propertiesOf('relu(z) + 0.1*tanh(z)').props.nearest.id).toBe('leaky-relu');
  });
});

describe('saturationZones', () => {
  it('finds where |σ′| < 0.01: |z| ≥ 4.6 (σ′(4.6) = 0.0098)', () => {
    const { dg } = propertiesOf('sigmoid(z)');
    const zones = saturationZones(dg, 0.01);
    expect(zones.length).toBe(2);
    expect(zones[0]?.[0]).toBe(-10);
    expectClose(zones[0]?.[1] ?? 0, -4.6, 1e-9);
    expectClose(zones[1]?.[0] ?? 0, 4.6, 1e-9);
  });
});

describe('numericAgreement', () => {
  it('agrees for a correct derivative and catches a wrong one', () => {
    const { g, dg } = propertiesOf('z*tanh(z)');
    expect(numericAgreement(g, dg, []).agree).toBe(true);
    const wrong = (z: number) => dg(z) * (1 + 1e-4);
    const verdict = numericAgreement(g, wrong, []);
    expect(verdict.agree).toBe(false);
    expect(verdict.disagreeing).toBeGreaterThan(0);
  });

  it('numericDerivative is accurate to ~1e-10 for smooth functions', () => {
    expectClose(numericDerivative(Math.exp, 1.3), Math.exp(1.3), 1e-10);
    expectClose(numericDerivative(Math.tanh, -0.7), 1 - Math.tanh(-0.7) ** 2, 1e-10);
  });
});
