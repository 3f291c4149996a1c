import { describe, expect, it } from 'vitest';
import { ulpDistance } from '../support/float.ts';
import { accuracy, circles, createNetwork, xor, type Dataset, type NetworkSpec } from '../../src/train/index.ts';

function train(spec: Omit<NetworkSpec, 'loss'>, data: Dataset, steps: number, learningRate = 0.01) {
  const net = createNetwork({ ...spec, loss: 'bce' });
  for (let s = 0; s < steps; s++) {
    net.step(data.train.inputs, data.train.targets, { learningRate, optimizer: 'adam', batchSize: 32 });
  }
  return net;
}

describe('what activations and inits do to training', () => {
  it('a 10-layer sigmoid network with Xavier init: first-layer gradient orders of magnitude below the last', () => {
    const data = circles(256, 0.05, 1);
    const net = createNetwork({
      sizes: [2, ...Array<number>(10).fill(16), 1],
      activations: 'sigmoid',
      init: 'xavier',
      seed: 3,
      loss: 'bce',
    });
    const norms = net.gradientNormsByLayer(data.train.inputs, data.train.targets);
    expect(norms.length).toBe(11);
    const first = norms[0] as number;
    const last = norms[10] as number;
    expect(first).toBeGreaterThan(0);
    // σ′ ≤ ¼, so each sigmoid layer shrinks the backward signal by about ¼·‖W‖ ≈ ¼ under Xavier.
    expect(first / last).toBeLessThan(1e-3);
  });

  it('a tanh network of the same depth keeps its gradients within two orders of magnitude', () => {
    const data = circles(256, 0.05, 1);
    const net = createNetwork({
      sizes: [2, ...Array<number>(10).fill(16), 1],
      activations: 'tanh',
      init: 'xavier',
      seed: 3,
      loss: 'bce',
    });
    const norms = net.gradientNormsByLayer(data.train.inputs, data.train.targets);
    expect((norms[0] as number) / (norms[10] as number)).toBeGreaterThan(1e-2);
  });

  it('ReLU with a large negative bias init ends with dead units and learns nothing', () => {
    const data = circles(400, 0.05, 1);
    const net = train(
      { sizes: [2, 8, 8, 8, 1], activations: 'relu', init: { scheme: 'he', bias: -2 }, seed: 7 },
      data,
      300,
    );
    const stats = net.unitStats(data.train.inputs);
    expect(stats.length).toBe(3);
    for (const layer of stats) expect(layer.dead).toBeGreaterThanOrEqual(0.5);
    expect(accuracy(net.predict(data.test.inputs), data.test.targets)).toBeLessThan(0.7);
  });

  it('leaky ReLU with the same bad bias has no dead units and learns', () => {
    const data = circles(400, 0.05, 1);
    const net = train(
      {
        sizes: [2, 8, 8, 8, 1],
        activations: { id: 'leaky-relu', params: { alpha: 0.1 } },
        init: { scheme: 'he', bias: -2 },
        seed: 7,
      },
      data,
      500,
    );
    for (const layer of net.unitStats(data.train.inputs)) expect(layer.dead).toBe(0);
    expect(accuracy(net.predict(data.test.inputs), data.test.targets)).toBeGreaterThan(0.9);
  });

  it.each([
    { name: 'xor', data: xor(400, 0.05, 2) },
    { name: 'circles', data: circles(400, 0.05, 2) },
  ])('ReLU + He learns $name', ({ data }) => {
    const net = train({ sizes: [2, 8, 8, 1], activations: 'relu', init: 'he', seed: 5 }, data, 400);
    expect(accuracy(net.predict(data.test.inputs), data.test.targets)).toBeGreaterThan(0.93);
    expect(net.loss(data.test.inputs, data.test.targets)).toBeLessThan(0.2);
  });

  it('unitStats histograms count every (unit, input) pair once', () => {
    const data = circles(100, 0.1, 4);
    const net = createNetwork({
      sizes: [2, 5, 3, 1],
      activations: ['selu', 'gelu'],
      init: 'lecun',
      seed: 1,
      loss: 'bce',
    });
    const stats = net.unitStats(data.train.inputs, { bins: 10 });
    expect(stats.map((s) => s.histogram.counts.reduce((a, b) => a + b, 0))).toEqual([5 * 50, 3 * 50]);
    expect(stats[0]?.histogram.edges.length).toBe(11);
  });

  it('is deterministic by seed, and different seeds differ', () => {
    const make = (seed: number) =>
      createNetwork({ sizes: [2, 4, 1], activations: 'tanh', init: 'xavier', seed, loss: 'bce' });
    expect(Array.from(make(1).params)).toEqual(Array.from(make(1).params));
    expect(Array.from(make(1).params)).not.toEqual(Array.from(make(2).params));
    const data = xor(64, 0, 1);
    const a = make(1);
    const b = make(1);
    const run = (net: ReturnType<typeof make>) =>
      Array.from({ length: 20 }, () =>
        net.step(data.train.inputs, data.train.targets, { learningRate: 0.1, batchSize: 8, optimizer: 'momentum' }),
      );
    expect(run(a)).toEqual(run(b));
  });

  it('init schemes draw weights with the stated σ', () => {
    const n = 200;
    const check = (init: NetworkSpec['init'], sigma: number) => {
      const net = createNetwork({ sizes: [n, n, 1], activations: 'relu', init, seed: 11, loss: 'mse' });
      const w = net.params.subarray(0, n * n);
      const sd = Math.sqrt(w.reduce((s, x) => s + x * x, 0) / w.length);
      expect(Math.abs(sd - sigma) / sigma).toBeLessThan(0.02);
    };
    check('xavier', Math.sqrt(2 / (2 * n)));
    check('he', Math.sqrt(2 / n));
    check('lecun', Math.sqrt(1 / n));
    check({ scheme: 'normal', sigma: 0.3 }, 0.3);
  });
});

describe('inspect', () => {
  it('gives the same loss, norms and unit stats as the three separate calls', () => {
    const data = circles(120, 0.1, 9);
    const net = createNetwork({
      sizes: [2, 6, 5, 1],
      activations: ['relu', 'tanh'],
      init: { scheme: 'he', bias: -0.3 },
      seed: 2,
      loss: 'bce',
    });
    const { inputs, targets } = data.train;
    const seen = net.inspect(inputs, targets, { bins: 12 });
    // The same arithmetic in the same order: equal to the last bit.
    expect(ulpDistance(seen.loss, net.loss(inputs, targets))).toBe(0);
    expect(Array.from(seen.norms)).toEqual(Array.from(net.gradientNormsByLayer(inputs, targets)));
    expect(seen.stats).toEqual(net.unitStats(inputs, { bins: 12 }));
  });
});
