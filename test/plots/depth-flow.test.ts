import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { activations } from '../../src/math/index.ts';
import { standardNormals } from '../../components/plots/random.ts';
import {
  depthFlowData,
  depthFlowSpec,
  depthFlowStateQuery,
  describeDepthFlow,
  initFlowData,
  normalizeDepthFlowState,
  readDepthFlowState,
  DEPTH_PATHS,
  DEPTH_SEED,
  INIT_WIDTH,
  LAYERS_MAX,
  type DepthFlowInit,
  type DepthFlowState,
} from '../../components/plots/specs/depth-flow-spec.ts';
import { queryReader } from '../../components/plots/specs/query.ts';
import { relativeError } from '../support/float.ts';

const sigmoidAtZero: DepthFlowState = { activation: 'sigmoid', weight: 1, mean: 0, spread: 0, layers: 10 };

describe('depthFlowData', () => {
  it("gives sigmoid's 0.25 per layer: ≈ 10⁻⁶ after 10 layers", () => {
    const data = depthFlowData(sigmoidAtZero);
    expect(relativeError(data.peak, 0.25)).toBeLessThan(1e-12);
    for (let n = 1; n <= 10; n++) {
      expect(relativeError(data.median[n - 1] ?? NaN, 0.25 ** n)).toBeLessThan(1e-12);
      expect(relativeError(data.best[n - 1] ?? NaN, 0.25 ** n)).toBeLessThan(1e-12);
    }
    expect(relativeError(data.median[9] ?? NaN, 9.5367431640625e-7)).toBeLessThan(1e-12);
    expect(describeDepthFlow(sigmoidAtZero, data)).toContain('at most 0.25¹⁰ = 9.54 × 10⁻⁷');
  });

  it('multiplies g′(zᵢ)·w along each seeded path', () => {
    const state: DepthFlowState = { activation: 'tanh', weight: 1.5, mean: 0.5, spread: 1.2, layers: 7 };
    const data = depthFlowData(state);
    const normals = standardNormals(DEPTH_SEED, DEPTH_PATHS * LAYERS_MAX);
    for (const p of [0, 5, DEPTH_PATHS - 1]) {
      let expected = 1;
      for (let n = 0; n < state.layers; n++) {
        expected *= Math.abs(activations.tanh.derivative(0.5 + 1.2 * (normals[p * LAYERS_MAX + n] ?? NaN)) * 1.5);
        expect(relativeError(data.paths[p]?.[n] ?? NaN, expected)).toBeLessThan(1e-12);
      }
    }
  });

  it('is deterministic (seeded) and counts the paths a dead ReLU unit zeroes', () => {
    const state: DepthFlowState = { activation: 'relu', weight: 2, mean: 0.5, spread: 1, layers: 5 };
    const a = depthFlowData(state);
    expect(depthFlowData(state)).toEqual(a);
    // A path is zero exactly when one of its zᵢ = 0.5 + εᵢ is ≤ 0 (ReLU′(0) = 0 by convention).
    const normals = standardNormals(DEPTH_SEED, DEPTH_PATHS * LAYERS_MAX);
    let dead = 0;
    for (let p = 0; p < DEPTH_PATHS; p++) {
      const zs = Array.from({ length: 5 }, (_, n) => 0.5 + (normals[p * LAYERS_MAX + n] ?? NaN));
      if (zs.some((z) => z <= 0)) dead++;
    }
    expect(dead).toBeGreaterThan(0);
    expect(a.zeroPaths).toBe(dead);
    expect(describeDepthFlow(state, a)).toContain(`${dead} of ${DEPTH_PATHS} paths are exactly 0`);
  });

  it('explodes when max|g′|·w > 1 and every unit is at the steepest point', () => {
    const data = depthFlowData({ activation: 'tanh', weight: 2, mean: 0, spread: 0, layers: 20 });
    expect(relativeError(data.median[19] ?? NaN, 2 ** 20)).toBeLessThan(1e-12);
    expect(describeDepthFlow({ activation: 'tanh', weight: 2, mean: 0, spread: 0, layers: 20 }, data)).toContain(
      'explodes',
    );
  });
});

describe('standardNormals', () => {
  it('has mean ≈ 0 and variance ≈ 1 (20 000 draws, 5σ bounds)', () => {
    const x = standardNormals(7, 20_000);
    const mean = x.reduce((s, v) => s + v, 0) / x.length;
    const variance = x.reduce((s, v) => s + (v - mean) ** 2, 0) / (x.length - 1);
    expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(x.length));
    expect(Math.abs(variance - 1)).toBeLessThan(5 * Math.sqrt(2 / x.length));
  });
  it('depends only on the seed', () => {
    expect(standardNormals(3, 9)).toEqual(standardNormals(3, 9));
    expect(standardNormals(3, 9)).not.toEqual(standardNormals(4, 9));
  });
});

describe('the initialisation choice (variance recursion)', () => {
  const at = (activation: DepthFlowState['activation'], init: DepthFlowInit, layers = 20): DepthFlowState =>
    normalizeDepthFlowState({ activation, init, weight: 1, mean: 0, spread: 0, layers });

  it('He with ReLU holds the signal and the gradient at 1 in every layer (2 · ½ = 1)', () => {
    const data = initFlowData(at('relu', 'he', 50));
    expect(data.gain).toBe(2);
    for (let n = 0; n < 50; n++) {
      expect(relativeError(data.signal[n] ?? NaN, 1)).toBeLessThan(1e-9);
      expect(relativeError(data.gradient[n] ?? NaN, 1)).toBeLessThan(1e-9);
    }
    expect(describeDepthFlow(at('relu', 'he', 50))).toContain('it holds within a factor 100 of 1');
  });

  it('Xavier with ReLU halves the variance per layer: RMS 2^(−n/2), vanishing by 20 layers', () => {
    const data = initFlowData(at('relu', 'xavier'));
    for (let n = 1; n <= 20; n++) {
      expect(relativeError(data.signal[n - 1] ?? NaN, 2 ** (-n / 2))).toBeLessThan(1e-9);
      expect(relativeError(data.gradient[n - 1] ?? NaN, 2 ** (-n / 2))).toBeLessThan(1e-9);
    }
    const text = describeDepthFlow(at('relu', 'xavier'));
    expect(text).toContain('Xavier, Var(w) = 1/n with n = 100 inputs per unit, so n·Var(w) = 1');
    expect(text).toContain('it vanishes');
  });

  it('a standard normal (Var(w) = 1, n = 100) explodes a ReLU network by √50 per layer', () => {
    const data = initFlowData(at('relu', 'standard', 10));
    expect(data.gain).toBe(INIT_WIDTH);
    expect(relativeError(data.signal[9] ?? NaN, Math.sqrt(50) ** 10)).toBeLessThan(1e-9);
    expect(describeDepthFlow(at('relu', 'standard', 10))).toContain('it explodes');
  });

  it('the recursion is Var(z⁽ˡ⁺¹⁾) = n·Var(w)·E[g(z)²], checked layer by layer for tanh under Xavier', () => {
    const data = initFlowData(at('tanh', 'xavier', 5));
    let q = 1;
    let gradient = 1;
    for (let l = 0; l < 5; l++) {
      // An independent Monte-Carlo-free check: a plain midpoint sum on a fine grid.
      const h = 1e-3;
      let g2 = 0;
      let dg2 = 0;
      for (let t = -12 + h / 2; t < 12; t += h) {
        const z = Math.sqrt(q) * t;
        const w = (Math.exp((-t * t) / 2) / Math.sqrt(2 * Math.PI)) * h;
        g2 += Math.tanh(z) ** 2 * w;
        dg2 += (1 - Math.tanh(z) ** 2) ** 2 * w;
      }
      gradient *= Math.sqrt(dg2);
      q = g2;
      expect(relativeError(data.variance[l + 1] ?? NaN, q)).toBeLessThan(1e-6);
      expect(relativeError(data.gradient[l] ?? NaN, gradient)).toBeLessThan(1e-6);
    }
    // tanh′(0) = 1: as the variance shrinks, each layer's factor tends to 1 and the gradient holds.
    const deep = initFlowData(at('tanh', 'xavier', 50));
    expect(deep.gradient[49]).toBeGreaterThan(0.1);
    expect((deep.gradient[49] ?? NaN) / (deep.gradient[48] ?? NaN)).toBeGreaterThan(0.98);
  });

  it('the sigmoid vanishes under Xavier: its slope is at most ¼', () => {
    const data = initFlowData(at('sigmoid', 'xavier', 10));
    expect(data.gradient[9]).toBeLessThan(0.25 ** 10);
  });

  it('reads and writes the choice in the URL, falling back to fixed for an unknown scheme', () => {
    const fallback = at('relu', 'he');
    const read = (search: string): DepthFlowState =>
      readDepthFlowState(queryReader(new URLSearchParams(search), 'depth'), fallback);
    expect(read('?depth.init=xavier').init).toBe('xavier');
    expect(read('?depth.init=bogus').init).toBe('he');
    expect(depthFlowStateQuery(at('tanh', 'standard'))).toMatchObject({ fn: 'tanh', init: 'standard' });
    expect(normalizeDepthFlowState({ activation: 'relu', weight: 1, mean: 0, spread: 0, layers: 3 }).init).toBe(
      'fixed',
    );
  });

  it('draws the signal and the gradient, clipped to the axis, and leaves the fixed view unchanged', () => {
    const spec = depthFlowSpec(at('relu', 'standard', 50));
    expect(spec.marks?.length).toBe(3);
    const fixed = { activation: 'sigmoid', weight: 1, mean: 0, spread: 0, layers: 10 } as const;
    expect(describeDepthFlow(fixed)).toBe(describeDepthFlow({ ...fixed, init: 'fixed' }));
  });
});

describe('the variance recursion against a sampled network (seeded)', () => {
  /**
   * A real network: width 200, weights N(0, gain/n), zero biases, a batch of 100 inputs with
   * z⁽¹⁾ ~ N(0, 1); forward through 6 layers, then δ ~ N(0, 1) at the top, backward with
   * δ⁽ˡ⁾ = (W⁽ˡ⁺¹⁾)ᵀδ⁽ˡ⁺¹⁾ ⊙ g′(z⁽ˡ⁾). Empirical variances per layer against initFlowData.
   * One draw of the weights drifts from the expectation (for ReLU by up to about 25% over 6 layers
   * at this width), so the bound is 30%: far below the factor 2 between Xavier and He for ReLU.
   */
  function sampled(activation: 'relu' | 'tanh', init: 'he' | 'xavier', layers: number) {
    const n = 200;
    const batch = 100;
    const g = activations[activation];
    const gain = init === 'he' ? 2 : 1;
    const normals = standardNormals(7, n * n * layers + n * batch * 2);
    let k = 0;
    const W = Array.from({ length: layers }, () =>
      Float64Array.from({ length: n * n }, () => (normals[k++] ?? NaN) * Math.sqrt(gain / n)),
    );
    const zs: Float64Array[] = [Float64Array.from({ length: n * batch }, () => normals[k++] ?? NaN)];
    for (let l = 0; l < layers; l++) {
      const z = zs[l] as Float64Array;
      const next = new Float64Array(n * batch);
      const w = W[l] as Float64Array;
      for (let b = 0; b < batch; b++)
        for (let i = 0; i < n; i++) {
          let s = 0;
          for (let j = 0; j < n; j++) s += (w[i * n + j] ?? NaN) * g.value(z[b * n + j] ?? NaN);
          next[b * n + i] = s;
        }
      zs.push(next);
    }
    const variance = (x: Float64Array): number => x.reduce((s, v) => s + v * v, 0) / x.length;
    // Backward from the top: δ at layer `layers` ~ N(0, 1), through W and g′ of each layer below.
    let delta = Float64Array.from({ length: n * batch }, () => normals[k++] ?? NaN);
    const deltaVar: number[] = [variance(delta)];
    for (let l = layers - 1; l >= 1; l--) {
      const w = W[l] as Float64Array;
      const z = zs[l] as Float64Array;
      const back = new Float64Array(n * batch);
      for (let b = 0; b < batch; b++)
        for (let j = 0; j < n; j++) {
          let s = 0;
          for (let i = 0; i < n; i++) s += (w[i * n + j] ?? NaN) * (delta[b * n + i] ?? NaN);
          back[b * n + j] = s * g.derivative(z[b * n + j] ?? NaN);
        }
      delta = back;
      deltaVar.push(variance(delta));
    }
    return { zVar: zs.map(variance), deltaVar };
  }

  it.each([
    ['relu', 'he'],
    ['relu', 'xavier'],
    ['tanh', 'xavier'],
  ] as const)('%s with %s: Var(z⁽ˡ⁾) and the gradient variance follow the recursion to 30%%', (activation, init) => {
    const layers = 6;
    const theory = initFlowData(normalizeDepthFlowState({ activation, init, weight: 1, mean: 0, spread: 0, layers }));
    const { zVar, deltaVar } = sampled(activation, init, layers);
    for (let l = 1; l <= layers; l++)
      expect(relativeError(zVar[l] ?? NaN, theory.variance[l] ?? NaN), `Var(z) at layer ${l + 1}`).toBeLessThan(0.3);
    // The backward recursion's factor per layer, n·Var(w)·E[g′(z⁽ˡ⁾)²], from the top layer down to layer 2.
    let expected = 1;
    for (let l = layers - 1; l >= 1; l--) {
      const step = (theory.gradient[l] ?? NaN) / (theory.gradient[l - 1] ?? NaN);
      expected *= step * step;
      expect(relativeError(deltaVar[layers - l] ?? NaN, expected), `gradient variance at layer ${l + 1}`).toBeLessThan(
        0.3,
      );
    }
  });
});

describe('initFlowData against mpmath (test/reference/init-moments.json, "depth")', () => {
  interface DepthRow {
    activation: 'relu' | 'tanh' | 'sigmoid';
    gain: number;
    layers: number[];
    signal: string[];
    gradient: string[];
  }
  const { depth } = JSON.parse(readFileSync(new URL('../reference/init-moments.json', import.meta.url), 'utf8')) as {
    depth: DepthRow[];
  };
  // To 2e-7, not the moments' 1e-10: under the standard normal a tanh layer's Var(z) is about 92, and
  // gaussianExpectation of the narrow tanh′(z)² under so wide a Gaussian is off by about 1.4e-8, so the gradient
  // drifts by 7e-9 a layer (measured: 2.0e-8 after 5 layers, 1.35e-7 after 20); the plot needs 3 digits.
  const initOf = (gain: number): DepthFlowInit => (gain === 1 ? 'xavier' : gain === 2 ? 'he' : 'standard');

  it('covers ReLU with all three schemes, tanh with Xavier and the standard normal, the sigmoid with Xavier', () => {
    expect(depth.map((r) => `${r.activation}/${initOf(r.gain)}`)).toEqual([
      'relu/xavier',
      'relu/he',
      'relu/standard',
      'tanh/xavier',
      'tanh/standard',
      'sigmoid/xavier',
    ]);
    expect(INIT_WIDTH).toBe(100);
  });

  it.each(depth.map((r) => [r.activation, initOf(r.gain), r] as const))(
    '%s with %s: the signal and the gradient after 5, 10 and 20 layers to 2e-7',
    (activation, init, row) => {
      const data = initFlowData(
        normalizeDepthFlowState({ activation, init, weight: 1, mean: 0, spread: 0, layers: 20 }),
      );
      row.layers.forEach((layers, k) => {
        expect(relativeError(data.signal[layers - 1] ?? NaN, Number(row.signal[k])), `signal, ${layers}`).toBeLessThan(
          2e-7,
        );
        expect(
          relativeError(data.gradient[layers - 1] ?? NaN, Number(row.gradient[k])),
          `gradient, ${layers}`,
        ).toBeLessThan(2e-7);
      });
    },
  );
});
