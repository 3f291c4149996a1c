/**
 * Speaker notes must be read at a glance, not scrolled: the notes take the largest type size (in
 * whole px, from `max` down to `min`) at which they fit their pane. Only below `min` does the pane
 * scroll, the last resort for a note far longer than a slide's worth of speech.
 */
export interface FitTextOptions {
  /** The pane whose height the text must fit (it scrolls when even `min` does not fit). */
  readonly pane: HTMLElement;
  /** Largest and smallest type size, in CSS px. */
  readonly max: number;
  readonly min: number;
}

/** Sets `text`'s font size to the largest that fits `pane`, and returns it. */
export function fitText(text: HTMLElement, { pane, max, min }: FitTextOptions): number {
  const fits = (): boolean => pane.scrollHeight <= pane.clientHeight + 1;
  let size = max;
  text.style.fontSize = `${String(size)}px`;
  // Bisection over whole pixels: a handful of layouts, however long the note.
  if (!fits()) {
    let lo = min;
    let hi = max;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      text.style.fontSize = `${String(mid)}px`;
      if (fits()) lo = mid;
      else hi = mid;
    }
    size = lo;
    text.style.fontSize = `${String(size)}px`;
  }
  return size;
}
