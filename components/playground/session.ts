/**
 * One training run of a playground configuration: the dataset, the network(s), and the numbers the
 * views draw. Pure TypeScript, so the worker, the build-time snapshots and the tests run the very
 * same steps: a given configuration and step count always give the same numbers.
 */
import { accuracy, createNetwork, datasets, type Dataset, type Network } from '../../src/train/index.ts';
import { networkSpec, POINTS, type PlaygroundConfig } from './playground-config.ts';

/** Decision-boundary grid: GRID × GRID cells over [−EXTENT, EXTENT]²; curve samples over the same x range. */
export const GRID = 30;
export const EXTENT = 1.5;
/** g′ histogram: bins over [HIST_LO, HIST_HI]. */
export const HIST_LO = -0.25;
export const HIST_HI = 1.75;
export const HIST_BINS = 20;
/** |g′| below this counts as saturated. */
export const SATURATION_EPSILON = 0.01;

/** What one network looks like at one step. */
export interface Metrics {
  readonly step: number;
  readonly trainLoss: number;
  readonly testLoss: number;
  /** Test accuracy for classification, NaN for regression. */
  readonly testAccuracy: number;
  /** ‖∂loss/∂(W_l, b_l)‖₂ on the training set, per layer (hidden layers, then the output layer). */
  readonly norms: number[];
  /** Per hidden layer. */
  readonly dead: number[];
  readonly saturated: number[];
  /** Per hidden layer: counts of g′ in HIST_BINS bins over [HIST_LO, HIST_HI]. */
  readonly histograms: number[][];
}

export interface Run {
  readonly dataset: Dataset;
  readonly network: Network;
  step: number;
}

export function datasetOf(config: PlaygroundConfig): Dataset {
  return datasets[config.dataset](POINTS, config.noise, config.seed);
}

/** A fresh network for side `a` (or the comparison `b`) on `dataset`. */
export function createRun(config: PlaygroundConfig, side: 'a' | 'b', dataset = datasetOf(config)): Run {
  return { dataset, network: createNetwork(networkSpec(config, side)), step: 0 };
}

/** `count` optimiser steps; returns the last minibatch loss. */
export function advance(run: Run, config: PlaygroundConfig, count: number): number {
  const { inputs, targets } = run.dataset.train;
  const options = { learningRate: config.learningRate, optimizer: config.optimizer, batchSize: config.batchSize };
  let loss = NaN;
  for (let i = 0; i < count; i++) {
    loss = run.network.step(inputs, targets, options);
    run.step++;
  }
  return loss;
}

export function metricsOf(run: Run): Metrics {
  const { network, dataset } = run;
  const { train, test } = dataset;
  // One forward and backward pass over the training set gives its loss, the norms and the unit stats.
  const seen = network.inspect(train.inputs, train.targets, {
    epsilon: SATURATION_EPSILON,
    range: [HIST_LO, HIST_HI],
    bins: HIST_BINS,
  });
  return {
    step: run.step,
    trainLoss: seen.loss,
    testLoss: network.loss(test.inputs, test.targets),
    testAccuracy: dataset.task === 'classification' ? accuracy(network.predict(test.inputs), test.targets) : Number.NaN,
    norms: Array.from(seen.norms),
    dead: seen.stats.map((s) => s.dead),
    saturated: seen.stats.map((s) => s.saturated),
    histograms: seen.stats.map((s) => Array.from(s.histogram.counts)),
  };
}

/** The grid the boundary view shades: P(label 1) per cell, row by row from the top (y = +EXTENT). */
export function gridInputs(): Float64Array {
  const out = new Float64Array(GRID * GRID * 2);
  for (let r = 0; r < GRID; r++) {
    for (let c = 0; c < GRID; c++) {
      const i = r * GRID + c;
      out[2 * i] = -EXTENT + ((c + 0.5) * 2 * EXTENT) / GRID;
      out[2 * i + 1] = EXTENT - ((r + 0.5) * 2 * EXTENT) / GRID;
    }
  }
  return out;
}

/** x samples for the fitted curve. */
export function curveInputs(): Float64Array {
  return Float64Array.from({ length: GRID * 2 + 1 }, (_, i) => -EXTENT + (i * EXTENT) / GRID);
}
