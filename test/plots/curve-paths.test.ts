import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { activationCurveDrawing, linePath } from '../../components/plots/client/curve-paths.ts';
import { hideFromAssistiveTech } from '../../components/plots/a11y.ts';
import { plot } from '../../components/plots/plot-marks.ts';
import { renderSvg } from '../../components/plots/render-svg.ts';
import {
  activationBaseSpec,
  activationCurveData,
  type ActivationPlotState,
} from '../../components/plots/specs/activation-plot-spec.ts';

const base: ActivationPlotState = { activation: 'sigmoid', params: {}, z: 1, epsilon: 0.01, range: 8 };

/** What the widget puts on the page: Plot's render of the stand-in spec, finished with the full paths. */
function drawn(state: ActivationPlotState): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const drawing = activationCurveDrawing(state, activationCurveData(state));
  const svg = plot({ ...drawing.options, document });
  hideFromAssistiveTech(svg);
  drawing.finish(svg);
  return svg.outerHTML;
}

describe('activationCurveDrawing', () => {
  it.each([
    ['sigmoid on ±8', base],
    ['a narrow range', { ...base, range: 1.3 }],
    ['the widest range', { ...base, activation: 'gelu-tanh' as const, range: 20 }],
    ['ELU with α', { ...base, activation: 'elu' as const, params: { alpha: 1.7 }, range: 3.7 }],
    ['leaky ReLU (a kink)', { ...base, activation: 'leaky-relu' as const, params: { alpha: 0.3 }, range: 5 }],
    ['tanh', { ...base, activation: 'tanh' as const, range: 13.3 }],
  ])('draws exactly what Plot draws from all the samples: %s', (_, state) => {
    const full = renderSvg(activationBaseSpec(state, activationCurveData(state)));
    const fast = drawn(state);
    expect(fast).toBe(full);
    // Each curve has all of its samples (400, or more where a kink is added to the grid).
    const { document } = parseHTML(`<!doctype html><html><body>${fast}</body></html>`);
    const lines = [...document.querySelectorAll('g[aria-label="line"] > path')];
    const points = lines.map((p) => (p.getAttribute('d') ?? '').split('L').length);
    expect(points.length).toBe(2);
    for (const n of points) expect(n).toBe(activationCurveData(state).curve.z.length);
  });

  it('falls back to the full spec when a sample is not finite', () => {
    const data = activationCurveData(base);
    const g = Float64Array.from(data.curve.g);
    g[7] = NaN;
    const broken = { ...data, curve: { ...data.curve, g } };
    const drawing = activationCurveDrawing(base, broken);
    expect(drawing.options).toEqual(activationBaseSpec(base, broken));
  });
});

describe('linePath', () => {
  it('rounds to 3 decimals as Plot’s line mark does', () => {
    expect(
      linePath(
        [0, 1],
        [0.12345, 2],
        (v) => v * 10 + 0.00049,
        (v) => -v,
      ),
    ).toBe('M0,-0.123L10,-2');
  });
});
