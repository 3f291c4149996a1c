/**
 * Series colours and dash patterns. Colours are CSS variables (defined in plot-widget.css for the
 * light and dark themes from the Okabe–Ito palette, which stays distinguishable for the common
 * colour-vision deficiencies); every series also has its own dash pattern so no reading depends on colour.
 */

/** g: solid, Okabe–Ito blue (sky blue in the dark theme). */
export const G_STROKE = 'var(--plot-g)';
/** g′: dashed, Okabe–Ito vermillion (orange in the dark theme). */
export const DG_STROKE = 'var(--plot-dg)';
export const DG_DASH = '7 4';
/** Shading for the zones where |g′| < ε. */
export const ZONE_FILL = 'var(--plot-zone)';
export const MUTED = 'var(--plot-muted)';

/** Colours for overlaid series (Compare, Dead units), in order. */
export const SERIES_STROKES = [
  'var(--series-1)',
  'var(--series-2)',
  'var(--series-3)',
  'var(--series-4)',
  'var(--series-5)',
  'var(--series-6)',
] as const;

/** Dash patterns for overlaid series, in order (`none` is solid). */
// Series 3 (dots) and 5 (dash-dot-dot) differ in kind, not only in spacing: SiLU and Mish, drawn
// together in Compare, were hard to tell apart as two dotted lines.
export const SERIES_DASHES = ['none', '7 4', '2 3', '10 3 2 3', '6 2 1.5 2 1.5 2', '12 6'] as const;

/** Colour and dash of the i-th overlaid series (cycles). */
export function seriesStyle(i: number): { stroke: string; dash: string } {
  const n = SERIES_STROKES.length;
  const k = ((i % n) + n) % n;
  return { stroke: SERIES_STROKES[k] ?? 'currentColor', dash: SERIES_DASHES[k] ?? 'none' };
}
