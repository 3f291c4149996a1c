import { parseHTML } from 'linkedom';
import { plot, type PlotOptions } from './plot-marks.ts';
import { hideFromAssistiveTech } from './a11y.ts';

/**
 * Render Plot options to an SVG string at build time (linkedom stands in for the browser's document),
 * so the first picture is in the HTML: it reads with JavaScript off, in print and in search.
 */
export function renderSvg(options: PlotOptions): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const svg = plot({ ...options, document });
  hideFromAssistiveTech(svg);
  return svg.outerHTML;
}
