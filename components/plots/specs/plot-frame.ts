/**
 * The frame every plot shares: its size, the type size of its labels and the margins that hold them.
 * The label size is a CSS variable, so one SVG (server-rendered or drawn by the client) suits a page
 * (13 px, the default) and a slide (PresentDeck sets `--plot-font-size`, so that labels on a projector
 * are ≥ 24 px at 720p). The margins leave room for tick labels up to about 22 px; axis labels sit centred
 * below the x ticks (and above the y axis), so they never run into the last tick label.
 */
export const PLOT_WIDTH = 640;
export const PLOT_HEIGHT = 360;

export const plotFrame = {
  width: PLOT_WIDTH,
  height: PLOT_HEIGHT,
  marginTop: 32,
  marginRight: 24,
  marginBottom: 58,
  marginLeft: 60,
  style: { fontSize: 'var(--plot-font-size, 13px)' },
} as const;

/** x-axis options: the label centred under the tick labels, an arrow pointing the way values grow. */
export function xAxis(label: string): {
  label: string;
  labelAnchor: 'center';
  labelOffset: number;
  labelArrow: 'right';
} {
  return { label, labelAnchor: 'center', labelOffset: 50, labelArrow: 'right' };
}
