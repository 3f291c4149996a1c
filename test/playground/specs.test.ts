import { describe, expect, it } from 'vitest';
import { describeMetrics } from '../../components/playground/describe.ts';
import { layerRowsHtml } from '../../components/playground/layer-table.ts';
import { DEFAULT_CONFIG } from '../../components/playground/playground-config.ts';
import type { Metrics } from '../../components/playground/session.ts';
import { HIST_BINS } from '../../components/playground/session.ts';
import { NORM_FLOOR } from '../../components/playground/specs/chart-size.ts';
import { histogramBars } from '../../components/playground/specs/histogram-spec.ts';
import { lossSpec } from '../../components/playground/specs/loss-spec.ts';
import { normPoints } from '../../components/playground/specs/norm-spec.ts';

const metrics: Metrics = {
  step: 12,
  trainLoss: 0.5,
  testLoss: 0.625,
  testAccuracy: 0.75,
  norms: [0, 1.5e-7, 0.02, 0.3],
  dead: [1, 0.5, 0],
  saturated: [1, 0.625, 0.125],
  histograms: [
    [...Array<number>(HIST_BINS - 1).fill(0), 10],
    [5, 5, ...Array<number>(HIST_BINS - 2).fill(0)],
    Array<number>(HIST_BINS).fill(1),
  ],
};

describe('playground chart data', () => {
  it('gradient norms: layers from 1, a zero drawn on the floor of the log axis', () => {
    expect(normPoints(metrics.norms)).toEqual([
      { layer: 1, norm: NORM_FLOOR },
      { layer: 2, norm: 1.5e-7 },
      { layer: 3, norm: 0.02 },
      { layer: 4, norm: 0.3 },
    ]);
  });

  it('histograms: each layer’s shares add up to 1, empty bins left out', () => {
    const bars = histogramBars(metrics.histograms);
    for (let l = 0; l < 3; l++) {
      const shares = bars.filter((b) => b.layer === l).map((b) => b.share);
      expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    }
    expect(bars.filter((b) => b.layer === 0)).toHaveLength(1);
    expect(bars.filter((b) => b.layer === 2)).toHaveLength(HIST_BINS);
  });

  it('loss chart: the y axis reaches above the largest loss, and the chance line is drawn for classification only', () => {
    const data = [
      { step: 0, train: 1.4, test: 1.5 },
      { step: 10, train: 0.2, test: 0.3 },
    ];
    const classification = lossSpec([{ label: 'a', data }], true);
    const regression = lossSpec([{ label: 'a', data }], false);
    expect((classification.y?.domain as number[])[1]).toBeGreaterThan(1.5);
    expect(classification.marks?.length).toBe((regression.marks?.length ?? 0) + 1);
  });

  it('the per-layer table carries the exact numbers it shows', () => {
    const html = layerRowsHtml({ ...DEFAULT_CONFIG, depth: 3 }, metrics, null);
    const norms = [...html.matchAll(/data-norm="([^"]+)"/g)].map((m) => Number(m[1]));
    const dead = [...html.matchAll(/data-dead="([^"]+)"/g)].map((m) => Number(m[1]));
    expect(norms).toEqual(metrics.norms);
    expect(dead).toEqual(metrics.dead);
    expect(html).toContain('<th scope="row">output</th>');
  });

  it('the description says when no gradient reaches the first layer', () => {
    const text = describeMetrics('ReLU, bias −2', metrics);
    expect(text).toContain('ReLU, bias −2 at step 12: train loss 0.5, test loss 0.625, test accuracy 75%');
    expect(text).toContain('no gradient reaches the first layer');
    expect(text).toContain('dead units per layer 100%, 50%, 0%');
  });
});
