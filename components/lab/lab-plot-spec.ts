import { DG_DASH, DG_STROKE, G_STROKE, MUTED, ZONE_FILL } from '../plots/palette.ts';
import { line, rect, ruleX, ruleY, type PlotOptions } from '../plots/plot-marks.ts';
import type { RealFn } from './properties.ts';

/** What the lab's plot shows: g and g′ on [−range, range], the saturation zones and the kinks. */
export interface LabPlotInput {
  readonly g: RealFn;
  readonly dg: RealFn;
  readonly range: number;
  readonly zones: readonly (readonly [number, number])[];
  readonly kinks: readonly number[];
}

export const LAB_PLOT_POINTS = 400;
/** The y axis never spans more than this either side (z³ would flatten everything else). */
const Y_LIMIT = 10;

/** Samples g and g′; values outside the y window become NaN, so Plot breaks the line there. */
export function labPlotData(input: LabPlotInput): { z: number[]; g: number[]; dg: number[]; y: [number, number] } {
  const z: number[] = [];
  const g: number[] = [];
  const dg: number[] = [];
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < LAB_PLOT_POINTS; i++) {
    const x = -input.range + (2 * input.range * i) / (LAB_PLOT_POINTS - 1);
    const a = input.g(x);
    const b = input.dg(x);
    z.push(x);
    g.push(a);
    dg.push(b);
    for (const v of [a, b]) {
      if (Number.isFinite(v)) {
        lo = Math.min(lo, Math.max(v, -Y_LIMIT));
        hi = Math.max(hi, Math.min(v, Y_LIMIT));
      }
    }
  }
  const pad = 0.06 * (hi - lo);
  const y: [number, number] = [lo - pad, hi + pad];
  const cut = (v: number): number => (v >= y[0] && v <= y[1] ? v : Number.NaN);
  return { z, g: g.map(cut), dg: dg.map(cut), y };
}

/** The plot as plain data (sampled curves, zones, kinks): what a Web Worker can send to the page. */
export interface LabPlotSamples {
  readonly range: number;
  readonly zones: readonly (readonly [number, number])[];
  readonly kinks: readonly number[];
  readonly z: readonly number[];
  readonly g: readonly number[];
  readonly dg: readonly number[];
  readonly y: readonly [number, number];
}

/** Samples the plot's curves (see labPlotData), keeping zones and kinks. */
export function labPlotSamples(input: LabPlotInput): LabPlotSamples {
  return { range: input.range, zones: input.zones, kinks: input.kinks, ...labPlotData(input) };
}

/** Plot options: zones shaded, axes, kinks as dotted rules, g′ dashed, g solid. Pure. */
export function labPlotSpec(input: LabPlotInput): PlotOptions {
  return labPlotFromSamples(labPlotSamples(input));
}

/** Plot options from sampled data (the page builds them from what the worker sent). */
export function labPlotFromSamples(data: LabPlotSamples): PlotOptions {
  const input = data;
  const n = data.z.length;
  return {
    width: 640,
    height: 360,
    marginLeft: 44,
    marginRight: 16,
    style: { fontSize: '13px' },
    x: { domain: [-input.range, input.range], label: 'z' },
    y: { domain: data.y, label: null, grid: true },
    marks: [
      rect(input.zones, { x1: (d: readonly number[]) => d[0], x2: (d: readonly number[]) => d[1], fill: ZONE_FILL }),
      ruleY([0], { stroke: MUTED }),
      ruleX([0], { stroke: MUTED }),
      ruleX(
        input.kinks.filter((k) => Math.abs(k) <= input.range),
        { stroke: MUTED, strokeDasharray: '2 3' },
      ),
      line({ length: n }, { x: data.z, y: data.dg, stroke: DG_STROKE, strokeWidth: 2.5, strokeDasharray: DG_DASH }),
      line({ length: n }, { x: data.z, y: data.g, stroke: G_STROKE, strokeWidth: 2.5 }),
    ],
  };
}
