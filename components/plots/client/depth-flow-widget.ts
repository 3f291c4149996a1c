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
import { stateReader, type WidgetState } from '../specs/widget-state.ts';
import { draw, enableControls, find, input, perFrame, setOut, widgetSync } from './runtime.ts';
import type { WidgetHandle } from './when-near.ts';

const KEYS = { w: 'weight', mean: 'mean', sd: 'spread', layers: 'layers' } as const;

export function hydrate(root: HTMLElement): WidgetHandle {
  const id = root.id;
  const fallback = JSON.parse(root.dataset['state'] ?? '{}') as DepthFlowState;
  let state = readDepthFlowState(queryReader(new URLSearchParams(location.search), id), fallback);
  const area = find<HTMLElement>(root, '.plot-area');
  const select = find<HTMLSelectElement>(root, 'select[name="fn"]');
  const sync = widgetSync(root);

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
  }
  const render = perFrame(renderNow);

  /** The reader changed something: redraw on the next frame and hand the state on (URL, present mode). */
  function changed(next: DepthFlowState): void {
    state = next;
    render();
    sync.publish(depthFlowStateQuery(state));
  }

  root.addEventListener('input', (event) => {
    const target = event.target;
    if (!(target instanceof HTMLInputElement) || !(target.name in KEYS)) return;
    changed(normalizeDepthFlowState({ ...state, [KEYS[target.name as keyof typeof KEYS]]: Number(target.value) }));
  });
  select.addEventListener('change', () => {
    changed(normalizeDepthFlowState({ ...state, activation: select.value as ActivationId }));
  });

  enableControls(root);
  renderNow();
  return {
    apply(received: WidgetState): void {
      // Read like a shared link (checked, clamped; missing keys keep their value), drawn at once.
      state = readDepthFlowState(stateReader(received), state);
      renderNow();
      sync.mirror(depthFlowStateQuery(state));
    },
  };
}
