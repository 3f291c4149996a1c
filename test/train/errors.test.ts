import { describe, expect, it } from 'vitest';
import { createNetwork, type NetworkSpec } from '../../src/train/index.ts';

const ok: NetworkSpec = { sizes: [2, 3, 1], activations: 'relu', init: 'he', seed: 1, loss: 'bce' };

describe('bad input is refused with a stable code', () => {
  it.each([
    ['bad-sizes', { ...ok, sizes: [2] }],
    ['bad-sizes', { ...ok, sizes: [2, 0, 1] }],
    ['activation-count', { ...ok, activations: ['relu', 'relu'] }],
    ['unknown-activation', { ...ok, activations: 'swish' }],
    ['bad-activation-param', { ...ok, activations: { id: 'leaky-relu', params: { alpha: 2 } } }],
    ['bad-init', { ...ok, init: { scheme: 'normal' } }],
    ['bad-init', { ...ok, init: 'glorot' }],
    ['bad-loss', { ...ok, loss: 'hinge' }],
  ])('%s', (code, spec) => {
    expect(() => createNetwork(spec as NetworkSpec)).toThrow(expect.objectContaining({ code }) as Error);
  });

  it('shape mismatches and bad step options', () => {
    const net = createNetwork(ok);
    const x = new Float64Array(6);
    expect(() => net.loss(new Float64Array(5), new Float64Array(3))).toThrow(
      expect.objectContaining({ code: 'shape-mismatch' }) as Error,
    );
    expect(() => net.loss(x, new Float64Array(2))).toThrow(
      expect.objectContaining({ code: 'shape-mismatch' }) as Error,
    );
    const y = new Float64Array(3);
    for (const options of [
      { learningRate: 0 },
      { learningRate: 0.1, batchSize: 0.5 },
      { learningRate: 0.1, optimizer: 'rmsprop' },
    ]) {
      expect(() => net.step(x, y, options as never)).toThrow(
        expect.objectContaining({ code: 'bad-step-options' }) as Error,
      );
    }
    const before = Array.from(net.params);
    expect(() => net.step(x, y, { learningRate: Number.NaN })).toThrow();
    expect(Array.from(net.params)).toEqual(before);
  });
});
