import { formatNumber } from './format.ts';
import type { ParamControl } from './specs/param-controls.ts';
import type { Params } from '../../src/math/index.ts';

/**
 * The parameter sliders as HTML, shared by the server render and the client (which rebuilds them
 * when the explorer switches activation). Each is a labelled range input with a live `<output>`.
 */
export function paramSlidersHtml(idPrefix: string, controls: readonly ParamControl[], params: Params): string {
  return controls
    .map((c) => {
      const id = `${idPrefix}-${c.name}`;
      const value = params[c.name] ?? c.default;
      return `<label for="${id}" title="${c.description.replace(/"/g, '&quot;')}">${c.letter}<input id="${id}" type="range" name="${c.name}" data-param min="${String(c.min)}" max="${String(c.max)}" step="${String(c.step)}" value="${String(value)}" aria-valuetext="${c.letter} = ${formatNumber(value)}"><output for="${id}">${formatNumber(value)}</output></label>`;
    })
    .join('');
}
