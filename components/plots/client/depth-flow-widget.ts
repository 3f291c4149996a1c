/** Interactive depth plot: activation, initialisation, weight magnitude, input distribution and depth. */
import type { ActivationId } from '../../../src/math/index.ts';
import { formatNumber } from '../format.ts';
import {
  depthFlowData,
  depthFlowSpec,
  depthFlowStateQuery,
  describeDepthFlow,
  INIT_WIDTH,
  INITS,
  normalizeDepthFlowState,
  readDepthFlowState,
  type DepthFlowInit,
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
  const initSelect = find<HTMLSelectElement>(root, 'select[name="init"]');
  // A choice made before this chunk loaded (the selects are usable from the first paint) is kept.
  const changedEarly = (el: HTMLSelectElement): string | undefined =>
    el.selectedOptions[0]?.defaultSelected === false ? el.value : undefined;
  const earlyInit = INITS.find((scheme) => scheme === changedEarly(initSelect));
  if (earlyInit !== undefined) state = normalizeDepthFlowState({ ...state, init: earlyInit });
  const sync = widgetSync(root);

  function syncControls(): void {
    select.value = state.activation;
    const init = state.init ?? 'fixed';
    initSelect.value = init;
    const variance = init !== 'fixed';
    // With a scheme, w and the distribution of z follow from it: those sliders do not apply.
    for (const name of ['w', 'mean', 'sd'] as const) {
      const el = input(root, name);
      if (el !== null) el.disabled = variance;
    }
    for (const list of root.querySelectorAll<HTMLElement>('[data-legend]'))
      list.hidden = list.dataset['legend'] !== (variance ? 'init' : 'fixed');
    setOut(
      root,
      'init-note',
      variance
        ? `Layers of n = ${String(INIT_WIDTH)} units, z⁽¹⁾ ~ N(0, 1): w, the mean and the spread of z follow from the scheme.`
        : 'One unit per layer: w, the mean and the spread of z are yours to set.',
    );
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
    const data = (state.init ?? 'fixed') === 'fixed' ? depthFlowData(state) : undefined;
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
  initSelect.addEventListener('change', () => {
    const init = INITS.find((scheme): scheme is DepthFlowInit => scheme === initSelect.value) ?? 'fixed';
    changed(normalizeDepthFlowState({ ...state, init }));
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
