/** Every playground chart has the same frame, so four fit a 2 × 2 grid on a projector and stack on a phone. */
export const CHART_WIDTH = 420;
export const CHART_HEIGHT = 210;
export const CHART_STYLE = { fontSize: '12px' } as const;
/** A zero gradient norm has no place on a log axis: it is drawn on this floor (and said in the text). */
export const NORM_FLOOR = 1e-12;
