import { dot, line, type PlotOptions } from '../../plots/plot-marks.ts';
import { chartFrame, layerAxis } from './chart-size.ts';
import { networkStroke, SECOND_DASH, type NetworkSeries } from './series.ts';

export interface UnitFractions {
  readonly dead: readonly number[];
  readonly saturated: readonly number[];
}

/** Dead (solid, dots) and saturated (dotted) fraction of units per hidden layer, one colour per network. */
export function unitsSpec(series: readonly NetworkSeries<UnitFractions>[]): PlotOptions {
  const layers = Math.max(1, ...series.map((s) => s.data.dead.length));
  const marks = series.flatMap((s, i) => {
    const dead = s.data.dead.map((f, l) => ({ layer: l + 1, f }));
    const saturated = s.data.saturated.map((f, l) => ({ layer: l + 1, f }));
    return [
      line(saturated, { x: 'layer', y: 'f', stroke: networkStroke(i), strokeDasharray: SECOND_DASH, strokeWidth: 1.5 }),
      line(dead, { x: 'layer', y: 'f', stroke: networkStroke(i), strokeWidth: 2 }),
      dot(dead, { x: 'layer', y: 'f', fill: networkStroke(i), r: 3, symbol: i === 0 ? 'circle' : 'square' }),
    ];
  });
  return {
    ...chartFrame,
    marginLeft: 44,
    x: layerAxis('hidden layer', layers),
    y: { label: 'share of units', domain: [0, 1], tickFormat: '.0%', grid: true },
    marks,
  };
}
