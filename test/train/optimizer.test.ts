import { describe, expect, it } from 'vitest';
import { applyUpdate, createOptimizerState } from '../../src/train/optimizer.ts';
import { relativeError } from '../support/float.ts';

describe('optimizers', () => {
  it('sgd: θ − ηg', () => {
    const p = Float64Array.of(1, -2);
    applyUpdate(createOptimizerState('sgd', 2), p, Float64Array.of(0.5, -1), 0.1);
    expect(relativeError(p[0] as number, 0.95)).toBeLessThan(1e-15);
    expect(relativeError(p[1] as number, -1.9)).toBeLessThan(1e-15);
  });

  it('momentum: the second step moves by η(μg₁ + g₂)', () => {
    const state = createOptimizerState('momentum', 1);
    const p = Float64Array.of(0);
    applyUpdate(state, p, Float64Array.of(1), 0.1);
    applyUpdate(state, p, Float64Array.of(2), 0.1);
    expect(relativeError(p[0] as number, -0.1 - 0.1 * (0.9 * 1 + 2))).toBeLessThan(1e-15);
  });

  it('adam: the first step moves every parameter by about η, whatever the gradient scale', () => {
    const state = createOptimizerState('adam', 3);
    const p = Float64Array.of(0, 0, 0);
    applyUpdate(state, p, Float64Array.of(1e-6, 3, -200), 0.01);
    // m̂ = g and v̂ = g², so the step is η·g/(|g| + ε).
    expect(relativeError(p[0] as number, (-0.01 * 1e-6) / (1e-6 + 1e-8))).toBeLessThan(1e-12);
    expect(relativeError(p[1] as number, (-0.01 * 3) / (3 + 1e-8))).toBeLessThan(1e-12);
    expect(relativeError(p[2] as number, (0.01 * 200) / (200 + 1e-8))).toBeLessThan(1e-12);
  });
});
