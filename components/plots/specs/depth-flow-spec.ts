import { activationIds, activations, maxAbsDerivative, type ActivationId } from '../../../src/math/index.ts';
import { formatNumber, superscript } from '../format.ts';
import { DG_DASH, DG_STROKE, G_STROKE, MUTED } from '../palette.ts';
import { line, ruleY, type PlotOptions } from '../plot-marks.ts';
import { standardNormals } from '../random.ts';
import { clamp, queryChoice, queryNumber, urlNumber, type QueryReader } from './query.ts';
import { plotFrame, xAxis } from './plot-frame.ts';

/**
 * A stack of layers, each multiplying the backpropagated gradient by g′(zᵢ)·w: the pre-activation
 * zᵢ ~ N(mean, spread²) is drawn per layer and path (seeded), and every weight has magnitude w.
 */
export interface DepthFlowState {
  readonly activation: ActivationId;
  /** Weight magnitude w. */
  readonly weight: number;
  /** Mean of the pre-activations. */
  readonly mean: number;
  /** Standard deviation of the pre-activations (0: every unit sits at z = mean). */
  readonly spread: number;
  readonly layers: number;
}

/** What `<DepthFlow>` shows when a prop is omitted: ten sigmoid layers, w = 1, every unit at z = 0. */
export const depthFlowDefaults: DepthFlowState = { activation: 'sigmoid', weight: 1, mean: 0, spread: 0, layers: 10 };

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
    weight: clamp(state.weight, WEIGHT_MIN, WEIGHT_MAX),
    mean: clamp(state.mean, -MEAN_LIMIT, MEAN_LIMIT),
    spread: clamp(state.spread, 0, SPREAD_MAX),
    layers: Math.round(clamp(state.layers, 1, LAYERS_MAX)),
  };
}

export function readDepthFlowState(read: QueryReader, fallback: DepthFlowState): DepthFlowState {
  return normalizeDepthFlowState({
    activation: queryChoice(read, 'fn', activationIds) ?? fallback.activation,
    weight: queryNumber(read, 'w', WEIGHT_MIN, WEIGHT_MAX) ?? fallback.weight,
    mean: queryNumber(read, 'mean', -MEAN_LIMIT, MEAN_LIMIT) ?? fallback.mean,
    spread: queryNumber(read, 'sd', 0, SPREAD_MAX) ?? fallback.spread,
    layers: queryNumber(read, 'layers', 1, LAYERS_MAX) ?? fallback.layers,
  });
}

export function depthFlowStateQuery(state: DepthFlowState): Record<string, string> {
  return {
    fn: state.activation,
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
export function depthFlowSpec(state: DepthFlowState, data: DepthFlowData = depthFlowData(state)): PlotOptions {
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
export function describeDepthFlow(state: DepthFlowState, data: DepthFlowData = depthFlowData(state)): string {
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
