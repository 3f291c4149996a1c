import { activations, logistic, resolveParams } from '../math/index.ts';
import type { Activation, ActivationId, Params } from '../math/index.ts';
import { hashSeed, mulberry32, type Random } from '../grading/prng.ts';
import { fillNormal, initSigma, resolveInit, type InitScheme, type InitSpec } from './init.ts';
import { applyUpdate, createOptimizerState, OPTIMIZERS, type OptimizerName, type OptimizerState } from './optimizer.ts';
import { TrainError } from './train-error.ts';

/** A hidden layer's activation: a registry id, or an id with parameters (`{ id: 'leaky-relu', params: { alpha: 0.1 } }`). */
export type LayerActivation = ActivationId | { readonly id: ActivationId; readonly params?: Params };

/**
 * `bce`: binary cross-entropy on a sigmoid output, computed from the logit (stable for any logit);
 * `mse`: mean squared error on a linear output.
 */
export type LossName = 'bce' | 'mse';

export interface NetworkSpec {
  /** Units per layer, input first, output last: `[2, 8, 8, 8, 1]` has three hidden layers of 8. */
  readonly sizes: readonly number[];
  /**
   * One activation per hidden layer (`sizes.length − 2` of them), or one for all. The output layer's
   * function follows from the loss: sigmoid for `bce`, the identity for `mse`.
   */
  readonly activations: LayerActivation | readonly LayerActivation[];
  readonly init: InitScheme | InitSpec;
  /** Same seed, same weights, same minibatches, on every machine. */
  readonly seed: number | string;
  readonly loss: LossName;
}

export interface StepOptions {
  /** η > 0. */
  readonly learningRate: number;
  /** Default `sgd`. Switching optimizer starts its state afresh. */
  readonly optimizer?: OptimizerName;
  /** Examples per update; the network walks a seeded shuffle of the data, epoch after epoch. Default: all. */
  readonly batchSize?: number;
}

export interface UnitStatsOptions {
  /** |g′| below this counts as saturated. Default 0.01. */
  readonly epsilon?: number;
  /** Histogram range of g′; values outside fall into the end bins. Default [−0.25, 1.75]. */
  readonly range?: readonly [number, number];
  /** Number of histogram bins. Default 40. */
  readonly bins?: number;
}

/** What the units of one hidden layer do on a set of inputs. */
export interface LayerStats {
  /** Fraction of units with g′ = 0 on every input: no gradient reaches their incoming weights. */
  readonly dead: number;
  /** Fraction of units with |g′| < ε on more than half of the inputs (dead units included). */
  readonly saturated: number;
  /** Histogram of g′ over every (unit, input) pair: `counts[i]` values in [edges[i], edges[i+1]). */
  readonly histogram: { readonly edges: Float64Array; readonly counts: Uint32Array };
}

/** What `inspect` returns: the three views of one pass. */
export interface Inspection {
  readonly loss: number;
  readonly norms: Float64Array;
  readonly stats: LayerStats[];
}

export interface Network {
  readonly sizes: readonly number[];
  readonly lossName: LossName;
  /** Every weight and bias: layer by layer, the weight matrix row-major (row = output unit), then the biases. */
  readonly params: Float64Array;
  /** Offsets into `params`: layer l's weights start at `weightOffsets[l]`, its biases at `biasOffsets[l]`. */
  readonly weightOffsets: readonly number[];
  readonly biasOffsets: readonly number[];
  /** Mean loss over the examples (inputs row-major, `sizes[0]` per example; targets `sizes.at(-1)` per example). */
  loss(inputs: Float64Array, targets: Float64Array): number;
  /** ∂loss/∂params by backpropagation, in the layout of `params` (a fresh array). */
  gradient(inputs: Float64Array, targets: Float64Array): Float64Array;
  /** ‖∂loss/∂(W_l, b_l)‖₂ for each layer l, input side first. */
  gradientNormsByLayer(inputs: Float64Array, targets: Float64Array): Float64Array;
  /** The network's output per example: probabilities for `bce`, values for `mse`. */
  predict(inputs: Float64Array): Float64Array;
  /** Dead and saturated fractions and a g′ histogram for each hidden layer. */
  unitStats(inputs: Float64Array, options?: UnitStatsOptions): LayerStats[];
  /** `loss`, `gradientNormsByLayer` and `unitStats` on the same examples from one forward and backward pass. */
  inspect(inputs: Float64Array, targets: Float64Array, options?: UnitStatsOptions): Inspection;
  /** One update on the next minibatch; returns that minibatch's loss before the update. */
  step(inputs: Float64Array, targets: Float64Array, options: StepOptions): number;
}

interface ResolvedActivation {
  readonly value: Activation['value'];
  readonly derivative: Activation['derivative'];
  readonly params: Params;
}

function resolveActivation(layer: LayerActivation): ResolvedActivation {
  const id = typeof layer === 'string' ? layer : layer.id;
  const entry = (activations as Record<string, Activation | undefined>)[id];
  if (entry === undefined) throw new TrainError('unknown-activation', `unknown activation "${id}"`);
  try {
    const params = resolveParams(entry, typeof layer === 'string' ? undefined : layer.params);
    return { value: entry.value, derivative: entry.derivative, params };
  } catch (error) {
    throw new TrainError('bad-activation-param', error instanceof Error ? error.message : String(error));
  }
}

function checkSizes(sizes: readonly number[]): void {
  if (sizes.length < 2 || !sizes.every((n) => Number.isInteger(n) && n >= 1)) {
    throw new TrainError('bad-sizes', `sizes must list at least two positive integers, not [${sizes.join(', ')}]`);
  }
}

/** Stable log(1 + eᶻ) − y·z: the cross-entropy of a sigmoid output with logit z against target y. */
function bceFromLogit(z: number, y: number): number {
  return Math.max(z, 0) - y * z + Math.log1p(Math.exp(-Math.abs(z)));
}

/** A fully connected network on Float64Array, trained by backpropagation through the registry's g′. */
export function createNetwork(spec: NetworkSpec): Network {
  const sizes = [...spec.sizes];
  checkSizes(sizes);
  const layers = sizes.length - 1;
  const hidden = layers - 1;
  const list = Array.isArray(spec.activations)
    ? (spec.activations as readonly LayerActivation[])
    : Array.from({ length: hidden }, () => spec.activations as LayerActivation);
  if (list.length !== hidden) {
    throw new TrainError('activation-count', `${hidden} hidden layers need ${hidden} activations, got ${list.length}`);
  }
  const acts = list.map(resolveActivation);
  if (spec.loss !== 'bce' && spec.loss !== 'mse') {
    throw new TrainError('bad-loss', `unknown loss "${String(spec.loss)}"; use bce or mse`);
  }
  const lossName = spec.loss;
  const init = resolveInit(spec.init);

  const weightOffsets: number[] = [];
  const biasOffsets: number[] = [];
  let size = 0;
  for (let l = 0; l < layers; l++) {
    weightOffsets.push(size);
    size += (sizes[l + 1] as number) * (sizes[l] as number);
    biasOffsets.push(size);
    size += sizes[l + 1] as number;
  }
  const params = new Float64Array(size);
  const random: Random = mulberry32(hashSeed(spec.seed));
  for (let l = 0; l < layers; l++) {
    const fanIn = sizes[l] as number;
    const fanOut = sizes[l + 1] as number;
    fillNormal(params, weightOffsets[l] as number, fanIn * fanOut, initSigma(init, fanIn, fanOut), random);
    params.fill(init.bias ?? 0, biasOffsets[l], (biasOffsets[l] as number) + fanOut);
  }
  const inputSize = sizes[0] as number;
  const outputSize = sizes[layers] as number;

  // Work buffers, grown to the largest batch seen: pre-activations z and activations a per layer,
  // and δ = ∂loss/∂z per layer.
  let capacity = 0;
  let zs: Float64Array[] = [];
  let as: Float64Array[] = [];
  let deltas: Float64Array[] = [];
  const grad = new Float64Array(size);
  function ensureCapacity(m: number): void {
    if (m <= capacity) return;
    capacity = m;
    zs = sizes.slice(1).map((n) => new Float64Array(n * m));
    as = sizes.slice(1).map((n) => new Float64Array(n * m));
    deltas = sizes.slice(1).map((n) => new Float64Array(n * m));
  }

  function countOf(inputs: Float64Array): number {
    if (inputs.length % inputSize !== 0) {
      throw new TrainError('shape-mismatch', `inputs hold ${inputs.length} numbers, not a multiple of ${inputSize}`);
    }
    return inputs.length / inputSize;
  }
  function checkTargets(m: number, targets: Float64Array): void {
    if (targets.length !== m * outputSize) {
      throw new TrainError('shape-mismatch', `${m} examples need ${m * outputSize} targets, got ${targets.length}`);
    }
  }

  /** z_l = W_l a_{l−1} + b_l, a_l = g_l(z_l) for the first m examples; the output keeps a = z (the logit). */
  function forward(inputs: Float64Array, m: number): void {
    ensureCapacity(m);
    let prev = inputs;
    for (let l = 0; l < layers; l++) {
      const nIn = sizes[l] as number;
      const nOut = sizes[l + 1] as number;
      const w0 = weightOffsets[l] as number;
      const b0 = biasOffsets[l] as number;
      const z = zs[l] as Float64Array;
      const a = as[l] as Float64Array;
      const act = l < hidden ? acts[l] : undefined;
      for (let i = 0; i < m; i++) {
        const rowIn = i * nIn;
        const rowOut = i * nOut;
        for (let j = 0; j < nOut; j++) {
          let s = params[b0 + j] as number;
          const wRow = w0 + j * nIn;
          for (let k = 0; k < nIn; k++) s += (params[wRow + k] as number) * (prev[rowIn + k] as number);
          z[rowOut + j] = s;
          a[rowOut + j] = act === undefined ? s : act.value(s, act.params);
        }
      }
      prev = a;
    }
  }

  function lossOfForward(targets: Float64Array, m: number): number {
    const out = as[layers - 1] as Float64Array;
    let total = 0;
    const count = m * outputSize;
    for (let i = 0; i < count; i++) {
      const z = out[i] as number;
      const y = targets[i] as number;
      total += lossName === 'bce' ? bceFromLogit(z, y) : (z - y) * (z - y);
    }
    return total / count;
  }

  /** Fill `grad` after `forward`: δ_out = ∂loss/∂z_out, then δ_{l−1} = (W_lᵀ δ_l) ⊙ g′(z_{l−1}). */
  function backward(inputs: Float64Array, targets: Float64Array, m: number): void {
    const count = m * outputSize;
    const out = as[layers - 1] as Float64Array;
    const dOut = deltas[layers - 1] as Float64Array;
    for (let i = 0; i < count; i++) {
      const z = out[i] as number;
      const y = targets[i] as number;
      // bce: ∂/∂z [log(1 + eᶻ) − yz] = σ(z) − y;  mse: ∂/∂z (z − y)² = 2(z − y); both averaged over count.
      dOut[i] = (lossName === 'bce' ? logistic(z) - y : 2 * (z - y)) / count;
    }
    for (let l = layers - 1; l >= 0; l--) {
      const nIn = sizes[l] as number;
      const nOut = sizes[l + 1] as number;
      const w0 = weightOffsets[l] as number;
      const b0 = biasOffsets[l] as number;
      const d = deltas[l] as Float64Array;
      const prev = l === 0 ? inputs : (as[l - 1] as Float64Array);
      grad.fill(0, w0, b0 + nOut);
      for (let i = 0; i < m; i++) {
        const rowIn = i * nIn;
        const rowOut = i * nOut;
        for (let j = 0; j < nOut; j++) {
          const dj = d[rowOut + j] as number;
          if (dj === 0) continue;
          grad[b0 + j] = (grad[b0 + j] as number) + dj;
          const wRow = w0 + j * nIn;
          for (let k = 0; k < nIn; k++) grad[wRow + k] = (grad[wRow + k] as number) + dj * (prev[rowIn + k] as number);
        }
      }
      if (l === 0) break;
      const act = acts[l - 1] as ResolvedActivation;
      const zPrev = zs[l - 1] as Float64Array;
      const dPrev = deltas[l - 1] as Float64Array;
      for (let i = 0; i < m; i++) {
        const rowIn = i * nIn;
        const rowOut = i * nOut;
        for (let k = 0; k < nIn; k++) {
          let s = 0;
          for (let j = 0; j < nOut; j++) s += (params[w0 + j * nIn + k] as number) * (d[rowOut + j] as number);
          dPrev[rowIn + k] = s * act.derivative(zPrev[rowIn + k] as number, act.params);
        }
      }
    }
  }

  function gradientInto(inputs: Float64Array, targets: Float64Array): number {
    const m = countOf(inputs);
    checkTargets(m, targets);
    forward(inputs, m);
    const loss = lossOfForward(targets, m);
    backward(inputs, targets, m);
    return loss;
  }

  /** ‖(∂W_l, ∂b_l)‖₂ per layer, from `grad` as the last backward pass left it. */
  function normsOfGradient(): Float64Array {
    const norms = new Float64Array(layers);
    for (let l = 0; l < layers; l++) {
      let s = 0;
      const end = (biasOffsets[l] as number) + (sizes[l + 1] as number);
      for (let i = weightOffsets[l] as number; i < end; i++) s += (grad[i] as number) ** 2;
      norms[l] = Math.sqrt(s);
    }
    return norms;
  }

  /** Per hidden layer, from the pre-activations the last forward pass left for its m examples. */
  function statsOfForward(m: number, options: UnitStatsOptions): LayerStats[] {
    const epsilon = options.epsilon ?? 0.01;
    const [lo, hi] = options.range ?? [-0.25, 1.75];
    const bins = options.bins ?? 40;
    const edges = Float64Array.from({ length: bins + 1 }, (_, i) => lo + ((hi - lo) * i) / bins);
    const stats: LayerStats[] = [];
    for (let l = 0; l < hidden; l++) {
      const n = sizes[l + 1] as number;
      const z = zs[l] as Float64Array;
      const act = acts[l] as ResolvedActivation;
      const counts = new Uint32Array(bins);
      let dead = 0;
      let saturated = 0;
      for (let j = 0; j < n; j++) {
        let zero = 0;
        let small = 0;
        for (let i = 0; i < m; i++) {
          const d = act.derivative(z[i * n + j] as number, act.params);
          if (d === 0) zero++;
          if (Math.abs(d) < epsilon) small++;
          const bin = Math.min(bins - 1, Math.max(0, Math.floor(((d - lo) / (hi - lo)) * bins)));
          counts[bin] = (counts[bin] as number) + 1;
        }
        if (zero === m) dead++;
        if (small > m / 2) saturated++;
      }
      stats.push({ dead: dead / n, saturated: saturated / n, histogram: { edges, counts } });
    }
    return stats;
  }

  // Minibatches: a seeded shuffle of the example indices, walked in order and reshuffled each epoch.
  const batchRandom: Random = mulberry32(hashSeed(`${String(spec.seed)}/batches`));
  let order = new Uint32Array(0);
  let cursor = 0;
  let batchInputs = new Float64Array(0);
  let batchTargets = new Float64Array(0);
  let optimizer: OptimizerState | undefined;

  function shuffle(): void {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(batchRandom() * (i + 1));
      const t = order[i] as number;
      order[i] = order[j] as number;
      order[j] = t;
    }
    cursor = 0;
  }

  function nextBatch(inputs: Float64Array, targets: Float64Array, m: number, batch: number): void {
    if (order.length !== m) {
      order = Uint32Array.from({ length: m }, (_, i) => i);
      shuffle();
    }
    if (batchInputs.length !== batch * inputSize) {
      batchInputs = new Float64Array(batch * inputSize);
      batchTargets = new Float64Array(batch * outputSize);
    }
    for (let b = 0; b < batch; b++) {
      if (cursor >= m) shuffle();
      const i = order[cursor++] as number;
      batchInputs.set(inputs.subarray(i * inputSize, (i + 1) * inputSize), b * inputSize);
      batchTargets.set(targets.subarray(i * outputSize, (i + 1) * outputSize), b * outputSize);
    }
  }

  return {
    sizes,
    lossName,
    params,
    weightOffsets,
    biasOffsets,
    loss(inputs, targets) {
      const m = countOf(inputs);
      checkTargets(m, targets);
      forward(inputs, m);
      return lossOfForward(targets, m);
    },
    gradient(inputs, targets) {
      gradientInto(inputs, targets);
      return grad.slice();
    },
    gradientNormsByLayer(inputs, targets) {
      gradientInto(inputs, targets);
      return normsOfGradient();
    },
    predict(inputs) {
      const m = countOf(inputs);
      forward(inputs, m);
      const out = (as[layers - 1] as Float64Array).slice(0, m * outputSize);
      if (lossName === 'bce') for (let i = 0; i < out.length; i++) out[i] = logistic(out[i] as number);
      return out;
    },
    unitStats(inputs, options = {}) {
      const m = countOf(inputs);
      forward(inputs, m);
      return statsOfForward(m, options);
    },
    inspect(inputs, targets, options = {}) {
      const loss = gradientInto(inputs, targets);
      return { loss, norms: normsOfGradient(), stats: statsOfForward(countOf(inputs), options) };
    },
    step(inputs, targets, options) {
      const { learningRate } = options;
      const name = options.optimizer ?? 'sgd';
      if (!(learningRate > 0 && Number.isFinite(learningRate))) {
        throw new TrainError('bad-step-options', `the learning rate must be a finite number > 0, not ${learningRate}`);
      }
      if (!OPTIMIZERS.includes(name)) {
        throw new TrainError('bad-step-options', `unknown optimizer "${String(name)}"; use ${OPTIMIZERS.join(', ')}`);
      }
      const m = countOf(inputs);
      checkTargets(m, targets);
      const batch = options.batchSize ?? m;
      if (!(Number.isInteger(batch) && batch >= 1)) {
        throw new TrainError('bad-step-options', `the batch size must be a whole number ≥ 1, not ${batch}`);
      }
      if (optimizer?.name !== name) optimizer = createOptimizerState(name, size);
      let loss: number;
      if (batch >= m) {
        loss = gradientInto(inputs, targets);
      } else {
        nextBatch(inputs, targets, m, batch);
        loss = gradientInto(batchInputs, batchTargets);
      }
      applyUpdate(optimizer, params, grad, learningRate);
      return loss;
    },
  };
}
