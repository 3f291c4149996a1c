/**
 * Shared browser helpers for the interactive chunks: draw a spec, coalesce redraws to one per frame,
 * mirror state into the URL and announce it to present mode, find controls.
 */
import { plot, type PlotOptions } from '../plot-marks.ts';
import { writeQuery } from '../specs/query.ts';
import { hideFromAssistiveTech } from '../a11y.ts';
import { morphSvg } from './morph-svg.ts';

/** Plot's returned SVG, with its scales. */
export type PlotSvg = ReturnType<typeof plot>;

/** Marks what a widget adds on top of Plot's picture (see point-overlay.ts): a redraw drops it, the widget adds it again. */
export const OVERLAY_ATTRIBUTE = 'data-overlay';

/** The SVGs this page drew itself (not the build's first pictures). */
const drawnHere = new WeakSet<Element>();

/**
 * Render `options` with Plot and show it in the area. When the area holds the previous render, that
 * SVG is morphed into the new one rather than replaced, and carries the new render's scales: the
 * returned element is the one on the page. The build's first picture is replaced whole (measured:
 * morphing it, whose markup differs from the browser's render throughout, costs the page's load
 * more main-thread time than replacing it). `prepare` may change Plot's SVG before it goes on the page
 * (the activation plot writes its curves' paths there, see curve-paths.ts).
 */
export function draw(area: Element, options: PlotOptions, prepare?: (svg: PlotSvg) => void): PlotSvg {
  const svg = plot(options);
  hideFromAssistiveTech(svg);
  prepare?.(svg);
  const live = area.firstElementChild;
  if (live === null || !drawnHere.has(live) || live !== area.lastElementChild || svg.localName !== 'svg') {
    area.replaceChildren(svg);
    drawnHere.add(svg);
    return svg;
  }
  for (const added of live.querySelectorAll(`:scope > [${OVERLAY_ATTRIBUTE}]`)) added.remove();
  morphSvg(live, svg);
  // Plot's figure methods (the scales the overlay and the pointer read) travel with the picture.
  return Object.assign(live, { scale: svg.scale.bind(svg), legend: svg.legend.bind(svg) }) as unknown as PlotSvg;
}

/** `render` at most once per animation frame, however many inputs arrive. */
export function perFrame(render: () => void): () => void {
  let queued = false;
  return () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      render();
    });
  };
}

/**
 * Mirror a widget's state into the query string (`?id.key=value`), debounced so dragging does not
 * flood the history API (browsers throttle replaceState).
 */
export function urlSync(id: string, delay = 250): (entries: Record<string, string>) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (entries) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const url = new URL(location.href);
      writeQuery(url.searchParams, id, entries);
      history.replaceState(history.state, '', url);
    }, delay);
  };
}

/** How a widget hands its state on: see `widgetSync`. */
export interface WidgetSync {
  /** The reader changed the widget: mirror to the URL and announce `widget-state`. */
  readonly publish: (entries: Record<string, string>) => void;
  /** A state arrived from the other window: mirror to the URL only, announce nothing. */
  readonly mirror: (entries: Record<string, string>) => void;
}

/**
 * A widget's outward state. The reader's changes are mirrored into the URL (debounced) and announced
 * at once as `widget-state` (bubbling, `detail: { id, state }`), which present mode relays to the
 * other window; a state applied from the other window is only mirrored, so that two windows never
 * echo a change back and forth. One URL writer for both, so the URL ends with the latest state.
 */
export function widgetSync(root: HTMLElement, delay = 250): WidgetSync {
  const syncUrl = urlSync(root.id, delay);
  return {
    publish: (entries) => {
      syncUrl(entries);
      const detail = { id: root.id, state: { ...entries } };
      root.dispatchEvent(new CustomEvent('widget-state', { bubbles: true, detail }));
    },
    mirror: syncUrl,
  };
}

/** The first element matching `selector` inside `root`; throws when the server markup lacks it. */
export function find<T extends Element>(root: ParentNode, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (found === null) throw new Error(`plot widget: missing ${selector}`);
  return found;
}

/** Set an `<output>` (or any element) text by `data-out` name. */
export function setOut(root: ParentNode, name: string, text: string): void {
  const el = root.querySelector(`[data-out="${name}"]`);
  if (el !== null) el.textContent = text;
}

/** An `<input>` by name in root (range, checkbox, radio), or null. */
export function input(root: ParentNode, name: string): HTMLInputElement | null {
  return root.querySelector<HTMLInputElement>(`input[name="${name}"]`);
}

/** Enable the widget's controls (they are disabled in the static HTML, where they could do nothing). */
export function enableControls(root: ParentNode): void {
  for (const fieldset of root.querySelectorAll('fieldset[disabled]')) fieldset.removeAttribute('disabled');
}

/** Round to 2 significant digits for a log-scale slider value. */
export function fromLogSlider(value: number): number {
  return Number((10 ** value).toPrecision(2));
}
