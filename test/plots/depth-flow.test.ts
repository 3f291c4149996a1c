import { describe, expect, it } from 'vitest';
import { activations } from '../../src/math/index.ts';
import { standardNormals } from '../../components/plots/random.ts';
import {
  depthFlowData,
  describeDepthFlow,
  DEPTH_PATHS,
  DEPTH_SEED,
  LAYERS_MAX,
  type DepthFlowState,
} from '../../components/plots/specs/depth-flow-spec.ts';
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
