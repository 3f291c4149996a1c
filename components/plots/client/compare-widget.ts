/** Interactive compare plot: checkboxes pick the activations, radios g or g′, a slider the range. */
import { activations, type ActivationId } from '../../../src/math/index.ts';
import { formatNumber } from '../format.ts';
import { legendHtml } from '../legend.ts';
import { seriesStyle } from '../palette.ts';
import {
  compareStateQuery,
  comparePlotSpec,
  describeCompare,
  normalizeCompareState,
  readCompareState,
  type CompareCurve,
  type ComparePlotState,
} from '../specs/compare-plot-spec.ts';
import { queryReader } from '../specs/query.ts';
import { stateReader, type WidgetState } from '../specs/widget-state.ts';
import { draw, enableControls, find, input, perFrame, setOut, widgetSync } from './runtime.ts';
import type { WidgetHandle } from './when-near.ts';

export function hydrate(root: HTMLElement): WidgetHandle {
  const id = root.id;
  const fallback = JSON.parse(root.dataset['state'] ?? '{}') as ComparePlotState;
  let state = readCompareState(queryReader(new URLSearchParams(location.search), id), fallback);
  const area = find<HTMLElement>(root, '.plot-area');
  const legend = find<HTMLElement>(root, '[data-legend]');
  const sync = widgetSync(root);

  function syncControls(): void {
    for (const box of root.querySelectorAll<HTMLInputElement>('input[name="fns"]')) {
      box.checked = state.ids.includes(box.value as ActivationId);
    }
    for (const radio of root.querySelectorAll<HTMLInputElement>(`input[name="${id}-curve"]`)) {
      radio.checked = radio.value === state.curve;
    }
    const range = input(root, 'range');
    if (range !== null) {
      range.value = String(state.range);
      range.setAttribute('aria-valuetext', `z from −${formatNumber(state.range)} to ${formatNumber(state.range)}`);
    }
    setOut(root, 'range', `±${formatNumber(state.range)}`);
  }

  function renderNow(): void {
    draw(area, comparePlotSpec(state));
    legend.innerHTML = legendHtml(state.ids.map((a, i) => ({ label: activations[a].name, ...seriesStyle(i) })));
    setOut(root, 'description', describeCompare(state));
    syncControls();
  }
  const render = perFrame(renderNow);

  /** The reader changed something: redraw on the next frame and hand the state on (URL, present mode). */
  function changed(next: ComparePlotState): void {
    state = next;
    render();
    sync.publish(compareStateQuery(state));
  }

  root.addEventListener('change', (event) => {
    const target = event.target;
    if (!(target instanceof HTMLInputElement)) return;
    if (target.name === 'fns') {
      const ids = target.checked
        ? [...state.ids, target.value as ActivationId]
        : state.ids.filter((a) => a !== target.value);
      changed(normalizeCompareState({ ...state, ids }));
    } else if (target.name === `${id}-curve`) {
      changed(normalizeCompareState({ ...state, curve: target.value as CompareCurve }));
    }
  });
  root.addEventListener('input', (event) => {
    const target = event.target;
    if (!(target instanceof HTMLInputElement) || target.name !== 'range') return;
    changed(normalizeCompareState({ ...state, range: Number(target.value) }));
  });

  enableControls(root);
  renderNow();
  return {
    apply(received: WidgetState): void {
      // Read like a shared link (checked, clamped; missing keys keep their value), drawn at once.
      state = readCompareState(stateReader(received), state);
      renderNow();
      sync.mirror(compareStateQuery(state));
    },
  };
}
