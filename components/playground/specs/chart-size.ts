/** Every playground chart has the same frame, so four fit a 2 × 2 grid on a projector and stack on a phone. */
const CHART_WIDTH = 420;
const CHART_HEIGHT = 210;

/** The frame the playground's charts share; each adds the left margin its tick labels need. */
export const chartFrame = {
  width: CHART_WIDTH,
  height: CHART_HEIGHT,
  marginRight: 12,
  style: { fontSize: '12px' },
} as const;

/** An x axis of layers 1…n, one tick each, centred in its slot. */
export function layerAxis(
  label: string,
  layers: number,
): {
  label: string;
  domain: [number, number];
  ticks: number[];
  tickFormat: 'd';
} {
  return {
    label,
    domain: [0.5, layers + 0.5],
    ticks: Array.from({ length: layers }, (_, i) => i + 1),
    tickFormat: 'd',
  };
}

/** A zero gradient norm has no place on a log axis: it is drawn on this floor (and said in the text). */
export const NORM_FLOOR = 1e-12;
