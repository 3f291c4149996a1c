import { dot, line, ruleY, type PlotOptions } from '../../plots/plot-marks.ts';
import { chartFrame, layerAxis, NORM_FLOOR } from './chart-size.ts';
import { networkStroke, SECOND_DASH, type NetworkSeries } from './series.ts';

export interface NormPoint {
  readonly layer: number;
  readonly norm: number;
}

/** Layer l (1-based) and its gradient norm, zeros lifted to the floor of the log axis. */
export function normPoints(norms: readonly number[]): NormPoint[] {
  return norms.map((norm, i) => ({ layer: i + 1, norm: Math.max(norm, NORM_FLOOR) }));
}

/**
 * ‖∂loss/∂(W_l, b_l)‖ against the layer l on a log axis, one colour per network; an optional second
 * set per network (e.g. at step 0) dotted. The last layer is the output layer.
 */
export function normSpec(
  series: readonly NetworkSeries<readonly number[]>[],
  earlier: readonly NetworkSeries<readonly number[]>[] = [],
): PlotOptions {
  const all = [...series, ...earlier].flatMap((s) => normPoints(s.data));
  const lo = Math.min(1e-4, ...all.map((p) => p.norm));
  const hi = Math.max(1, ...all.map((p) => p.norm));
  const layers = Math.max(1, ...series.map((s) => s.data.length));
  const marks = [
    ...earlier.map((s, i) =>
      line(normPoints(s.data), {
        x: 'layer',
        y: 'norm',
        stroke: networkStroke(i),
        strokeDasharray: SECOND_DASH,
        strokeOpacity: 0.8,
      }),
    ),
    ...series.flatMap((s, i) => {
      const points = normPoints(s.data);
      return [
        line(points, { x: 'layer', y: 'norm', stroke: networkStroke(i), strokeWidth: 2 }),
        dot(points, { x: 'layer', y: 'norm', fill: networkStroke(i), r: 3, symbol: i === 0 ? 'circle' : 'square' }),
      ];
    }),
  ];
  return {
    ...chartFrame,
    marginLeft: 52,
    x: layerAxis('layer (last = output)', layers),
    y: { type: 'log', label: 'gradient norm', domain: [lo / 2, hi * 2], grid: true },
    marks: [ruleY([NORM_FLOOR], { strokeOpacity: 0.2 }), ...marks],
  };
}
