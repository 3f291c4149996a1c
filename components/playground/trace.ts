/**
 * A whole run recorded for a chart: losses every few steps, gradient norms at the start and the end,
 * final metrics. Built at build time for the preset snapshots and in the tests for the claims.
 */
import type { PlaygroundConfig } from './playground-config.ts';
import { advance, createRun, datasetOf, metricsOf, type Metrics } from './session.ts';

export interface LossPoint {
  readonly step: number;
  readonly train: number;
  readonly test: number;
}

export interface Trace {
  readonly losses: LossPoint[];
  readonly start: Metrics;
  readonly end: Metrics;
}

/** Train `config` (side a, or the comparison b) for `steps`, recording the losses `points` times. */
export function traceRun(config: PlaygroundConfig, side: 'a' | 'b', steps: number, points = 60): Trace {
  const run = createRun(config, side, datasetOf(config));
  const start = metricsOf(run);
  const losses: LossPoint[] = [{ step: 0, train: start.trainLoss, test: start.testLoss }];
  const every = Math.max(1, Math.round(steps / points));
  while (run.step < steps) {
    advance(run, config, Math.min(every, steps - run.step));
    const { train, test } = run.dataset;
    losses.push({
      step: run.step,
      train: run.network.loss(train.inputs, train.targets),
      test: run.network.loss(test.inputs, test.targets),
    });
  }
  return { losses, start, end: metricsOf(run) };
}
