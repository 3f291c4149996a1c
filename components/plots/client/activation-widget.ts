/**
 * Interactive activation plot: the point z moves by pointer (hover, drag, touch) and keyboard on a
 * focusable `role="slider"` plot area; sliders change parameters, ε and the range. Data are sampled
 * once per parameter change; moving z redraws from the cached arrays.
 */
import { activations, type ActivationId } from '../../../src/math/index.ts';
import { paramSlidersHtml } from '../controls-html.ts';
import { formatNumber, formatReadout, formatZ } from '../format.ts';
import {
  activationCurveData,
  activationCurveKey,
  activationDataKey,
  activationZones,
  pointGeometry,
  activationReadout,
  activationStateQuery,
  normalizeActivationState,
  readActivationState,
  PLOT_WIDTH,
  type ActivationCurveData,
  type ActivationPlotState,
} from '../specs/activation-plot-spec.ts';
import { describeActivation, describePoint } from '../specs/describe-activation.ts';
import { paramControls } from '../specs/param-controls.ts';
import { queryReader } from '../specs/query.ts';
import { stateReader, type WidgetState } from '../specs/widget-state.ts';
import { activationCurveDrawing } from './curve-paths.ts';
import { createOverlay, updateOverlay, updateZones } from './point-overlay.ts';
import {
  draw,
  enableControls,
  find,
  fromLogSlider,
  input,
  perFrame,
  setOut,
  widgetSync,
  type PlotSvg,
} from './runtime.ts';
import type { WidgetHandle } from './when-near.ts';

const NICE_STEPS = [0.5, 0.25, 0.2, 0.1, 0.05, 0.02, 0.01];

/** Keyboard step for z: the largest nice step ≤ 1/100 of the plotted width (0.1 for z ∈ [−8, 8]). */
function zStep(range: number): number {
  const raw = (2 * range) / 100;
  return NICE_STEPS.find((s) => s <= raw) ?? 0.01;
}

/** What the benchmark and tests can drive: update state and redraw synchronously. */
export interface ActivationWidget {
  readonly state: () => ActivationPlotState;
  readonly update: (change: Partial<ActivationPlotState>) => void;
  readonly renderNow: () => void;
}

export function hydrate(root: HTMLElement): WidgetHandle {
  const id = root.id;
  const fallback = JSON.parse(root.dataset['state'] ?? '{}') as ActivationPlotState;
  let state = readActivationState(queryReader(new URLSearchParams(location.search), id), fallback);
  const area = find<HTMLElement>(root, '.plot-area');
  const paramBox = root.querySelector<HTMLElement>('[data-params]');
  const select = root.querySelector<HTMLSelectElement>('select[name="fn"]');
  const epsInput = input(root, 'eps');
  const rangeInput = input(root, 'range');
  const sync = widgetSync(root);
  let drawn = false;
  let zoneKey = '';
  let describeTimer: ReturnType<typeof setTimeout> | undefined;
  let curveKey = '';
  let curves: ActivationCurveData | undefined;
  let svg: PlotSvg | undefined;
  let overlay: ReturnType<typeof createOverlay> | undefined;
  let shownActivation: ActivationId | undefined;

  function syncControls(): void {
    if (select !== null) select.value = state.activation;
    if (paramBox !== null && shownActivation !== state.activation) {
      paramBox.innerHTML = paramSlidersHtml(id, paramControls(activations[state.activation]), state.params);
      shownActivation = state.activation;
    }
    for (const [name, x] of Object.entries(state.params)) {
      const el = input(root, name);
      if (el === null || x === undefined) continue;
      el.value = String(x);
      const text = formatNumber(x);
      el.setAttribute('aria-valuetext', `${name === 'alpha' ? 'α' : 'β'} = ${text}`);
      if (el.nextElementSibling !== null) el.nextElementSibling.textContent = text;
    }
    if (epsInput !== null) {
      epsInput.value = String(Math.log10(state.epsilon));
      epsInput.setAttribute('aria-valuetext', `ε = ${formatNumber(state.epsilon)}`);
    }
    setOut(root, 'eps', formatNumber(state.epsilon));
    if (rangeInput !== null) {
      rangeInput.value = String(state.range);
      rangeInput.setAttribute('aria-valuetext', `z from −${formatNumber(state.range)} to ${formatNumber(state.range)}`);
    }
    setOut(root, 'range', `±${formatNumber(state.range)}`);
  }

  function renderNow(): void {
    // Three speeds: a new activation, parameter or range re-runs Plot (on two-point stand-ins of the
    // curves, whose paths are then written from the samples); a new ε redraws the zones;
    // a new z moves the overlay only.
    const nextCurveKey = activationCurveKey(state);
    if (curves === undefined || svg === undefined || overlay === undefined || nextCurveKey !== curveKey) {
      curves = activationCurveData(state);
      curveKey = nextCurveKey;
      const drawing = activationCurveDrawing(state, curves);
      svg = draw(area, drawing.options, drawing.finish);
      overlay = createOverlay(svg);
      zoneKey = '';
    }
    const nextZoneKey = activationDataKey(state);
    if (nextZoneKey !== zoneKey) {
      zoneKey = nextZoneKey;
      updateZones(overlay, activationZones(state));
      setOut(root, 'name', activations[state.activation].name);
      syncControls();
      // The text description scans g′ again (peak, zones, kinks): write it once the sliders settle,
      // off the frame that moves the picture.
      clearTimeout(describeTimer);
      describeTimer = setTimeout(() => setOut(root, 'description', describeActivation(state)), drawn ? 120 : 0);
    }
    updateOverlay(overlay, pointGeometry(state, curves));
    const { z, g, dg } = activationReadout(state);
    setOut(root, 'z', formatZ(z));
    setOut(root, 'g', formatReadout(g));
    setOut(root, 'dg', formatReadout(dg));
    area.setAttribute('aria-valuemin', String(-state.range));
    area.setAttribute('aria-valuemax', String(state.range));
    area.setAttribute('aria-valuenow', String(z));
    area.setAttribute('aria-valuetext', describePoint(z, g, dg));
    drawn = true;
  }
  const render = perFrame(renderNow);

  function update(change: Partial<ActivationPlotState>): void {
    state = normalizeActivationState({ ...state, ...change });
  }

  /**
   * The reader changed something: redraw on the next frame, and hand the state on (URL, and the
   * other window in present mode). Not called on waking up, nor when applying a received state.
   */
  function changed(change: Partial<ActivationPlotState>): void {
    update(change);
    render();
    sync.publish(activationStateQuery(state));
  }

  // z from a pointer position: client px → SVG px (the SVG scales with its box) → z via Plot's x scale.
  function zAt(clientX: number): number | undefined {
    const scale = svg?.scale('x');
    const box = area.querySelector('svg')?.getBoundingClientRect();
    if (scale?.invert === undefined || box === undefined || box.width === 0) return undefined;
    const x = ((clientX - box.left) * PLOT_WIDTH) / box.width;
    const z = scale.invert(x) as number;
    return Math.round(z * 100) / 100;
  }
  function movePointer(event: PointerEvent): void {
    const z = zAt(event.clientX);
    if (z === undefined) return;
    if (z !== state.z) changed({ z });
  }

  area.setAttribute('role', 'slider');
  area.setAttribute('aria-label', area.dataset['label'] ?? 'Point z');
  area.setAttribute('aria-describedby', `${id}-description`);
  area.tabIndex = 0;
  area.setAttribute('aria-orientation', 'horizontal');
  area.addEventListener('pointerdown', (event) => {
    area.setPointerCapture(event.pointerId);
    movePointer(event);
  });
  area.addEventListener('pointermove', (event) => {
    // A mouse moves the point on hover; touch and pen only while pressed (so a page scroll is not a move).
    if (event.pointerType === 'mouse' || area.hasPointerCapture(event.pointerId)) movePointer(event);
  });
  area.addEventListener('keydown', (event) => {
    const step = zStep(state.range) * (event.shiftKey ? 10 : 1);
    const moves: Record<string, number> = {
      ArrowRight: state.z + step,
      ArrowUp: state.z + step,
      ArrowLeft: state.z - step,
      ArrowDown: state.z - step,
      PageUp: state.z + 10 * zStep(state.range),
      PageDown: state.z - 10 * zStep(state.range),
      Home: -state.range,
      End: state.range,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    changed({ z: Math.round(next * 1e4) / 1e4 });
  });

  root.addEventListener('input', (event) => {
    const target = event.target;
    if (!(target instanceof HTMLInputElement)) return;
    const value = Number(target.value);
    if (target.name === 'eps') changed({ epsilon: fromLogSlider(value) });
    else if (target.name === 'range') changed({ range: value });
    else if (target.dataset['param'] !== undefined) changed({ params: { ...state.params, [target.name]: value } });
  });
  select?.addEventListener('change', () => {
    changed({ activation: select.value as ActivationId, params: {} });
  });

  enableControls(root);
  renderNow();
  (root as HTMLElement & { widget?: ActivationWidget }).widget = { state: () => state, update, renderNow };
  return {
    apply(received: WidgetState): void {
      // Read like a shared link (checked, clamped; missing keys keep their value), drawn at once:
      // the other window may be in the background, where animation frames do not run.
      state = readActivationState(stateReader(received), state);
      renderNow();
      sync.mirror(activationStateQuery(state));
    },
  };
}
