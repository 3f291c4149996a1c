import { crossEntropyGradient, squaredErrorGradient } from '../../../src/math/index.ts';
import { formatNumber, formatReadout, formatZ } from '../format.ts';
import { MUTED, seriesStyle } from '../palette.ts';
import { dot, line, ruleX, ruleY, type PlotOptions } from '../plot-marks.ts';
import { CURVE_POINTS } from './activation-plot-spec.ts';
import { plotFrame, xAxis } from './plot-frame.ts';

/**
 * The gradient of a sigmoid output unit's loss by its logit z, for cross-entropy (σ(z) − y) and
 * squared error (2(σ(z) − y)σ′(z)), against z, for one target y, with a point marked on each curve.
 */
export interface LossGradientState {
  /** The target, 0 or 1. */
  readonly target: 0 | 1;
  /** z ∈ [−range, range]. */
  readonly range: number;
  /** The marked logit (e.g. −10, a confidently wrong unit for y = 1). */
  readonly z: number;
}

export interface LossGradientData {
  readonly z: Float64Array;
  readonly crossEntropy: Float64Array;
  readonly squaredError: Float64Array;
}

/** The two losses, in legend order. */
export const LOSS_LABELS = ['Cross-entropy: σ(z) − y', 'Squared error: 2(σ(z) − y)σ′(z)'] as const;

export function lossGradientData(state: LossGradientState): LossGradientData {
  const z = Float64Array.from(
    { length: CURVE_POINTS },
    (_, i) => -state.range + (2 * state.range * i) / (CURVE_POINTS - 1),
  );
  return {
    z,
    crossEntropy: z.map((x) => crossEntropyGradient(x, state.target)),
    squaredError: z.map((x) => squaredErrorGradient(x, state.target)),
  };
}

export function lossGradientSpec(
  state: LossGradientState,
  data: LossGradientData = lossGradientData(state),
): PlotOptions {
  const curves = [data.crossEntropy, data.squaredError];
  const at = [crossEntropyGradient(state.z, state.target), squaredErrorGradient(state.z, state.target)];
  return {
    ...plotFrame,
    x: { domain: [-state.range, state.range], ...xAxis('logit z') },
    y: {
      domain: state.target === 1 ? [-1.05, 0.05] : [-0.05, 1.05],
      label: `∂L/∂z for y = ${String(state.target)}`,
      grid: true,
    },
    marks: [
      ruleY([0], { stroke: MUTED }),
      ruleX([state.z], { stroke: MUTED, strokeDasharray: '2 3' }),
      ...curves.map((values, i) => {
        const { stroke, dash } = seriesStyle(i);
        return line(
          { length: values.length },
          { x: data.z, y: values, stroke, strokeWidth: 2.5, strokeDasharray: dash },
        );
      }),
      ...at.map((v, i) => dot([[state.z, v]], { fill: seriesStyle(i).stroke, stroke: 'var(--bg)', r: 5 })),
    ],
  };
}

/** Where the squared-error gradient is largest in size on the grid, and its value there. */
function steepest(data: LossGradientData): { z: number; value: number } {
  let best = 0;
  data.squaredError.forEach((v, i) => {
    if (Math.abs(v) > Math.abs(data.squaredError[best] ?? 0)) best = i;
  });
  return { z: data.z[best] ?? 0, value: data.squaredError[best] ?? 0 };
}

/** The plot in words, with the numbers computed from the same functions as the curves. */
export function describeLossGradient(
  state: LossGradientState,
  data: LossGradientData = lossGradientData(state),
): string {
  const y = state.target;
  const z = formatZ(state.z);
  const ce = crossEntropyGradient(state.z, y);
  const se = squaredErrorGradient(state.z, y);
  const top = steepest(data);
  return (
    `The gradient of the loss by the logit z, for target y = ${String(y)} and z from ${formatNumber(-state.range)} to ${formatNumber(state.range)}. ` +
    `At z = ${z}, cross-entropy gives ${formatReadout(ce)} and squared error ${formatReadout(se)}. ` +
    `The cross-entropy gradient σ(z) − ${String(y)} runs from ${formatReadout(data.crossEntropy[0] ?? NaN)} to ${formatNumber(data.crossEntropy[data.crossEntropy.length - 1] ?? NaN)}: ` +
    `it is largest where the output is most wrong. ` +
    `The squared-error gradient is largest in size at z = ${formatZ(top.z)}, where it is ${formatNumber(top.value)}, and falls towards 0 on both sides, also where the output is wrong.`
  );
}
