import { describe, expect, it } from 'vitest';
import {
  configQuery,
  DEFAULT_CONFIG,
  networkSpec,
  readConfig,
  TRAIN_POINTS,
} from '../../components/playground/playground-config.ts';

const read = (query: string) => readConfig(new URLSearchParams(query), DEFAULT_CONFIG);

describe('playground configuration in the URL', () => {
  it('an empty query gives the fallback', () => {
    expect(read('')).toEqual(DEFAULT_CONFIG);
  });

  it('one activation means every layer; a list sets each layer', () => {
    expect(read('depth=4&act=tanh').activations).toEqual(['tanh', 'tanh', 'tanh', 'tanh']);
    expect(read('depth=2&act=tanh,relu').activations).toEqual(['tanh', 'relu']);
    // A list shorter than the depth repeats its last entry.
    expect(read('depth=3&act=tanh,relu').activations).toEqual(['tanh', 'relu', 'relu']);
  });

  it('malformed or out-of-range values are ignored or clamped, never thrown', () => {
    const c = read('data=moons&depth=99&width=-3&act=relu,swish&lr=7&batch=33&noise=abc&seed=1e9&init=glorot');
    expect(c.dataset).toBe(DEFAULT_CONFIG.dataset);
    expect(c.depth).toBe(10);
    expect(c.width).toBe(1);
    expect(c.activations).toEqual(Array(10).fill('relu'));
    expect(c.learningRate).toBe(3);
    expect(c.batchSize).toBe(32);
    expect(c.noise).toBe(DEFAULT_CONFIG.noise);
    expect(c.seed).toBe(99_999);
    expect(c.init).toBe(DEFAULT_CONFIG.init);
  });

  it('the comparison reads b.-prefixed keys and starts from the first network', () => {
    const c = read('act=sigmoid&init=xavier&cmp=1&b.act=relu');
    expect(c.compare).toEqual({
      activations: ['relu', 'relu', 'relu'],
      alpha: c.alpha,
      init: 'xavier',
      sigma: c.sigma,
      bias: c.bias,
    });
    expect(read('cmp=0&b.act=relu').compare).toBeNull();
  });

  it('round-trips through configQuery', () => {
    const c = read('data=regression&depth=2&act=tanh,elu&lr=0.03&opt=momentum&batch=200&cmp=1&b.act=relu&b.bias=-1');
    expect(readConfig(new URLSearchParams(configQuery(c)), DEFAULT_CONFIG)).toEqual(c);
    expect(c.batchSize).toBe(TRAIN_POINTS);
  });

  it('the network spec: input size from the dataset, loss from the task, α only for leaky ReLU', () => {
    const c = read('data=regression&depth=2&act=leaky-relu,tanh&alpha=0.2');
    const spec = networkSpec(c);
    expect(spec.sizes).toEqual([1, 8, 8, 1]);
    expect(spec.loss).toBe('mse');
    expect(spec.activations).toEqual([{ id: 'leaky-relu', params: { alpha: 0.2 } }, 'tanh']);
    expect(networkSpec(read('')).loss).toBe('bce');
  });
});
