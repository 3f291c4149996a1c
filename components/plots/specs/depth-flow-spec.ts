import {
  activationIds,
  activations,
  gaussianExpectation,
  maxAbsDerivative,
  type ActivationId,
} from '../../../src/math/index.ts';
import { formatNumber, superscript } from '../format.ts';
import { DG_DASH, DG_STROKE, G_STROKE, MUTED } from '../palette.ts';
import { line, ruleY, type PlotOptions } from '../plot-marks.ts';
import { standardNormals } from '../random.ts';
import { clamp, queryChoice, queryNumber, urlNumber, type QueryReader } from './query.ts';
import { plotFrame, xAxis } from './plot-frame.ts';

/**
 * How the weights are drawn. `fixed`: one unit per layer with weight magnitude w (the gradient
 * factor g′(zᵢ)·w with zᵢ ~ N(mean, spread²)). The others: layers of width {@link INIT_WIDTH} with
 * weights w ~ N(0, Var(w)) and zero biases, whose variances follow Var(z⁽ˡ⁺¹⁾) = n·Var(w)·E[g(z⁽ˡ⁾)²].
 */
export const INITS = ['fixed', 'standard', 'xavier', 'he'] as const;
export type DepthFlowInit = (typeof INITS)[number];

/** Units per layer (the fan-in n) when the weights are drawn with a variance. */
export const INIT_WIDTH = 100;

/** n·Var(w) of each scheme: Var(w) = 1 (standard normal), 1/n (Xavier/Glorot for fan-in = fan-out), 2/n (He). */
export const INIT_GAIN: Readonly<Record<Exclude<DepthFlowInit, 'fixed'>, number>> = {
  standard: INIT_WIDTH,
  xavier: 1,
  he: 2,
};

/** The option labels of the initialisation choice. */
export const INIT_LABELS: Readonly<Record<DepthFlowInit, string>> = {
  fixed: 'one unit per layer, weight w',
  standard: 'standard normal, Var(w) = 1',
  xavier: 'Xavier, Var(w) = 1/n',
  he: 'He, Var(w) = 2/n',
};

/**
 * A stack of layers, each multiplying the backpropagated gradient by g′(zᵢ)·w: the pre-activation
 * zᵢ ~ N(mean, spread²) is drawn per layer and path (seeded), and every weight has magnitude w.
 * With an initialisation scheme (`init` other than `fixed`), layers of width n instead (see {@link INITS}).
 */
export interface DepthFlowState {
  readonly activation: ActivationId;
  /** How the weights are drawn; default `fixed`. */
  readonly init?: DepthFlowInit;
  /** Weight magnitude w. */
  readonly weight: number;
  /** Mean of the pre-activations. */
  readonly mean: number;
  /** Standard deviation of the pre-activations (0: every unit sits at z = mean). */
  readonly spread: number;
  readonly layers: number;
}

/** What `<DepthFlow>` shows when a prop is omitted: ten sigmoid layers, w = 1, every unit at z = 0. */
export const depthFlowDefaults: DepthFlowState = {
  activation: 'sigmoid',
  init: 'fixed',
  weight: 1,
  mean: 0,
  spread: 0,
  layers: 10,
};

export const DEPTH_PATHS = 24;
export const DEPTH_SEED = 20_240_601;
export const LAYERS_MAX = 50;
export const WEIGHT_MIN = 0.1;
export const WEIGHT_MAX = 5;
export const MEAN_LIMIT = 5;
export const SPREAD_MAX = 4;
/** Products below this are drawn on the floor of the log axis (exact zeros included). */
export const DEPTH_FLOOR = 1e-30;

export function normalizeDepthFlowState(state: DepthFlowState): DepthFlowState {
  return {
    activation: state.activation,
    init: state.init ?? 'fixed',
    weight: clamp(state.weight, WEIGHT_MIN, WEIGHT_MAX),
    mean: clamp(state.mean, -MEAN_LIMIT, MEAN_LIMIT),
    spread: clamp(state.spread, 0, SPREAD_MAX),
    layers: Math.round(clamp(state.layers, 1, LAYERS_MAX)),
  };
}

export function readDepthFlowState(read: QueryReader, fallback: DepthFlowState): DepthFlowState {
  return normalizeDepthFlowState({
    activation: queryChoice(read, 'fn', activationIds) ?? fallback.activation,
    init: queryChoice(read, 'init', INITS) ?? fallback.init ?? 'fixed',
    weight: queryNumber(read, 'w', WEIGHT_MIN, WEIGHT_MAX) ?? fallback.weight,
    mean: queryNumber(read, 'mean', -MEAN_LIMIT, MEAN_LIMIT) ?? fallback.mean,
    spread: queryNumber(read, 'sd', 0, SPREAD_MAX) ?? fallback.spread,
    layers: queryNumber(read, 'layers', 1, LAYERS_MAX) ?? fallback.layers,
  });
}

export function depthFlowStateQuery(state: DepthFlowState): Record<string, string> {
  return {
    fn: state.activation,
    init: state.init ?? 'fixed',
    w: urlNumber(state.weight),
    mean: urlNumber(state.mean),
    sd: urlNumber(state.spread),
    layers: String(state.layers),
  };
}

export interface DepthFlowData {
  /** |∏ᵢ₌₁ⁿ g′(zᵢ)·w| for path p at depth n is `paths[p][n − 1]`. */
  readonly paths: readonly Float64Array[];
  /** Median over paths at each depth. */
  readonly median: Float64Array;
  /** (max |g′| · w)ⁿ: every unit at the steepest point. */
  readonly best: Float64Array;
  /** max over z of |g′(z)|. */
  readonly peak: number;
  /** Paths whose product is exactly 0 at the last layer. */
  readonly zeroPaths: number;
}

/** The seeded products for every path and depth (the same state always gives the same numbers). */
export function depthFlowData(state: DepthFlowState): DepthFlowData {
  const activation = activations[state.activation];
  const normals = standardNormals(DEPTH_SEED, DEPTH_PATHS * LAYERS_MAX);
  const paths: Float64Array[] = [];
  for (let p = 0; p < DEPTH_PATHS; p++) {
    const product = new Float64Array(state.layers);
    let running = 1;
    for (let n = 0; n < state.layers; n++) {
      const z = state.mean + state.spread * (normals[p * LAYERS_MAX + n] as number);
      running *= Math.abs(activation.derivative(z) * state.weight);
      product[n] = running;
    }
    paths.push(product);
  }
  const median = new Float64Array(state.layers);
  const column = new Float64Array(DEPTH_PATHS);
  for (let n = 0; n < state.layers; n++) {
    for (let p = 0; p < DEPTH_PATHS; p++) column[p] = paths[p]?.[n] as number;
    column.sort();
    // Even count: the mean of the two middle values (geometric would be kinder on a log axis, but 0 must stay 0).
    median[n] = ((column[DEPTH_PATHS / 2 - 1] as number) + (column[DEPTH_PATHS / 2] as number)) / 2;
  }
  const peak = maxAbsDerivative(activation, { from: -20, to: 20 }).value;
  const best = new Float64Array(state.layers);
  for (let n = 0; n < state.layers; n++) best[n] = (peak * state.weight) ** (n + 1);
  const zeroPaths = paths.filter((path) => path[state.layers - 1] === 0).length;
  return { paths, median, best, peak, zeroPaths };
}

/** Ratios above this are drawn on the ceiling of the log axis (an exploding signal overflows soon after). */
export const DEPTH_CEILING = 1e30;

/** What a network initialised with a variance does to the signal and the gradient, layer by layer. */
export interface InitFlowData {
  /** n·Var(w) of the scheme. */
  readonly gain: number;
  /** Var(z⁽ˡ⁾) for l = 1 … layers + 1; Var(z⁽¹⁾) = 1. */
  readonly variance: Float64Array;
  /** √(Var(z⁽ⁿ⁺¹⁾) / Var(z⁽¹⁾)): the forward signal's RMS after n layers, at index n − 1. */
  readonly signal: Float64Array;
  /** ∏ₗ₌₁ⁿ √(n·Var(w)·E[g′(z⁽ˡ⁾)²]): the gradient's RMS after passing back through n layers, at index n − 1. */
  readonly gradient: Float64Array;
}

/**
 * The variance recursion for a layer of width n with weights w ~ N(0, Var(w)), zero biases and
 * z⁽¹⁾ ~ N(0, 1): forward Var(z⁽ˡ⁺¹⁾) = n·Var(w)·E[g(z⁽ˡ⁾)²], backward (fan-out = fan-in = n, the
 * weights independent of g′) Var(δ⁽ˡ⁾) = n·Var(w)·E[g′(z⁽ˡ⁾)²]·Var(δ⁽ˡ⁺¹⁾). Expectations over
 * z⁽ˡ⁾ ~ N(0, Var(z⁽ˡ⁾)) by quadrature split at the activation's kinks. Deterministic: no sampling.
 */
export function initFlowData(state: DepthFlowState): InitFlowData {
  const init = state.init ?? 'fixed';
  const gain = init === 'fixed' ? state.weight ** 2 : INIT_GAIN[init];
  const activation = activations[state.activation];
  const kinks = activation.kinks.map((k) => k.at);
  const g = (z: number): number => activation.value(z) ** 2;
  const dg = (z: number): number => activation.derivative(z) ** 2;
  const variance = new Float64Array(state.layers + 1);
  const signal = new Float64Array(state.layers);
  const gradient = new Float64Array(state.layers);
  variance[0] = 1;
  let product = 1;
  for (let l = 0; l < state.layers; l++) {
    const q = variance[l] as number;
    // Once the variance has overflowed, it stays there: the signal has exploded.
    const next = Number.isFinite(q) ? gain * gaussianExpectation(g, q, kinks) : q;
    variance[l + 1] = next;
    signal[l] = Math.sqrt(next);
    product *= Number.isFinite(q) ? Math.sqrt(gain * gaussianExpectation(dg, q, kinks)) : 0;
    gradient[l] = product;
  }
  return { gain, variance, signal, gradient };
}

/** The signal and the gradient on the log axis, from the floor to the ceiling. */
function initSpec(state: DepthFlowState, data: InitFlowData): PlotOptions {
  const depth = Float64Array.from({ length: state.layers }, (_, i) => i + 1);
  const clip = (v: Float64Array): Float64Array => v.map((x) => Math.min(Math.max(x, DEPTH_FLOOR), DEPTH_CEILING));
  let lo = 0.1;
  let hi = 10;
  for (const series of [data.signal, data.gradient])
    for (const v of clip(series)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  return {
    ...plotFrame,
    x: { domain: [1, Math.max(2, state.layers)], ...xAxis('layers n'), ticks: Math.min(10, state.layers) },
    y: {
      type: 'log',
      domain: [lo, hi],
      label: 'RMS relative to the input z⁽¹⁾',
      grid: true,
      tickFormat: (v: number) => `10${superscript(Math.round(Math.log10(v)))}`,
      ticks: 6,
    },
    marks: [
      ruleY([1], { stroke: 'currentColor', strokeOpacity: 0.6 }),
      line({ length: state.layers }, { x: depth, y: clip(data.signal), stroke: G_STROKE, strokeWidth: 3 }),
      // Dashed on top: for ReLU the two lines coincide, and both stay visible.
      line(
        { length: state.layers },
        { x: depth, y: clip(data.gradient), stroke: DG_STROKE, strokeWidth: 2.5, strokeDasharray: DG_DASH },
      ),
    ],
  };
}

/** A ratio in words. */
function trendOf(x: number): string {
  return x < 1e-2 ? 'vanishes' : x > 1e2 ? 'explodes' : 'holds within a factor 100 of 1';
}

/** The initialisation view in words: the scheme, n·Var(w), and what is left of the signal and the gradient. */
export function describeInitFlow(state: DepthFlowState, data: InitFlowData = initFlowData(state)): string {
  const init = state.init ?? 'fixed';
  const n = state.layers;
  const signal = data.signal[n - 1] as number;
  const gradient = data.gradient[n - 1] as number;
  const show = (x: number): string => (Number.isFinite(x) ? formatNumber(x) : 'beyond float64 (∞)');
  const layers = `${n} layer${n === 1 ? '' : 's'}`;
  return [
    `${activations[state.activation].name}, ${INIT_LABELS[init]} with n = ${INIT_WIDTH} inputs per unit, so n·Var(w) = ${formatNumber(data.gain)}; layer 1's pre-activations have variance 1.`,
    `After ${layers} the signal's RMS is ${show(signal)} times layer 1's: it ${trendOf(signal)}.`,
    `Passed back through ${layers}, the gradient's RMS is ${show(gradient)} times what it was: it ${trendOf(gradient)}.`,
  ].join(' ');
}

/** y values for the log axis: anything below the floor (zeros included) sits on the floor. */
function floored(values: Float64Array): Float64Array {
  return values.map((v) => Math.max(v, DEPTH_FLOOR));
}

/** log₁₀ axis domain: from the floor-clamped minimum to at least 10. */
function yDomain(data: DepthFlowData): [number, number] {
  let lo = 1;
  let hi = 10;
  for (const series of [...data.paths, data.best]) {
    for (const v of series) {
      lo = Math.min(lo, Math.max(v, DEPTH_FLOOR));
      hi = Math.max(hi, v);
    }
  }
  return [lo, Math.min(hi, 1e30)];
}

/**
 * Thin lines: the seeded paths; thick: their median; dashed: the best case (max|g′|·w)ⁿ; a rule
 * at 1 (a gradient that neither shrinks nor grows). Log y axis.
 */
export function depthFlowSpec(state: DepthFlowState, data?: DepthFlowData): PlotOptions {
  if ((state.init ?? 'fixed') !== 'fixed') return initSpec(state, initFlowData(state));
  return fixedSpec(state, data ?? depthFlowData(state));
}

function fixedSpec(state: DepthFlowState, data: DepthFlowData): PlotOptions {
  const depth = Float64Array.from({ length: state.layers }, (_, i) => i + 1);
  const xs: number[] = [];
  const ys: number[] = [];
  const series: number[] = [];
  data.paths.forEach((path, p) => {
    for (let n = 0; n < path.length; n++) {
      xs.push(n + 1);
      ys.push(Math.max(path[n] as number, DEPTH_FLOOR));
      series.push(p);
    }
  });
  return {
    ...plotFrame,
    x: { domain: [1, Math.max(2, state.layers)], ...xAxis('layers n'), ticks: Math.min(10, state.layers) },
    y: {
      type: 'log',
      domain: yDomain(data),
      label: '|∏ g′(zᵢ)·wᵢ|',
      grid: true,
      tickFormat: (v: number) => `10${superscript(Math.round(Math.log10(v)))}`,
      ticks: 6,
    },
    marks: [
      ruleY([1], { stroke: 'currentColor', strokeOpacity: 0.6 }),
      line({ length: xs.length }, { x: xs, y: ys, z: series, stroke: MUTED, strokeOpacity: 0.45, strokeWidth: 1 }),
      line(
        { length: state.layers },
        { x: depth, y: floored(data.best), stroke: DG_STROKE, strokeWidth: 2.5, strokeDasharray: DG_DASH },
      ),
      line({ length: state.layers }, { x: depth, y: floored(data.median), stroke: G_STROKE, strokeWidth: 3 }),
    ],
  };
}

/** The depth plot in words: the factor per layer, the median and best case after n layers, dead paths. */
export function describeDepthFlow(state: DepthFlowState, data?: DepthFlowData): string {
  if ((state.init ?? 'fixed') !== 'fixed') return describeInitFlow(state);
  return describeFixed(state, data ?? depthFlowData(state));
}

function describeFixed(state: DepthFlowState, data: DepthFlowData): string {
  const activation = activations[state.activation];
  const n = state.layers;
  const input =
    state.spread === 0
      ? `every unit at z = ${formatNumber(state.mean)}`
      : `pre-activations z ~ N(${formatNumber(state.mean)}, ${formatNumber(state.spread)}²)`;
  const factor = data.peak * state.weight;
  const median = data.median[n - 1] as number;
  const best = data.best[n - 1] as number;
  const trend = median < 1e-2 ? 'vanishes' : median > 1e2 ? 'explodes' : 'stays within a factor 100 of 1';
  const sentences = [
    `${activation.name}, weights of magnitude ${formatNumber(state.weight)}, ${input}.`,
    `At best a layer multiplies the gradient by max|g′|·w = ${formatNumber(factor)}, so after ${n} layer${n === 1 ? '' : 's'} it is at most ${formatNumber(factor)}${superscript(n)} = ${formatNumber(best)}.`,
    `The median over ${DEPTH_PATHS} sampled paths is ${formatNumber(median)}: the gradient ${trend}.`,
  ];
  if (data.zeroPaths > 0)
    sentences.push(`${data.zeroPaths} of ${DEPTH_PATHS} paths are exactly 0 (a unit with g′ = 0 on the way).`);
  return sentences.join(' ');
}
