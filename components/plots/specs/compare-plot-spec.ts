import { activationIds, activations, sampleCurve, type ActivationId, type Curve } from '../../../src/math/index.ts';
import { formatNumber, formatZ } from '../format.ts';
import { MUTED, seriesStyle } from '../palette.ts';
import { line, ruleX, ruleY, type PlotOptions } from '../plot-marks.ts';
import { describePeak } from './describe-activation.ts';
import { clamp, queryChoice, queryList, queryNumber, urlNumber, type QueryReader } from './query.ts';
import { CURVE_POINTS, RANGE_MAX, RANGE_MIN } from './activation-plot-spec.ts';
import { plotFrame, xAxis } from './plot-frame.ts';

/** Which curve of each activation to overlay. */
export type CompareCurve = 'g' | 'derivative';
export const COMPARE_CURVES: readonly CompareCurve[] = ['g', 'derivative'];

export interface ComparePlotState {
  /** Activations to overlay, in legend order (default parameters). */
  readonly ids: readonly ActivationId[];
  readonly curve: CompareCurve;
  /** z ∈ [−range, range]. */
  readonly range: number;
}

/** What a `<ComparePlot>` shows when a prop is omitted: the derivatives of sigmoid, tanh, ReLU and SiLU on [−6, 6]. */
export const comparePlotDefaults: ComparePlotState = {
  ids: ['sigmoid', 'tanh', 'relu', 'silu'],
  curve: 'derivative',
  range: 6,
};

export function normalizeCompareState(state: ComparePlotState): ComparePlotState {
  // Known ids only, first occurrence kept.
  const ids = state.ids.filter((id, i) => activationIds.includes(id) && state.ids.indexOf(id) === i);
  return { ids, curve: state.curve, range: clamp(state.range, RANGE_MIN, RANGE_MAX) };
}

export function readCompareState(read: QueryReader, fallback: ComparePlotState): ComparePlotState {
  return normalizeCompareState({
    ids: queryList(read, 'fns', activationIds) ?? fallback.ids,
    curve: queryChoice(read, 'curve', COMPARE_CURVES) ?? fallback.curve,
    range: queryNumber(read, 'range', RANGE_MIN, RANGE_MAX) ?? fallback.range,
  });
}

export function compareStateQuery(state: ComparePlotState): Record<string, string> {
  return { fns: state.ids.join(','), curve: state.curve, range: urlNumber(state.range) };
}

/** Each selected activation sampled on [−range, range] with default parameters. */
export function comparePlotData(state: ComparePlotState): Curve[] {
  return state.ids.map((id) => sampleCurve(activations[id], { from: -state.range, to: state.range, n: CURVE_POINTS }));
}

/** Overlaid curves, one colour and dash pattern per activation (see `seriesStyle`). */
export function comparePlotSpec(state: ComparePlotState, data: readonly Curve[] = comparePlotData(state)): PlotOptions {
  return {
    ...plotFrame,
    x: { domain: [-state.range, state.range], ...xAxis('z') },
    y: { label: state.curve === 'g' ? 'g(z)' : 'g′(z)', grid: true },
    marks: [
      ruleY([0], { stroke: MUTED }),
      ruleX([0], { stroke: MUTED }),
      ...data.map((curve, i) => {
        const { stroke, dash } = seriesStyle(i);
        return line(
          { length: curve.z.length },
          { x: curve.z, y: state.curve === 'g' ? curve.g : curve.dg, stroke, strokeWidth: 2.25, strokeDasharray: dash },
        );
      }),
    ],
  };
}

/** One sentence per activation, generated from the math. */
export function describeCompare(state: ComparePlotState): string {
  if (state.ids.length === 0) return 'No activation selected.';
  const from = -state.range;
  const to = state.range;
  const names = state.ids.map((id) => activations[id].name);
  const head = `${state.curve === 'g' ? 'Activations' : 'Derivatives of'} ${names.join(', ')} for z from ${formatNumber(from)} to ${formatNumber(to)}.`;
  const lines = state.ids.map((id) => {
    const a = activations[id];
    if (state.curve === 'derivative') {
      return `${a.name}: ${a.properties.monotonic ? 'g′' : '|g′|'} ${describePeak(a, { from, to, params: {} })}.`;
    }
    const at = (z: number): string => `g(${formatZ(z)}) = ${formatNumber(a.value(z))}`;
    return `${a.name}: ${at(from)}, ${at(0)}, ${at(to)}.`;
  });
  return [head, ...lines].join(' ');
}
