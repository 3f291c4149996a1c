/**
 * What the playground trains, as plain data: one configuration (dataset, network, optimiser), and
 * optionally a second network to compare on the same data and seed. Read from and written to the
 * URL (`?data=xor&depth=3&act=relu&…`), so a teacher can share exactly what the class sees.
 * Pure TypeScript: used by the page at build time, by the widget, and by the worker.
 */
import { activationIds, type ActivationId } from '../../src/math/index.ts';
import {
  DATASET_NAMES,
  INIT_SCHEMES,
  OPTIMIZERS,
  type DatasetName,
  type InitScheme,
  type LayerActivation,
  type NetworkSpec,
  type OptimizerName,
} from '../../src/train/index.ts';
import { clamp, queryChoice, queryNumber, urlNumber, type QueryReader } from '../plots/specs/query.ts';

/** The parts of a network that the comparison may change; everything else is shared. */
export interface NetworkChoice {
  /** One activation per hidden layer (length = depth). */
  readonly activations: readonly ActivationId[];
  /** Slope α of leaky ReLU for z ≤ 0 (used by leaky-relu layers only). */
  readonly alpha: number;
  readonly init: InitScheme;
  /** σ of the `normal` init. */
  readonly sigma: number;
  /** The value every bias starts at. */
  readonly bias: number;
}

export interface PlaygroundConfig extends NetworkChoice {
  readonly dataset: DatasetName;
  /** Noise of the dataset (σ of the jitter), 0 … NOISE_MAX. */
  readonly noise: number;
  /** Hidden layers, 1 … DEPTH_MAX. */
  readonly depth: number;
  /** Units per hidden layer, 1 … WIDTH_MAX. */
  readonly width: number;
  readonly learningRate: number;
  readonly optimizer: OptimizerName;
  /** Examples per update; TRAIN_POINTS means the whole training set. */
  readonly batchSize: number;
  /** Seeds the data, the weights and the minibatch order. */
  readonly seed: number;
  /** Pause by itself at this step (0: never). Presets use it so everyone sees the same moment. */
  readonly stopAt: number;
  /** A second network trained beside the first on the same data and seed, or `null`. */
  readonly compare: NetworkChoice | null;
}

/** Points per dataset, half for training and half for testing. */
export const POINTS = 400;
export const TRAIN_POINTS = POINTS / 2;
export const NOISE_MAX = 0.5;
export const DEPTH_MAX = 10;
export const WIDTH_MAX = 16;
export const BIAS_LIMIT = 5;
export const SIGMA_MIN = 0.001;
export const SIGMA_MAX = 3;
export const SEED_MAX = 99_999;
export const STOP_MAX = 100_000;
export const LEARNING_RATES = [0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3] as const;
export const BATCH_SIZES = [1, 4, 8, 16, 32, 64, 128, TRAIN_POINTS] as const;

/** The activations offered per layer: every registry entry. */
export const LAYER_ACTIVATIONS: readonly ActivationId[] = activationIds;

export const DEFAULT_CONFIG: PlaygroundConfig = {
  dataset: 'circles',
  noise: 0.05,
  depth: 3,
  width: 8,
  activations: ['relu', 'relu', 'relu'],
  alpha: 0.01,
  init: 'he',
  sigma: 0.1,
  bias: 0,
  learningRate: 0.01,
  optimizer: 'adam',
  batchSize: 32,
  seed: 1,
  stopAt: 0,
  compare: null,
};

/** The listed value nearest to x (on a log scale for rates). */
function nearest<T extends number>(choices: readonly T[], x: number, log = false): T {
  const d = (c: number): number => (log ? Math.abs(Math.log(c) - Math.log(x)) : Math.abs(c - x));
  return choices.reduce((best, c) => (d(c) < d(best) ? c : best), choices[0] as T);
}

/** `activations` stretched or cut to `depth` layers (new layers repeat the last one). */
export function fitLayers(list: readonly ActivationId[], depth: number): ActivationId[] {
  const last = list.at(-1) ?? 'relu';
  return Array.from({ length: depth }, (_, i) => list[i] ?? last);
}

function normalizeChoice(choice: NetworkChoice, depth: number): NetworkChoice {
  return {
    activations: fitLayers(choice.activations, depth),
    alpha: clamp(choice.alpha, 0, 0.99),
    init: choice.init,
    sigma: clamp(choice.sigma, SIGMA_MIN, SIGMA_MAX),
    bias: clamp(choice.bias, -BIAS_LIMIT, BIAS_LIMIT),
  };
}

/** Clamp every number into its range and snap rates and batch sizes to the offered values. */
export function normalizeConfig(config: PlaygroundConfig): PlaygroundConfig {
  const depth = Math.round(clamp(config.depth, 1, DEPTH_MAX));
  return {
    ...normalizeChoice(config, depth),
    dataset: config.dataset,
    noise: clamp(config.noise, 0, NOISE_MAX),
    depth,
    width: Math.round(clamp(config.width, 1, WIDTH_MAX)),
    learningRate: nearest(LEARNING_RATES, config.learningRate, true),
    optimizer: config.optimizer,
    batchSize: nearest(BATCH_SIZES, config.batchSize),
    seed: Math.round(clamp(config.seed, 0, SEED_MAX)),
    stopAt: Math.round(clamp(config.stopAt, 0, STOP_MAX)),
    compare: config.compare === null ? null : normalizeChoice(config.compare, depth),
  };
}

/** A comma-separated list of activation ids, one per layer (repeats allowed); `undefined` if absent or any is unknown. */
function readLayers(read: QueryReader): ActivationId[] | undefined {
  const text = read('act');
  if (text === null || text.trim() === '') return undefined;
  const ids = text.split(',').map((part) => LAYER_ACTIVATIONS.find((id) => id === part.trim()));
  return ids.every((id) => id !== undefined) && ids.length <= DEPTH_MAX ? ids : undefined;
}

function readChoice(read: QueryReader, fallback: NetworkChoice): NetworkChoice {
  return {
    activations: readLayers(read) ?? fallback.activations,
    alpha: queryNumber(read, 'alpha', 0, 0.99) ?? fallback.alpha,
    init: queryChoice(read, 'init', INIT_SCHEMES) ?? fallback.init,
    sigma: queryNumber(read, 'sigma', SIGMA_MIN, SIGMA_MAX) ?? fallback.sigma,
    bias: queryNumber(read, 'bias', -BIAS_LIMIT, BIAS_LIMIT) ?? fallback.bias,
  };
}

/**
 * A configuration from the query: unset or malformed keys keep `fallback`'s values (the preset
 * named by `?preset=`, if the caller looked it up, else the defaults). The comparison network
 * reads the same keys with a `b.` prefix and starts from the first network's choices.
 */
export function readConfig(search: URLSearchParams, fallback: PlaygroundConfig): PlaygroundConfig {
  const read: QueryReader = (key) => search.get(key);
  const readB: QueryReader = (key) => search.get(`b.${key}`);
  const first = readChoice(read, fallback);
  const compareFlag = search.get('cmp');
  const compareOn = compareFlag === null ? fallback.compare !== null : compareFlag === '1';
  const depth = queryNumber(read, 'depth', 1, DEPTH_MAX) ?? fallback.depth;
  // A single activation in the URL means "the same for every layer".
  const stretch = (choice: NetworkChoice): NetworkChoice =>
    choice.activations.length === 1 ? { ...choice, activations: fitLayers(choice.activations, depth) } : choice;
  return normalizeConfig({
    ...stretch(first),
    dataset: queryChoice(read, 'data', DATASET_NAMES) ?? fallback.dataset,
    noise: queryNumber(read, 'noise', 0, NOISE_MAX) ?? fallback.noise,
    depth,
    width: queryNumber(read, 'width', 1, WIDTH_MAX) ?? fallback.width,
    learningRate: queryNumber(read, 'lr', LEARNING_RATES[0], 3) ?? fallback.learningRate,
    optimizer: queryChoice(read, 'opt', OPTIMIZERS) ?? fallback.optimizer,
    batchSize: queryNumber(read, 'batch', 1, TRAIN_POINTS) ?? fallback.batchSize,
    seed: queryNumber(read, 'seed', 0, SEED_MAX) ?? fallback.seed,
    stopAt: queryNumber(read, 'stop', 0, STOP_MAX) ?? fallback.stopAt,
    compare: compareOn ? stretch(readChoice(readB, fallback.compare ?? first)) : null,
  });
}

/** Every activation the same: write it once. */
function activationsQuery(list: readonly ActivationId[]): string {
  return list.every((a) => a === list[0]) ? (list[0] ?? 'relu') : list.join(',');
}

function choiceQuery(choice: NetworkChoice, prefix: string): Record<string, string> {
  return {
    [`${prefix}act`]: activationsQuery(choice.activations),
    [`${prefix}alpha`]: urlNumber(choice.alpha),
    [`${prefix}init`]: choice.init,
    [`${prefix}sigma`]: urlNumber(choice.sigma),
    [`${prefix}bias`]: urlNumber(choice.bias),
  };
}

/** The query entries that `readConfig` reads back to the same configuration. */
export function configQuery(config: PlaygroundConfig): Record<string, string> {
  return {
    data: config.dataset,
    noise: urlNumber(config.noise),
    depth: String(config.depth),
    width: String(config.width),
    ...choiceQuery(config, ''),
    lr: String(config.learningRate),
    opt: config.optimizer,
    batch: String(config.batchSize),
    seed: String(config.seed),
    stop: String(config.stopAt),
    cmp: config.compare === null ? '0' : '1',
    ...(config.compare === null ? {} : choiceQuery(config.compare, 'b.')),
  };
}

/** The engine's spec for the first network (`'a'`) or the comparison (`'b'`). */
export function networkSpec(config: PlaygroundConfig, side: 'a' | 'b' = 'a'): NetworkSpec {
  const choice = side === 'b' && config.compare !== null ? config.compare : config;
  const activations: LayerActivation[] = choice.activations.map((id) =>
    id === 'leaky-relu' ? { id, params: { alpha: choice.alpha } } : id,
  );
  return {
    sizes: [config.dataset === 'regression' ? 1 : 2, ...Array<number>(config.depth).fill(config.width), 1],
    activations,
    init: { scheme: choice.init, sigma: choice.sigma, bias: choice.bias },
    seed: `playground/${config.seed}`,
    loss: config.dataset === 'regression' ? 'mse' : 'bce',
  };
}
