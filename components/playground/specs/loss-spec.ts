import { line, ruleY, type PlotOptions } from '../../plots/plot-marks.ts';
import type { LossPoint } from '../trace.ts';
import { chartFrame } from './chart-size.ts';
import { networkStroke, TEST_DASH, type NetworkSeries } from './series.ts';

/** The loss at chance level for bce: log 2, what a network that always says ½ scores. */
const CHANCE = Math.LN2;

/**
 * Train loss (solid) and test loss (dashed) against the step, one colour per network; a faint rule
 * at log 2 for classification (a coin toss).
 */
export function lossSpec(series: readonly NetworkSeries<readonly LossPoint[]>[], classification: boolean): PlotOptions {
  const marks = series.flatMap((s, i) => [
    line(s.data, { x: 'step', y: 'train', stroke: networkStroke(i), strokeWidth: 2 }),
    line(s.data, { x: 'step', y: 'test', stroke: networkStroke(i), strokeWidth: 2, strokeDasharray: TEST_DASH }),
  ]);
  let top = classification ? 0.8 : 0.1;
  for (const s of series) for (const p of s.data) top = Math.max(top, Math.min(p.train, 5), Math.min(p.test, 5));
  const last = Math.max(10, ...series.map((s) => s.data.at(-1)?.step ?? 0));
  return {
    ...chartFrame,
    marginLeft: 44,
    x: { label: 'step', domain: [0, last] },
    y: { label: 'loss', domain: [0, top * 1.05], grid: true },
    marks: [...(classification ? [ruleY([CHANCE], { strokeOpacity: 0.35, strokeDasharray: '1 3' })] : []), ...marks],
  };
}
