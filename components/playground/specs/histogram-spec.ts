import { rect, ruleX, type PlotOptions } from '../../plots/plot-marks.ts';
import { HIST_BINS, HIST_HI, HIST_LO } from '../session.ts';
import { CHART_STYLE, CHART_WIDTH } from './chart-size.ts';
import { networkStroke } from './series.ts';

export interface HistogramBar {
  readonly layer: string;
  readonly x1: number;
  readonly x2: number;
  /** Share of the layer's (unit, input) pairs in this bin. */
  readonly share: number;
}

/** Bars of one network's g′ histograms, one row per hidden layer. */
export function histogramBars(histograms: readonly (readonly number[])[]): HistogramBar[] {
  const width = (HIST_HI - HIST_LO) / HIST_BINS;
  return histograms.flatMap((counts, l) => {
    const total = counts.reduce((a, b) => a + b, 0) || 1;
    return counts.map((c, b) => ({
      layer: `layer ${l + 1}`,
      x1: HIST_LO + b * width,
      x2: HIST_LO + (b + 1) * width,
      share: c / total,
    }));
  });
}

/** Small multiples: the distribution of g′(z) over units and training inputs, per hidden layer; rules at 0 and 1. */
export function histogramSpec(histograms: readonly (readonly number[])[], network = 0): PlotOptions {
  const layers = histograms.length;
  return {
    width: CHART_WIDTH,
    height: 28 + 34 * Math.max(1, layers),
    marginLeft: 56,
    marginRight: 12,
    style: CHART_STYLE,
    x: { label: 'g′(z)', domain: [HIST_LO, HIST_HI] },
    y: { axis: null, domain: [0, 1] },
    fy: { label: null, domain: Array.from({ length: layers }, (_, l) => `layer ${l + 1}`) },
    marks: [
      ruleX([0, 1], { strokeOpacity: 0.25 }),
      rect(histogramBars(histograms), {
        x1: 'x1',
        x2: 'x2',
        y1: 0,
        // √share, so a small but non-empty bin stays visible beside a spike.
        y2: (d: HistogramBar) => Math.sqrt(d.share),
        fy: 'layer',
        fill: networkStroke(network),
        inset: 0.5,
      }),
    ],
  };
}
