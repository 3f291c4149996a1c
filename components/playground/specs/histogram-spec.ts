import { rect, ruleX, ruleY, type PlotOptions } from '../../plots/plot-marks.ts';
import { HIST_BINS, HIST_HI, HIST_LO } from '../session.ts';
import { chartFrame } from './chart-size.ts';
import { networkStroke } from './series.ts';

export interface HistogramBar {
  /** Hidden layer, 0-based; the row of the chart. */
  readonly layer: number;
  readonly x1: number;
  readonly x2: number;
  /** Share of the layer's (unit, input) pairs in this bin. */
  readonly share: number;
}

/** Bars of one network's g′ histograms, one row per hidden layer (empty bins left out). */
export function histogramBars(histograms: readonly (readonly number[])[]): HistogramBar[] {
  const width = (HIST_HI - HIST_LO) / HIST_BINS;
  return histograms.flatMap((counts, l) => {
    const total = counts.reduce((a, b) => a + b, 0) || 1;
    return counts.flatMap((c, b) =>
      c === 0 ? [] : [{ layer: l, x1: HIST_LO + b * width, x2: HIST_LO + (b + 1) * width, share: c / total }],
    );
  });
}

/** Row height as a share of one layer's band: the tallest bar leaves a gap to the next row. */
const ROW = 0.85;

/**
 * The distribution of g′(z) over units and training inputs, one row per hidden layer (layer 1 on
 * top), rules at g′ = 0 and 1. One mark on a shared y scale rather than facets: the chart is redrawn
 * every frame while training, and facets cost a Plot render per row.
 */
export function histogramSpec(histograms: readonly (readonly number[])[], network = 0): PlotOptions {
  const layers = Math.max(1, histograms.length);
  return {
    ...chartFrame,
    height: 34 + 30 * layers,
    marginLeft: 56,
    x: { label: 'g′(z)', domain: [HIST_LO, HIST_HI] },
    y: {
      label: null,
      domain: [layers, 0],
      ticks: Array.from({ length: layers }, (_, l) => l + 0.5),
      tickFormat: (t: number) => `layer ${Math.floor(t) + 1}`,
      tickSize: 0,
    },
    marks: [
      ruleX([0, 1], { strokeOpacity: 0.25 }),
      ruleY(
        Array.from({ length: layers }, (_, l) => l + 1),
        { strokeOpacity: 0.15 },
      ),
      rect(histogramBars(histograms), {
        x1: 'x1',
        x2: 'x2',
        y1: (d: HistogramBar) => d.layer + 1,
        // √share, so a small but non-empty bin stays visible beside a spike.
        y2: (d: HistogramBar) => d.layer + 1 - ROW * Math.sqrt(d.share),
        fill: networkStroke(network),
        inset: 0.5,
      }),
    ],
  };
}
