import { activations, lowGradientIntervals, normalCdf, type ActivationId } from '../../../src/math/index.ts';
import { formatNumber, formatPercent } from '../format.ts';
import { MUTED, seriesStyle } from '../palette.ts';
import { dot, line, ruleX, ruleY, type PlotOptions } from '../plot-marks.ts';
import { clamp, queryChoice, queryNumber, urlNumber, type QueryReader } from './query.ts';
import { plotFrame, xAxis } from './plot-frame.ts';

/** Pre-activations z ~ N(bias, spread²); a unit is dead when |g′(z)| < ε (ε = 0: exactly zero). */
export interface DeadUnitsState {
  readonly bias: number;
  readonly spread: number;
  /** 0 means "g′ is exactly 0". */
  readonly epsilon: number;
}

/** What `<DeadUnits>` shows when a prop is omitted: b = 0, s = 1, dead meaning g′ exactly 0. */
export const deadUnitsDefaults: DeadUnitsState = { bias: 0, spread: 1, epsilon: 0 };

/** The activations compared (default parameters). */
export const DEAD_UNIT_IDS: readonly ActivationId[] = ['relu', 'leaky-relu', 'elu'];
export const BIAS_LIMIT = 3;
export const SPREAD_MIN = 0.1;
export const SPREAD_MAX = 3;
/** The thresholds offered: exactly zero, or small. */
export const DEAD_EPSILONS = ['0', '0.001', '0.01', '0.1'] as const;
/** The curves' b grid over [−3, 3]. */
const BIAS_POINTS = 121;
/** Far enough out that N(b, s²) has no mass beyond (|b| ≤ 3, s ≤ 3: 10 standard deviations fit). */
const SCAN_LIMIT = 40;

export function normalizeDeadUnitsState(state: DeadUnitsState): DeadUnitsState {
  const epsilon = DEAD_EPSILONS.map(Number).includes(state.epsilon) ? state.epsilon : 0;
  return {
    bias: clamp(state.bias, -BIAS_LIMIT, BIAS_LIMIT),
    spread: clamp(state.spread, SPREAD_MIN, SPREAD_MAX),
    epsilon,
  };
}

export function readDeadUnitsState(read: QueryReader, fallback: DeadUnitsState): DeadUnitsState {
  const eps = queryChoice(read, 'eps', DEAD_EPSILONS);
  return normalizeDeadUnitsState({
    bias: queryNumber(read, 'b', -BIAS_LIMIT, BIAS_LIMIT) ?? fallback.bias,
    spread: queryNumber(read, 's', SPREAD_MIN, SPREAD_MAX) ?? fallback.spread,
    epsilon: eps === undefined ? fallback.epsilon : Number(eps),
  });
}

export function deadUnitsStateQuery(state: DeadUnitsState): Record<string, string> {
  return { b: urlNumber(state.bias), s: urlNumber(state.spread), eps: String(state.epsilon) };
}

/**
 * The set where |g′| < ε (ε = 0: g′ = 0, found as |g′| < the smallest double) as intervals, with
 * ends at the scan limits taken as ±∞.
 */
export function deadIntervals(id: ActivationId, epsilon: number): [number, number][] {
  const zones = lowGradientIntervals(activations[id], {
    from: -SCAN_LIMIT,
    to: SCAN_LIMIT,
    epsilon: epsilon > 0 ? epsilon : Number.MIN_VALUE,
  });
  return zones.map(([a, b]) => [a === -SCAN_LIMIT ? -Infinity : a, b === SCAN_LIMIT ? Infinity : b]);
}

/** P(z ∈ dead set) for z ~ N(bias, spread²) = Σ Φ((b − bias)/s) − Φ((a − bias)/s) over the dead intervals [a, b]. */
export function deadFraction(intervals: readonly (readonly [number, number])[], bias: number, spread: number): number {
  // Φ(±∞) spelled out: the ends at ±∞ are exact, and src/math's normalCdf(−∞) is NaN at the time of writing.
  const cdf = (x: number): number => (x === -Infinity ? 0 : x === Infinity ? 1 : normalCdf(x));
  let p = 0;
  for (const [a, b] of intervals) p += cdf((b - bias) / spread) - cdf((a - bias) / spread);
  return p;
}

export interface DeadUnitsData {
  readonly bias: Float64Array;
  /** Per activation (DEAD_UNIT_IDS order): dead fraction at each bias. */
  readonly fractions: readonly Float64Array[];
  /** Per activation: dead fraction at the state's bias. */
  readonly current: readonly number[];
}

export function deadUnitsData(state: DeadUnitsState): DeadUnitsData {
  const bias = Float64Array.from(
    { length: BIAS_POINTS },
    (_, i) => -BIAS_LIMIT + (2 * BIAS_LIMIT * i) / (BIAS_POINTS - 1),
  );
  const intervals = DEAD_UNIT_IDS.map((id) => deadIntervals(id, state.epsilon));
  const fractions = intervals.map((iv) => bias.map((b) => deadFraction(iv, b, state.spread)));
  const current = intervals.map((iv) => deadFraction(iv, state.bias, state.spread));
  return { bias, fractions, current };
}

/** Dead fraction against the bias b for each activation, with the current b marked. */
export function deadUnitsSpec(state: DeadUnitsState, data: DeadUnitsData = deadUnitsData(state)): PlotOptions {
  return {
    ...plotFrame,
    x: { domain: [-BIAS_LIMIT, BIAS_LIMIT], ...xAxis('mean pre-activation b') },
    // percent: Plot multiplies the values by 100 (not the domain).
    y: { domain: [0, 100], label: 'dead units (%)', percent: true, grid: true },
    marks: [
      ruleY([0], { stroke: MUTED }),
      ruleX([state.bias], { stroke: MUTED, strokeDasharray: '2 3' }),
      ...data.fractions.map((f, i) => {
        const { stroke, dash } = seriesStyle(i);
        return line({ length: f.length }, { x: data.bias, y: f, stroke, strokeWidth: 2.5, strokeDasharray: dash });
      }),
      ...data.current.map((p, i) => dot([[state.bias, p]], { fill: seriesStyle(i).stroke, stroke: 'var(--bg)', r: 5 })),
    ],
  };
}

/** The dead-unit plot in words, one clause per activation. */
export function describeDeadUnits(state: DeadUnitsState, data: DeadUnitsData = deadUnitsData(state)): string {
  const what = state.epsilon === 0 ? 'exactly zero gradient' : `|g′| < ${formatNumber(state.epsilon)}`;
  const parts = DEAD_UNIT_IDS.map((id, i) => `${activations[id].name} ${formatPercent(data.current[i] ?? NaN)}`);
  return `Pre-activations z ~ N(${formatNumber(state.bias)}, ${formatNumber(state.spread)}²). Units with ${what}: ${parts.join(', ')}. The curves show the same fraction for every b from −${BIAS_LIMIT} to ${BIAS_LIMIT}.`;
}
