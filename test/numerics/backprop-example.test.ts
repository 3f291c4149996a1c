import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseDerivation } from '../../components/derivation/derivation-view.ts';
import {
  centralDifference,
  gradientCheckRows,
  RELU_CHECK_H,
  RELU_CHECK_POINTS,
} from '../../components/numerics/gradient-check.ts';
import { TWO_UNIT, twoUnitPass } from '../../components/numerics/two-unit-example.ts';
import { derivationSchema } from '../../src/content/derivation-schema.ts';
import { evaluate, parse } from '../../src/symbolic/index.ts';
import { checkSteps, loadDerivation } from '../lessons/check-derivation.ts';
import { relativeError } from '../support/float.ts';

/** The loss of the 2-unit network as a plain function of its weights, written apart from twoUnitPass. */
function loss(W: number[][], v: number[]): number {
  const [x1, x2] = TWO_UNIT.x;
  const h = W.map((row) => Math.tanh((row[0] ?? NaN) * x1 + (row[1] ?? NaN) * x2));
  const yHat = (v[0] ?? NaN) * (h[0] ?? NaN) + (v[1] ?? NaN) * (h[1] ?? NaN);
  return 0.5 * (yHat - TWO_UNIT.y) ** 2;
}
const W0 = (): number[][] => TWO_UNIT.W.map((row) => [...row]);
const v0 = (): number[] => [...TWO_UNIT.v];

describe('the worked 2-unit example (BackpropExample)', () => {
  const p = twoUnitPass();

  it.each([
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
  ])('∂L/∂W⁽¹⁾[%i][%i] from δ⁽¹⁾xᵀ equals the central difference of the loss', (i, j) => {
    const at = (t: number): number => {
      const W = W0();
      (W[i] as number[])[j] = t;
      return loss(W, v0());
    };
    const estimate = centralDifference(at, TWO_UNIT.W[i]?.[j] ?? NaN, 1e-5);
    expect(relativeError(p.gradW[i]?.[j] ?? NaN, estimate)).toBeLessThan(1e-8);
  });

  it.each([0, 1])('∂L/∂v[%i] = δ⁽²⁾aᵢ equals the central difference', (i) => {
    const at = (t: number): number => {
      const v = v0();
      v[i] = t;
      return loss(W0(), v);
    };
    expect(relativeError(p.gradV[i] ?? NaN, centralDifference(at, TWO_UNIT.v[i] ?? NaN, 1e-5))).toBeLessThan(1e-8);
  });

  it('the loss and the forward values are the plain computation', () => {
    expect(relativeError(p.loss, loss(W0(), v0()))).toBeLessThan(1e-15);
    expect(relativeError(p.z[0], 0.6)).toBeLessThan(1e-15);
    expect(relativeError(p.a[0], Math.tanh(0.6))).toBeLessThan(1e-15);
  });

  it("the derivation backprop-weight-gradient is the same example, and its last line is the table's ∂L/∂w₁₁", () => {
    const data = derivationSchema.parse(
      parseYaml(readFileSync('content/derivations/backprop-weight-gradient.yaml', 'utf8')),
    );
    expect(data.params).toEqual({
      x_1: TWO_UNIT.x[0],
      x_2: TWO_UNIT.x[1],
      w_12: TWO_UNIT.W[0][1],
      w_21: TWO_UNIT.W[1][0],
      w_22: TWO_UNIT.W[1][1],
      v_1: TWO_UNIT.v[0],
      v_2: TWO_UNIT.v[1],
      y: TWO_UNIT.y,
    });
    const last = parseDerivation('backprop-weight-gradient', data).at(-1);
    const env: Record<string, number> = { ...data.params, w_11: TWO_UNIT.W[0][0] };
    for (const [name, text] of Object.entries(data.define)) {
      const r = parse(text, { symbols: Object.keys(data.params), variable: 'w_11' });
      if (!r.ok) throw new Error(text);
      env[name] = evaluate(r.tree, env);
    }
    if (last === undefined) throw new Error('no steps');
    const shown = evaluate(last.tree, env);
    expect(relativeError(shown, p.gradW[0][0])).toBeLessThan(1e-14);
  });

  it('the exercise backprop-two-unit-weight quotes the table’s δ₁ to four digits (−0.2285)', () => {
    expect(Number(p.delta[0].toPrecision(4))).toBe(-0.2285);
  });
});

describe('the gradient check near the kink (GradientCheck)', () => {
  const rows = gradientCheckRows('relu', RELU_CHECK_H, RELU_CHECK_POINTS);

  it('is exact where no kink lies within h, and (z₀ + h)/2h where one does', () => {
    for (const row of rows) {
      const z = row.z;
      const h = RELU_CHECK_H;
      if (Math.abs(z) < h) {
        expect(row.straddles).toBe(true);
        expect(relativeError(row.estimate, (z + h) / (2 * h))).toBeLessThan(1e-9);
      } else {
        expect(row.straddles).toBe(false);
        // Exact up to the rounding of z ± h (the table shows an error below 10⁻¹² as 0).
        expect(Math.abs(row.estimate - (z > 0 ? 1 : 0))).toBeLessThan(1e-12);
        expect(row.error).toBeLessThan(1e-12);
      }
    }
  });

  it('reports the one-sided slopes 0 and 1 at the kink, and ½ as the estimate there', () => {
    const atKink = rows.find((r) => r.z === 0);
    expect(atKink).toMatchObject({ left: 0, right: 1, estimate: 0.5, error: 0.5 });
    // The row the lesson reads aloud: z₀ = 0.00025 gives 0.625 against the true slope 1.
    expect(relativeError(rows.find((r) => r.z === 2.5e-4)?.estimate ?? NaN, 0.625)).toBeLessThan(1e-9);
  });

  it('on a smooth function, the central difference has error O(h²)', () => {
    const e1 = Math.abs(centralDifference(Math.tanh, 0.6, 1e-2) - (1 - Math.tanh(0.6) ** 2));
    const e2 = Math.abs(centralDifference(Math.tanh, 0.6, 5e-3) - (1 - Math.tanh(0.6) ** 2));
    expect(e1 / e2).toBeGreaterThan(3.9);
    expect(e1 / e2).toBeLessThan(4.1);
  });
});

describe('a changed step of the backprop derivations fails the check', () => {
  // The defined symbols (a₁ = tanh(z₁), ŷ₁ …) depend on the variable: the check must differentiate
  // through them, or a wrong step would pass as 0 = 0.
  it.each([
    ['backprop-weight-gradient', 'times-the-input', '*x_1', '*x_2'],
    ['backprop-weight-gradient', 'through-the-activation', '(1 - tanh(z_1)^2)', '(1 - tanh(z_1))'],
    ['backprop-weight-gradient', 'only-unit-one', '*v_1*', '*v_2*'],
    ['backprop-delta', 'factor-g-prime', 'u_21*(yhat_2', 'u_22*(yhat_2'],
    ['backprop-delta', 'through-the-weights', '*u_21*', '*u_22*'],
    ['backprop-delta', 'activation-derivative', 'u_21*(1 - a_1^2)', 'u_21*(1 - a_1)'],
    ['backprop-delta', 'outer-squares', '(yhat_2 - y_2)*d/dz_1(yhat_2)', '(yhat_2 - y_2)*d/dz_1(yhat_1)'],
  ])('%s › %s: %s → %s', (id, step, from, to) => {
    const d = loadDerivation(`content/derivations/${id}.yaml`);
    expect(checkSteps(d, 'backprop-through-a-layer').failures).toEqual([]);
    const steps = d.data.steps.map((s) => (s.id === step ? { ...s, expression: s.expression.replace(from, to) } : s));
    expect(steps.find((s) => s.id === step)?.expression).toContain(to);
    const { failures } = checkSteps({ ...d, data: { ...d.data, steps } }, 'backprop-through-a-layer');
    expect(failures.length).toBeGreaterThan(0);
    expect(failures[0]).toContain(`› step ${step}`);
  });
});
