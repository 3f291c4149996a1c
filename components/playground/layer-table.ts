/**
 * The per-layer table: activation, gradient norm, dead and saturated fraction, for one network or
 * two. Each number cell carries its exact value in `data-value`, so tests read what is shown
 * without parsing the formatted text. Shared by the server render and the widget.
 */
import { activations } from '../../src/math/index.ts';
import { formatNumber, formatPercent } from '../plots/format.ts';
import type { PlaygroundConfig } from './playground-config.ts';
import type { Metrics } from './session.ts';

function cell(kind: string, value: number, text: string): string {
  return `<td data-${kind}="${String(value)}">${text}</td>`;
}

function rowCells(m: Metrics, layer: number, name: string): string {
  const hidden = layer < m.dead.length;
  return (
    `<td>${name}</td>` +
    cell('norm', m.norms[layer] ?? NaN, formatNumber(m.norms[layer] ?? NaN)) +
    (hidden
      ? cell('dead', m.dead[layer] ?? NaN, formatPercent(m.dead[layer] ?? NaN)) +
        cell('saturated', m.saturated[layer] ?? NaN, formatPercent(m.saturated[layer] ?? NaN))
      : '<td>—</td><td>—</td>')
  );
}

/** `<tr>`s: one per hidden layer and one for the output layer. */
export function layerRowsHtml(config: PlaygroundConfig, a: Metrics, b: Metrics | null): string {
  const rows: string[] = [];
  for (let l = 0; l <= config.depth; l++) {
    const isOutput = l === config.depth;
    const name = (choice: PlaygroundConfig['compare'] & object): string =>
      isOutput
        ? config.dataset === 'regression'
          ? 'identity'
          : 'sigmoid'
        : activations[choice.activations[l] ?? 'relu'].name;
    const head = `<th scope="row">${isOutput ? 'output' : String(l + 1)}</th>`;
    const second = b !== null && config.compare !== null ? rowCells(b, l, name(config.compare)) : '';
    rows.push(`<tr data-layer="${String(l)}">${head}${rowCells(a, l, name(config))}${second}</tr>`);
  }
  return rows.join('');
}

/** The table head: one row for one network; for two, a row naming each network over its four columns. */
export function layerHeadHtml(labelA: string, labelB: string | null): string {
  const columns =
    '<th scope="col">Activation</th><th scope="col">Gradient norm</th><th scope="col">Dead</th><th scope="col">Saturated</th>';
  if (labelB === null) return `<tr><th scope="col">Layer</th>${columns}</tr>`;
  const group = (label: string): string => `<th scope="colgroup" colspan="4">${escapeHtml(label)}</th>`;
  return `<tr><th scope="col" rowspan="2">Layer</th>${group(labelA)}${group(labelB)}</tr><tr>${columns}${columns}</tr>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
