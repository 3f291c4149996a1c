import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { morphSvg } from '../../components/plots/client/morph-svg.ts';
import { renderSvg } from '../../components/plots/render-svg.ts';
import {
  activationBaseSpec,
  activationCurveData,
  activationPlotSpec,
  type ActivationPlotState,
} from '../../components/plots/specs/activation-plot-spec.ts';

const sigmoid: ActivationPlotState = { activation: 'sigmoid', params: {}, z: 2, epsilon: 0.01, range: 8 };

/** A document holding `live` in a <div>, and `next` parsed on its own. */
function pair(live: string, next: string): { area: Element; next: Element } {
  const { document } = parseHTML(`<!doctype html><html><body><div>${live}</div><div>${next}</div></body></html>`);
  const [a, b] = [...document.querySelectorAll('body > div')];
  return { area: a!, next: b!.firstElementChild! };
}

describe('morphSvg', () => {
  it.each([
    ['a new range', { ...sigmoid, range: 4 }],
    ['another activation', { ...sigmoid, activation: 'elu' as const, params: { alpha: 1 } }],
    ['a new parameter', { ...sigmoid, activation: 'leaky-relu' as const, params: { alpha: 0.3 } }],
  ])('turns the previous picture into the one Plot draws for %s', (_, state) => {
    const before = renderSvg(activationBaseSpec(sigmoid, activationCurveData(sigmoid)));
    const after = renderSvg(activationBaseSpec(state, activationCurveData(state)));
    expect(before).not.toBe(after);
    const { area, next } = pair(before, after);
    const live = area.firstElementChild!;
    morphSvg(live, next);
    expect(area.firstElementChild).toBe(live);
    expect(live.outerHTML).toBe(after);
  });

  it('keeps the nodes that did not change (the stylesheet, an axis that did not move)', () => {
    // Same range, new ε: the whole-picture spec differs only in the zones and the point.
    const before = renderSvg(activationPlotSpec(sigmoid));
    const after = renderSvg(activationPlotSpec({ ...sigmoid, z: -1 }));
    const { area, next } = pair(before, after);
    const live = area.firstElementChild!;
    const style = live.querySelector('style');
    const xAxis = live.querySelector('[aria-label="x-axis tick"]');
    morphSvg(live, next);
    expect(live.outerHTML).toBe(after);
    expect(live.querySelector('style')).toBe(style);
    expect(live.querySelector('[aria-label="x-axis tick"]')).toBe(xAxis);
  });

  it('removes attributes and children the new picture lacks, and adds the ones it has', () => {
    const { area, next } = pair(
      '<svg width="1" data-old="x"><g><text>a</text><text>b</text></g></svg>',
      '<svg width="2"><g class="c"><text>a</text></g><g></g></svg>',
    );
    const live = area.firstElementChild!;
    const expected = next.outerHTML;
    morphSvg(live, next);
    expect(live.outerHTML).toBe(expected);
    expect(live.querySelectorAll('text')).toHaveLength(1);
    expect(live.hasAttribute('data-old')).toBe(false);
  });
});
