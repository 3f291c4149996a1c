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
import { draw, enableControls, find, input, perFrame, setOut, urlSync } from './runtime.ts';

export function hydrate(root: HTMLElement): void {
  const id = root.id;
  const fallback = JSON.parse(root.dataset['state'] ?? '{}') as DeadUnitsState;
  let state = readDeadUnitsState(queryReader(new URLSearchParams(location.search), id), fallback);
  const area = find<HTMLElement>(root, '.plot-area');
  const legend = find<HTMLElement>(root, '[data-legend]');
  const select = find<HTMLSelectElement>(root, 'select[name="eps"]');
  const syncUrl = urlSync(id);
  let drawn = false;

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
    // The URL changes only when the reader changes something, not when the widget wakes up.
    if (drawn) syncUrl(deadUnitsStateQuery(state));
    drawn = true;
  }
  const render = perFrame(renderNow);

  root.addEventListener('input', (event) => {
    const target = event.target;
    if (!(target instanceof HTMLInputElement)) return;
    if (target.name === 'b') state = normalizeDeadUnitsState({ ...state, bias: Number(target.value) });
    else if (target.name === 's') state = normalizeDeadUnitsState({ ...state, spread: Number(target.value) });
    else return;
    render();
  });
  select.addEventListener('change', () => {
    state = normalizeDeadUnitsState({ ...state, epsilon: Number(select.value) });
    render();
  });

  enableControls(root);
  renderNow();
}
