import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { activations } from '../../src/math/index.ts';
import { renderSvg } from '../../components/plots/render-svg.ts';
import {
  activationPlotData,
  activationPlotSpec,
  CURVE_POINTS,
  tangentSegment,
  type ActivationPlotState,
} from '../../components/plots/specs/activation-plot-spec.ts';
import { comparePlotSpec } from '../../components/plots/specs/compare-plot-spec.ts';
import { deadUnitsSpec } from '../../components/plots/specs/dead-units-spec.ts';
import { depthFlowSpec } from '../../components/plots/specs/depth-flow-spec.ts';
import { relativeError } from '../support/float.ts';

const sigmoidState: ActivationPlotState = { activation: 'sigmoid', params: {}, z: 2, epsilon: 0.01, range: 8 };

function parse(svg: string): Document {
  return parseHTML(`<!doctype html><html><body>${svg}</body></html>`).document;
}

/** Vertices of an SVG path `M x,y L x,y …` (Plot writes lines this way). */
function vertices(d: string): [number, number][] {
  return d
    .slice(1)
    .split('L')
    .map((p) => p.split(',').map(Number) as [number, number]);
}

describe('chart specs render to SVG (fixed specs, snapshots)', () => {
  it.each([
    ['activation-sigmoid', () => activationPlotSpec(sigmoidState)],
    [
      'activation-leaky-relu',
      () => activationPlotSpec({ activation: 'leaky-relu', params: { alpha: 0.1 }, z: -1, epsilon: 0.05, range: 4 }),
    ],
    [
      'compare-derivatives',
      () => comparePlotSpec({ ids: ['sigmoid', 'tanh', 'relu', 'silu'], curve: 'derivative', range: 6 }),
    ],
    ['depth-sigmoid-seeded', () => depthFlowSpec({ activation: 'sigmoid', weight: 1, mean: 0, spread: 1, layers: 10 })],
    ['dead-units', () => deadUnitsSpec({ bias: -0.5, spread: 1, epsilon: 0 })],
  ])('%s', async (name, spec) => {
    const svg = renderSvg(spec());
    expect(svg.startsWith('<svg')).toBe(true);
    // Pure and seeded: the same spec renders the same bytes twice.
    expect(renderSvg(spec())).toBe(svg);
    await expect(svg.replace(/></g, '>\n<')).toMatchFileSnapshot(`__snapshots__/${name}.svg`);
  });
});

describe('activation plot geometry', () => {
  const doc = parse(renderSvg(activationPlotSpec(sigmoidState)));
  const lines = [...doc.querySelectorAll('g[aria-label="line"] path')].map((p) => vertices(p.getAttribute('d') ?? ''));

  it('draws g′ and g with 400 points each, then the tangent', () => {
    expect(lines.map((l) => l.length)).toEqual([CURVE_POINTS, CURVE_POINTS, 2]);
  });

  it('puts the point on g and the tangent through it with slope g′(z)', () => {
    const circle = doc.querySelector('g.plot-point-g circle');
    const pointG = [Number(circle?.getAttribute('cx')), Number(circle?.getAttribute('cy'))] as const;
    const [a, b] = lines[2] as [[number, number], [number, number]];
    // Pixel space: the tangent passes through the point (collinear within rounding of Plot's 3 decimals).
    const cross = (b[0] - a[0]) * (pointG[1] - a[1]) - (b[1] - a[1]) * (pointG[0] - a[0]);
    expect(Math.abs(cross) / Math.hypot(b[0] - a[0], b[1] - a[1])).toBeLessThan(0.01);
    // Data space: slope = σ'(2), from the spec's own data.
    const { yDomain } = activationPlotData(sigmoidState);
    const g = activations.sigmoid.value(2);
    const dg = activations.sigmoid.derivative(2);
    const [[x0, y0] = [NaN, NaN], [x1, y1] = [NaN, NaN]] = tangentSegment(2, g, dg, [-8, 8], yDomain);
    expect(relativeError((y1 - y0) / (x1 - x0), dg)).toBeLessThan(1e-12);
    // Cut to the frame: it ends on the top edge of the y domain, inside the x domain.
    expect(relativeError(y1, yDomain[1])).toBeLessThan(1e-12);
    expect(x1).toBeLessThan(8);
  });

  it('shades one rect per low-gradient zone', () => {
    const { zones } = activationPlotData(sigmoidState);
    expect(zones).toHaveLength(2);
    expect(doc.querySelectorAll('g[aria-label="rect"] rect')).toHaveLength(2);
    const { zones: none } = activationPlotData({ ...sigmoidState, activation: 'leaky-relu' });
    expect(none).toHaveLength(0);
  });

  it('uses theme variables, not fixed colours, for the curves', () => {
    const strokes = [...doc.querySelectorAll('g[aria-label="line"]')].map((g) => g.getAttribute('stroke'));
    expect(strokes.slice(0, 2)).toEqual(['var(--plot-dg)', 'var(--plot-g)']);
  });
});

describe('compare plot', () => {
  it('gives every series a different dash pattern (readable without colour)', () => {
    const doc = parse(
      renderSvg(comparePlotSpec({ ids: ['sigmoid', 'tanh', 'relu', 'silu', 'gelu', 'elu'], curve: 'g', range: 4 })),
    );
    const dashes = [...doc.querySelectorAll('g[aria-label="line"]')].map(
      (g) => g.getAttribute('stroke-dasharray') ?? 'none',
    );
    expect(new Set(dashes).size).toBe(6);
  });
});
