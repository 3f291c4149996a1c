/** Interactive dead-unit plot: mean b, spread s and what counts as dead. */
import { activations } from '../../../src/math/index.ts';
import { formatNumber, formatPercent } from '../format.ts';
import { legendHtml } from '../legend.ts';
import { seriesStyle } from '../palette.ts';
import {
  deadUnitsData,
  deadUnitsSpec,
  deadUnitsStateQuery,
  describeDeadUnits,
  normalizeDeadUnitsState,
  readDeadUnitsState,
  DEAD_UNIT_IDS,
  type DeadUnitsState,
} from '../specs/dead-units-spec.ts';
import { queryReader } from '../specs/query.ts';
import { stateReader, type WidgetState } from '../specs/widget-state.ts';
import { draw, enableControls, find, input, perFrame, setOut, widgetSync } from './runtime.ts';
import type { WidgetHandle } from './when-near.ts';

export function hydrate(root: HTMLElement): WidgetHandle {
  const id = root.id;
  const fallback = JSON.parse(root.dataset['state'] ?? '{}') as DeadUnitsState;
  let state = readDeadUnitsState(queryReader(new URLSearchParams(location.search), id), fallback);
  const area = find<HTMLElement>(root, '.plot-area');
  const legend = find<HTMLElement>(root, '[data-legend]');
  const select = find<HTMLSelectElement>(root, 'select[name="eps"]');
  const sync = widgetSync(root);

  function syncControls(): void {
    select.value = String(state.epsilon);
    for (const [name, value, label] of [
      ['b', state.bias, 'b'],
      ['s', state.spread, 's'],
    ] as const) {
      const el = input(root, name);
      if (el !== null) {
        el.value = String(value);
        el.setAttribute('aria-valuetext', `${label} = ${formatNumber(value)}`);
      }
      setOut(root, name, formatNumber(value));
    }
  }

  function renderNow(): void {
    // Closed forms (Φ over the dead intervals) on 121 values of b: well under a millisecond, no cache needed.
    const data = deadUnitsData(state);
    draw(area, deadUnitsSpec(state, data));
    legend.innerHTML = legendHtml(
      DEAD_UNIT_IDS.map((a, i) => ({
        label: `${activations[a].name}: ${formatPercent(data.current[i] ?? NaN)}`,
        ...seriesStyle(i),
      })),
    );
    setOut(root, 'description', describeDeadUnits(state, data));
    syncControls();
  }
  const render = perFrame(renderNow);

  /** The reader changed something: redraw on the next frame and hand the state on (URL, present mode). */
  function changed(next: DeadUnitsState): void {
    state = next;
    render();
    sync.publish(deadUnitsStateQuery(state));
  }

  root.addEventListener('input', (event) => {
    const target = event.target;
    if (!(target instanceof HTMLInputElement)) return;
    if (target.name === 'b') changed(normalizeDeadUnitsState({ ...state, bias: Number(target.value) }));
    else if (target.name === 's') changed(normalizeDeadUnitsState({ ...state, spread: Number(target.value) }));
  });
  select.addEventListener('change', () => {
    changed(normalizeDeadUnitsState({ ...state, epsilon: Number(select.value) }));
  });

  enableControls(root);
  renderNow();
  return {
    apply(received: WidgetState): void {
      // Read like a shared link (checked, clamped; missing keys keep their value), drawn at once.
      state = readDeadUnitsState(stateReader(received), state);
      renderNow();
      sync.mirror(deadUnitsStateQuery(state));
    },
  };
}
