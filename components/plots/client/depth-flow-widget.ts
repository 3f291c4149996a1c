/** Interactive depth plot: activation, weight magnitude, input distribution and depth. */
import type { ActivationId } from '../../../src/math/index.ts';
import { formatNumber } from '../format.ts';
import {
  depthFlowData,
  depthFlowSpec,
  depthFlowStateQuery,
  describeDepthFlow,
  normalizeDepthFlowState,
  readDepthFlowState,
  type DepthFlowState,
} from '../specs/depth-flow-spec.ts';
import { queryReader } from '../specs/query.ts';
import { draw, enableControls, find, input, perFrame, setOut, urlSync } from './runtime.ts';

const KEYS = { w: 'weight', mean: 'mean', sd: 'spread', layers: 'layers' } as const;

export function hydrate(root: HTMLElement): void {
  const id = root.id;
  const fallback = JSON.parse(root.dataset['state'] ?? '{}') as DepthFlowState;
  let state = readDepthFlowState(queryReader(new URLSearchParams(location.search), id), fallback);
  const area = find<HTMLElement>(root, '.plot-area');
  const select = find<HTMLSelectElement>(root, 'select[name="fn"]');
  const syncUrl = urlSync(id);
  let drawn = false;

  function syncControls(): void {
    select.value = state.activation;
    const shown = { w: state.weight, mean: state.mean, sd: state.spread, layers: state.layers };
    const text = { w: 'w = ', mean: 'mean ', sd: 'standard deviation ', layers: '' };
    for (const name of Object.keys(KEYS) as (keyof typeof KEYS)[]) {
      const el = input(root, name);
      const value = shown[name];
      if (el !== null) {
        el.value = String(value);
        el.setAttribute(
          'aria-valuetext',
          name === 'layers' ? `${value} layers` : `${text[name]}${formatNumber(value)}`,
        );
      }
      setOut(root, name, formatNumber(value));
    }
  }

  function renderNow(): void {
    const data = depthFlowData(state);
    draw(area, depthFlowSpec(state, data));
    setOut(root, 'description', describeDepthFlow(state, data));
    syncControls();
    // The URL changes only when the reader changes something, not when the widget wakes up.
    if (drawn) syncUrl(depthFlowStateQuery(state));
    drawn = true;
  }
  const render = perFrame(renderNow);

  root.addEventListener('input', (event) => {
    const target = event.target;
    if (!(target instanceof HTMLInputElement) || !(target.name in KEYS)) return;
    state = normalizeDepthFlowState({ ...state, [KEYS[target.name as keyof typeof KEYS]]: Number(target.value) });
    render();
  });
  select.addEventListener('change', () => {
    state = normalizeDepthFlowState({ ...state, activation: select.value as ActivationId });
    render();
  });

  enableControls(root);
  renderNow();
}
