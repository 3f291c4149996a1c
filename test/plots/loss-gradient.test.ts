import Decimal from 'decimal.js';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { renderSvg } from '../../components/plots/render-svg.ts';
import { CURVE_POINTS } from '../../components/plots/specs/activation-plot-spec.ts';
import {
  describeLossGradient,
  lossGradientData,
  lossGradientSpec,
} from '../../components/plots/specs/loss-gradient-spec.ts';
import type { LossGradientState } from '../../components/plots/specs/loss-gradient-spec.ts';
import { crossEntropyGradient, softmax, squaredErrorGradient } from '../../src/math/index.ts';
import { expectClose } from '../support/float.ts';

const D = Decimal.clone({ precision: 50 });
/** σ(z) in 50 digits. */
const sigma = (z: number): Decimal => new D(1).div(new D(1).plus(new D(-z).exp()));

describe('the two gradients of a sigmoid output unit, against 50-digit arithmetic', () => {
  it.each([-10, -3, -0.5, 0, 0.7, 4, 10, 30])('at z = %d, for y = 0, 1 and 0.3', (z) => {
    for (const y of [0, 1, 0.3]) {
      const s = sigma(z);
      const ce = s.minus(y);
      const se = s.minus(y).times(2).times(s).times(new D(1).minus(s));
      expectClose(crossEntropyGradient(z, y), ce.toNumber(), 1e-14, `σ(${z}) − ${y}`);
      expectClose(squaredErrorGradient(z, y), se.toNumber(), 1e-13, `2(σ − ${y})σ′ at ${z}`);
    }
  });

  it('at z = −10, y = 1: about −1 with cross-entropy, about −9.1·10⁻⁵ with squared error', () => {
    const s = sigma(-10);
    const ce = s.minus(1);
    const se = s.minus(1).times(2).times(s).times(new D(1).minus(s));
    // The lesson's numbers, rounded as the prose shows them.
    expect(ce.toSignificantDigits(5).toNumber()).toBe(-0.99995);
    expect(se.toSignificantDigits(2).toNumber()).toBe(-0.000091);
    // About eleven thousand times smaller.
    expect(ce.div(se).toDecimalPlaces(0).toNumber()).toBe(11014);
  });

  it('the squared-error gradient for y = 1 is never larger in size than 8/27, reached at z = −ln 2', () => {
    expectClose(squaredErrorGradient(-Math.log(2), 1), -8 / 27, 1e-14);
    for (let z = -12; z <= 12; z += 0.01)
      expect(Math.abs(squaredErrorGradient(z, 1))).toBeLessThanOrEqual(8 / 27 + 1e-15);
  });
});

describe('softmax', () => {
  it('sums to 1, does not overflow, and two logits (z, 0) give the sigmoid', () => {
    const s = softmax([1000, 999, -5]);
    expectClose(
      s.reduce((a, b) => a + b, 0),
      1,
      1e-15,
    );
    expectClose(s[0] ?? NaN, 1 / (1 + Math.exp(-1) + Math.exp(-1005)), 1e-15);
    expectClose(softmax([2.5, 0])[0] ?? NaN, 1 / (1 + Math.exp(-2.5)), 1e-15);
  });
});

describe('the loss-gradient plot', () => {
  const state: LossGradientState = { target: 1, z: -10, range: 12 };

  it('renders the same SVG every time (snapshot)', async () => {
    const svg = renderSvg(lossGradientSpec(state));
    expect(renderSvg(lossGradientSpec(state))).toBe(svg);
    await expect(svg.replace(/></g, '>\n<')).toMatchFileSnapshot('__snapshots__/loss-gradient.svg');
  });

  it('draws both curves with every point, and marks the point on each', () => {
    const { document } = parseHTML(`<!doctype html><html><body>${renderSvg(lossGradientSpec(state))}</body></html>`);
    const lines = [...document.querySelectorAll('g[aria-label="line"] path')];
    expect(lines).toHaveLength(2);
    for (const l of lines) expect((l.getAttribute('d') ?? '').split('L')).toHaveLength(CURVE_POINTS);
    expect(document.querySelectorAll('g[aria-label="dot"] circle')).toHaveLength(2);
  });

  it('plots the gradients from the math core', () => {
    const data = lossGradientData(state);
    data.z.forEach((z, i) => {
      expect(data.crossEntropy[i]).toBe(crossEntropyGradient(z, 1));
      expect(data.squaredError[i]).toBe(squaredErrorGradient(z, 1));
    });
  });

  it('says in words what it shows, with the numbers of the point', () => {
    const text = describeLossGradient(state);
    expect(text).toContain('At z = −10, cross-entropy gives −0.99995 and squared error −9.08 × 10⁻⁵.');
    expect(text).toContain('largest in size at z = −0.69, where it is −0.296');
    expect(describeLossGradient({ target: 0, z: 10, range: 12 })).toContain(
      'At z = 10, cross-entropy gives 0.99995 and squared error 9.08 × 10⁻⁵.',
    );
  });
});
