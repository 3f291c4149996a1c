/**
 * A re-plot of the activation plot without handing Plot the 2 × 400 sampled points. The spec's x and
 * y domains are explicit (the range, and the y domain picked from the samples), so Plot's scales do
 * not depend on the curves' data: Plot renders the frame, the axes and the two line marks from a
 * two-point stand-in of each curve (so their `<g>` and styling are Plot's own), and the paths' `d`
 * is then written from all the samples through the scales Plot computed. Measured (scripts/bench-plot.ts):
 * Plot's channel processing and line rendering of the samples were most of a re-plot's script time.
 * The result is the same markup as Plot's full render (test/plots/curve-paths.test.ts).
 */
import type { Curve } from '../../../src/math/index.ts';
import type { PlotOptions } from '../plot-marks.ts';
import {
  activationBaseSpec,
  type ActivationCurveData,
  type ActivationPlotState,
} from '../specs/activation-plot-spec.ts';
import type { PlotSvg } from './runtime.ts';

/** Plot's line mark writes its path with d3-path's `pathRound(3)`: coordinates rounded to 3 decimals. */
const ROUND = 1000;

/** `M x0,y0 L x1,y1 …` through the scales, rounded as Plot's line mark rounds (finite points only). */
export function linePath(
  zs: ArrayLike<number>,
  ys: ArrayLike<number>,
  x: (v: number) => number,
  y: (v: number) => number,
): string {
  let d = '';
  for (let i = 0; i < zs.length; i++) {
    const px = Math.round(x(zs[i] as number) * ROUND) / ROUND;
    const py = Math.round(y(ys[i] as number) * ROUND) / ROUND;
    d += `${i === 0 ? 'M' : 'L'}${px},${py}`;
  }
  return d;
}

/** True when every sample is finite (Plot breaks a line at a non-finite point; this path does not). */
function allFinite(curve: Curve): boolean {
  for (let i = 0; i < curve.z.length; i++) {
    if (!Number.isFinite(curve.g[i]) || !Number.isFinite(curve.dg[i]) || !Number.isFinite(curve.z[i])) return false;
  }
  return true;
}

/** What to draw: the Plot options, and what to do to Plot's SVG before it goes on the page. */
export interface CurveDrawing {
  readonly options: PlotOptions;
  readonly finish: (svg: PlotSvg) => void;
}

/**
 * The base spec with two-point stand-ins for the curves, and a `finish` that writes the full paths
 * (g′ first, then g: the marks' order in `activationBaseSpec`). Falls back to the full spec (and a
 * no-op `finish`) when a sample is not finite or the curves are shorter than two points.
 */
export function activationCurveDrawing(state: ActivationPlotState, data: ActivationCurveData): CurveDrawing {
  const { curve } = data;
  if (curve.z.length < 2 || !allFinite(curve)) return { options: activationBaseSpec(state, data), finish: () => {} };
  const stub: Curve = { z: curve.z.subarray(0, 2), g: curve.g.subarray(0, 2), dg: curve.dg.subarray(0, 2) };
  return {
    options: activationBaseSpec(state, { ...data, curve: stub }),
    finish(svg) {
      const sx = svg.scale('x');
      const sy = svg.scale('y');
      const paths = svg.querySelectorAll('g[aria-label="line"] > path');
      if (sx?.apply === undefined || sy?.apply === undefined || paths.length !== 2) {
        throw new Error(`activation plot: expected Plot's x and y scales and 2 line paths, got ${paths.length} paths`);
      }
      const x = (v: number): number => sx.apply(v) as number;
      const y = (v: number): number => sy.apply(v) as number;
      paths[0]?.setAttribute('d', linePath(curve.z, curve.dg, x, y));
      paths[1]?.setAttribute('d', linePath(curve.z, curve.g, x, y));
    },
  };
}
