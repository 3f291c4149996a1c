/**
 * Scaling, as pure arithmetic. Slides are laid out on a fixed logical stage (1600 × 900, 16:9) and
 * the whole stage is scaled to the window (letterboxed), so a slide looks the same on a laptop and on
 * a projector. A section too long for the stage is scaled down (and laid out wider, so it reflows)
 * until it fits: nothing is cut.
 */

/** The logical stage, 16:9. Type sizes in the deck's CSS are in these pixels. */
export const stageWidth = 1600;
export const stageHeight = 900;

/** The stage placed in a box: a uniform scale and the offsets that centre it (letterbox or pillarbox). */
export interface Letterbox {
  readonly scale: number;
  readonly x: number;
  readonly y: number;
}

/** Scale a `width × height` stage to fill `boxWidth × boxHeight` without cropping, centred. */
export function letterbox(boxWidth: number, boxHeight: number, width = stageWidth, height = stageHeight): Letterbox {
  if (!(boxWidth > 0) || !(boxHeight > 0)) return { scale: 1, x: 0, y: 0 };
  const scale = Math.min(boxWidth / width, boxHeight / height);
  return { scale, x: (boxWidth - width * scale) / 2, y: (boxHeight - height * scale) / 2 };
}

/** The content's size when laid out in a box `layoutWidth` wide (what the browser measures). */
export type MeasureAt = (layoutWidth: number) => { readonly width: number; readonly height: number };

export interface FitOptions {
  /** The room for content on the stage, in stage pixels. */
  readonly width: number;
  readonly height: number;
  /** Never scale below this (default 0.3): past it the text is unreadable anyway, and the rest scrolls in print. */
  readonly minScale?: number;
  /** Bisection steps (default 10: the scale is then within (1 − min)/1024 of the best). */
  readonly steps?: number;
}

/**
 * The largest scale s ≤ 1 at which the content, laid out `width / s` wide and then scaled by s, fits
 * in `width × height`. Laying out wider lets paragraphs reflow, so s is usually much larger than
 * height / naturalHeight. Fitting is monotone (a wider layout is never taller), so bisection finds it.
 */
export function fitScale(measure: MeasureAt, options: FitOptions): number {
  const { width, height, minScale = 0.3, steps = 10 } = options;
  const fits = (s: number): boolean => {
    const size = measure(width / s);
    // 1 px of slack absorbs sub-pixel rounding in the browser's measurements.
    return size.height * s <= height + 1 && size.width * s <= width + 1;
  };
  if (fits(1)) return 1;
  if (!fits(minScale)) return minScale;
  let lo = minScale; // fits
  let hi = 1; // does not fit
  for (let i = 0; i < steps; i++) {
    const mid = (lo + hi) / 2;
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}
