import {
  activationIds,
  activations,
  lowGradientIntervals,
  sampleCurve,
  type ActivationId,
  type Curve,
  type Params,
} from '../../../src/math/index.ts';
import { dot, line, rect, ruleX, ruleY, type PlotOptions } from '../plot-marks.ts';
import { DG_DASH, DG_STROKE, G_STROKE, MUTED, ZONE_FILL } from '../palette.ts';
import { clampParams } from './param-controls.ts';
import { plotFrame, xAxis } from './plot-frame.ts';
import { clamp, queryChoice, queryNumber, urlNumber, type QueryReader } from './query.ts';

/** Everything the activation plot shows; the URL stores all of it. */
export interface ActivationPlotState {
  readonly activation: ActivationId;
  /** Adjustable parameters (leaky slope, ELU α, SiLU β); defaults where absent. */
  readonly params: Params;
  /** The reader's point. */
  readonly z: number;
  /** Shade where |g′(z)| < ε. */
  readonly epsilon: number;
  /** The plot shows z ∈ [−range, range]. */
  readonly range: number;
}

/** What an `<ActivationPlot>` shows when a prop is omitted: sigmoid at z = 1, ε = 0.01, z ∈ [−8, 8], the registry's parameters. */
export const activationPlotDefaults: ActivationPlotState = {
  activation: 'sigmoid',
  params: {},
  z: 1,
  epsilon: 0.01,
  range: 8,
};

/** Points per curve: the benchmark's 2 curves × 400 points. */
export const CURVE_POINTS = 400;
export const RANGE_MIN = 1;
export const RANGE_MAX = 20;
export const EPSILON_MIN = 1e-4;
export const EPSILON_MAX = 0.5;
export { PLOT_HEIGHT, PLOT_WIDTH } from './plot-frame.ts';

/** Clamp every field into its control's range (z into the plotted range). */
export function normalizeActivationState(state: ActivationPlotState): ActivationPlotState {
  const range = clamp(state.range, RANGE_MIN, RANGE_MAX);
  return {
    activation: state.activation,
    params: clampParams(activations[state.activation], state.params),
    z: clamp(state.z, -range, range),
    epsilon: clamp(state.epsilon, EPSILON_MIN, EPSILON_MAX),
    range,
  };
}

/** State from the URL, falling back field by field to `fallback`. */
export function readActivationState(read: QueryReader, fallback: ActivationPlotState): ActivationPlotState {
  const activation = queryChoice(read, 'fn', activationIds) ?? fallback.activation;
  const params: Partial<Record<string, number>> = {};
  for (const spec of activations[activation].params) {
    const x = queryNumber(read, spec.name, -Infinity, Infinity);
    if (x !== undefined) params[spec.name] = x;
  }
  return normalizeActivationState({
    activation,
    params: activation === fallback.activation ? { ...fallback.params, ...params } : params,
    z: queryNumber(read, 'z', -RANGE_MAX, RANGE_MAX) ?? fallback.z,
    epsilon: queryNumber(read, 'eps', EPSILON_MIN, EPSILON_MAX) ?? fallback.epsilon,
    range: queryNumber(read, 'range', RANGE_MIN, RANGE_MAX) ?? fallback.range,
  });
}

/** The URL entries for a state (keys without the widget prefix). */
export function activationStateQuery(state: ActivationPlotState): Record<string, string> {
  const out: Record<string, string> = {
    fn: state.activation,
    z: urlNumber(state.z),
    eps: urlNumber(state.epsilon),
    range: urlNumber(state.range),
  };
  for (const [name, x] of Object.entries(state.params)) if (x !== undefined) out[name] = urlNumber(x);
  return out;
}

/** What changes only with the activation, its parameters, ε and the range (not with z). */
export interface ActivationPlotData extends ActivationCurveData {
  /** Where |g′| < ε, as closed intervals. */
  readonly zones: readonly (readonly [number, number])[];
}

/** What changes only with the activation, its parameters and the range (not with z or ε). */
export interface ActivationCurveData {
  readonly curve: Curve;
  readonly yDomain: readonly [number, number];
}

/** Key of the inputs `activationCurveData` depends on, for caching across z and ε moves. */
export function activationCurveKey(state: ActivationPlotState): string {
  return JSON.stringify([state.activation, state.params, state.range]);
}

/** Key of the inputs `activationPlotData` depends on (the curve's, plus ε). */
export function activationDataKey(state: ActivationPlotState): string {
  return JSON.stringify([state.activation, state.params, state.range, state.epsilon]);
}

/** Sample g and g′ and pick a y domain holding both curves (and 0 and 1). */
export function activationCurveData(state: ActivationPlotState): ActivationCurveData {
  const activation = activations[state.activation];
  const curve = sampleCurve(activation, { from: -state.range, to: state.range, params: state.params, n: CURVE_POINTS });
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < curve.z.length; i++) {
    const g = curve.g[i] as number;
    const dg = curve.dg[i] as number;
    lo = Math.min(lo, g, dg);
    hi = Math.max(hi, g, dg);
  }
  const pad = 0.06 * (hi - lo);
  return { curve, yDomain: [lo - pad, hi + pad] };
}

/** The zones where |g′| < ε on the plotted range. */
export function activationZones(state: ActivationPlotState): [number, number][] {
  return lowGradientIntervals(activations[state.activation], {
    from: -state.range,
    to: state.range,
    params: state.params,
    epsilon: state.epsilon,
  });
}

/** Curves and zones together. */
export function activationPlotData(
  state: ActivationPlotState,
  curves = activationCurveData(state),
): ActivationPlotData {
  return { ...curves, zones: activationZones(state) };
}

/** g(z), g′(z) at the reader's point. */
export function activationReadout(state: ActivationPlotState): { z: number; g: number; dg: number } {
  const activation = activations[state.activation];
  return { z: state.z, g: activation.value(state.z, state.params), dg: activation.derivative(state.z, state.params) };
}

/**
 * The tangent y = g + g′·(x − z) over the x domain, cut to the y domain (computed here rather than with
 * Plot's `clip`, whose clip-path ids differ from render to render).
 */
export function tangentSegment(
  z: number,
  g: number,
  dg: number,
  [from, to]: readonly [number, number],
  [lo, hi]: readonly [number, number],
): [number, number][] {
  const at = (x: number): [number, number] => [x, g + dg * (x - z)];
  if (dg === 0) return g >= lo && g <= hi ? [at(from), at(to)] : [];
  const xa = z + (lo - g) / dg;
  const xb = z + (hi - g) / dg;
  const left = Math.max(from, Math.min(xa, xb));
  const right = Math.min(to, Math.max(xa, xb));
  return left < right ? [at(left), at(right)] : [];
}

/** The z-dependent part of the picture, in data coordinates. */
export interface PointGeometry {
  /** The point on g and on g′. */
  readonly g: readonly [number, number];
  readonly dg: readonly [number, number];
  /** The tangent to g at z, cut to the frame (empty when it misses the frame). */
  readonly tangent: readonly (readonly [number, number])[];
  /** Ends of the vertical rule at z. */
  readonly rule: readonly [readonly [number, number], readonly [number, number]];
}

export function pointGeometry(state: ActivationPlotState, data: ActivationCurveData): PointGeometry {
  const { z, g, dg } = activationReadout(state);
  const [lo, hi] = data.yDomain;
  return {
    g: [z, g],
    dg: [z, dg],
    tangent: tangentSegment(z, g, dg, [-state.range, state.range], data.yDomain),
    rule: [
      [z, lo],
      [z, hi],
    ],
  };
}

/** Class names shared by the Plot marks (static SVG) and the client's overlay (after hydration). */
export const POINT_CLASSES = {
  zones: 'plot-zones',
  rule: 'plot-z-rule',
  tangent: 'plot-tangent',
  dg: 'plot-point-dg',
  g: 'plot-point-g',
} as const;

/**
 * The part that moves with neither z nor ε: g solid and g′ dashed, axes. The client draws this with
 * Plot once per parameter or range change, and the ε-zones and the point on an overlay.
 */
export function activationBaseSpec(state: ActivationPlotState, data: ActivationCurveData): PlotOptions {
  const { curve, yDomain } = data;
  const n = curve.z.length;
  return {
    ...plotFrame,
    x: { domain: [-state.range, state.range], ...xAxis('z') },
    y: { domain: [yDomain[0], yDomain[1]], label: null, grid: true },
    marks: [
      ruleY([0], { stroke: MUTED }),
      ruleX([0], { stroke: MUTED }),
      line({ length: n }, { x: curve.z, y: curve.dg, stroke: DG_STROKE, strokeWidth: 2.5, strokeDasharray: DG_DASH }),
      line({ length: n }, { x: curve.z, y: curve.g, stroke: G_STROKE, strokeWidth: 2.5 }),
    ],
  };
}

/** Style of the point, tangent and rule: one definition for the Plot marks and the client overlay. */
export const POINT_STYLE = {
  rule: { stroke: MUTED, strokeDasharray: '2 3' },
  tangent: { stroke: 'currentColor', strokeWidth: 1.5, strokeOpacity: 0.85 },
  dg: { fill: DG_STROKE, stroke: 'var(--bg)', r: 5 },
  g: { fill: G_STROKE, stroke: 'var(--bg)', r: 6 },
} as const;

/**
 * The Plot options for the whole activation plot (base + point, tangent and rule at z), as rendered
 * at build time. Pure: the same state and data give the same options.
 */
export function activationPlotSpec(
  state: ActivationPlotState,
  data: ActivationPlotData = activationPlotData(state),
): PlotOptions {
  const base = activationBaseSpec(state, data);
  const point = pointGeometry(state, data);
  const zones = rect(data.zones, {
    x1: (d: readonly number[]) => d[0],
    x2: (d: readonly number[]) => d[1],
    fill: ZONE_FILL,
    className: POINT_CLASSES.zones,
  });
  return {
    ...base,
    marks: [
      zones,
      ...(base.marks ?? []),
      ruleX([point.g[0]], { ...POINT_STYLE.rule, className: POINT_CLASSES.rule }),
      line(point.tangent, { ...POINT_STYLE.tangent, className: POINT_CLASSES.tangent }),
      dot([point.dg], { ...POINT_STYLE.dg, className: POINT_CLASSES.dg }),
      dot([point.g], { ...POINT_STYLE.g, className: POINT_CLASSES.g }),
    ],
  };
}
