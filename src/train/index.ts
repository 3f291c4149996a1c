/**
 * Small dense networks trained in the browser and at build time: Float64Array parameters,
 * backpropagation through the activation registry's g′, three optimizers, seeded datasets.
 * Pure TypeScript (no DOM, no Astro, no Plot).
 */
export { createNetwork } from './network.ts';
export type {
  Inspection,
  LayerActivation,
  LayerStats,
  LossName,
  Network,
  NetworkSpec,
  StepOptions,
  UnitStatsOptions,
} from './network.ts';
export { INIT_SCHEMES, initSigma } from './init.ts';
export type { InitScheme, InitSpec } from './init.ts';
export { OPTIMIZERS } from './optimizer.ts';
export type { OptimizerName } from './optimizer.ts';
export {
  accuracy,
  circles,
  datasets,
  DATASET_NAMES,
  gaussians,
  regression,
  regressionCurve,
  spiral,
  xor,
} from './datasets.ts';
export type { Dataset, DatasetName, Examples } from './datasets.ts';
export { TrainError } from './train-error.ts';
export type { TrainErrorCode } from './train-error.ts';
