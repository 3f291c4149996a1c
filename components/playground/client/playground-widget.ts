/**
 * The playground's behaviour, loaded when `<training-playground>` wakes: it reads the configuration
 * from the URL (or a preset) into the controls, hands it to the training worker, and draws every
 * frame the worker sends — at most one redraw per animation frame. The page keeps no training state
 * of its own beyond the loss history it appends; the worker's frames are the one source.
 */
import type { ActivationId } from '../../../src/math/index.ts';
import type { Dataset, InitScheme, OptimizerName, DatasetName } from '../../../src/train/index.ts';
import { draw, find } from '../../plots/client/runtime.ts';
import type { PlotOptions } from '../../plots/plot-marks.ts';
import { formatNumber, formatPercent } from '../../plots/format.ts';
import { legendHtml } from '../../plots/legend.ts';
import { describeChoice, describeMetrics, describeTraining } from '../describe.ts';
import { layerHeadHtml, layerRowsHtml } from '../layer-table.ts';
import {
  configQuery,
  DEFAULT_CONFIG,
  DEPTH_MAX,
  fitLayers,
  normalizeConfig,
  readConfig,
  type NetworkChoice,
  type PlaygroundConfig,
} from '../playground-config.ts';
import { findPreset, type Preset } from '../presets.ts';
import { datasetOf, type Metrics } from '../session.ts';
import { histogramSpec } from '../specs/histogram-spec.ts';
import { lossSpec } from '../specs/loss-spec.ts';
import { normSpec } from '../specs/norm-spec.ts';
import { networkStroke, SECOND_DASH, TEST_DASH } from '../specs/series.ts';
import { unitsSpec } from '../specs/units-spec.ts';
import type { LossPoint } from '../trace.ts';
import type { FromWorker, NetworkFrame, ToWorker } from '../worker-protocol.ts';
import type { WidgetHandle } from '../../plots/client/when-near.ts';
import { stateReader, type WidgetState } from '../../plots/specs/widget-state.ts';
import { drawSurface, readColours, type SurfaceColours } from './draw-surface.ts';

/** Keys the playground owns in the query string, after its prefix (cleared before each write). */
const OWN_KEYS = /^(preset|data|noise|depth|width|act|alpha|init|sigma|bias|lr|opt|batch|seed|stop|cmp|b\..*)$/;
/** Keep the drawn loss history this short: halve it (every other point) when it grows past. */
const HISTORY_MAX = 800;

type Frame = Extract<FromWorker, { type: 'frame' }>;

/** This widget's keys of the query string, without its prefix (`playground.data` → `data`; no prefix on /playground/). */
function ownQuery(prefix: string): URLSearchParams {
  const own = new URLSearchParams();
  for (const [key, value] of new URLSearchParams(location.search)) {
    if (key.startsWith(prefix)) own.set(key.slice(prefix.length), value);
  }
  return own;
}

export function hydrate(root: HTMLElement): WidgetHandle {
  const form = find<HTMLFormElement>(root, 'form');
  const control = <T extends HTMLInputElement | HTMLSelectElement>(name: string): T =>
    find<T>(form, `[name="${name}"]`);
  const out = (name: string): HTMLElement => find<HTMLElement>(root, `[data-out="${name}"]`);
  const button = (action: string): HTMLButtonElement => find<HTMLButtonElement>(root, `[data-action="${action}"]`);
  const play = button('play');
  const stepButton = button('step');
  const resetButton = button('reset');

  const prefix = root.dataset['urlPrefix'] ?? '';
  const search = ownQuery(prefix);
  let preset: Preset | undefined = findPreset(search.get('preset')) ?? findPreset(root.dataset['preset'] ?? null);
  let config = readConfig(search, preset?.config ?? DEFAULT_CONFIG);
  let dataset: Dataset = datasetOf(config);
  let histories: LossPoint[][] = [[], []];
  let frame: Frame | undefined;
  let generation = 0;
  let playing = false;
  let colours: SurfaceColours = readColours(root);
  const renderTimes: number[] = [];

  const worker = new Worker(new URL('./train-worker.ts', import.meta.url), { type: 'module' });
  const send = (message: ToWorker): void => worker.postMessage(message);

  // ---- controls ⇄ configuration ------------------------------------------------------------
  function setValue(name: string, value: string | number): void {
    control(name).value = String(value);
  }

  function writeControls(c: PlaygroundConfig): void {
    control<HTMLSelectElement>('preset').value = preset?.id ?? '';
    setValue('data', c.dataset);
    setValue('noise', c.noise);
    setValue('seed', c.seed);
    setValue('depth', c.depth);
    setValue('width', c.width);
    const uniform = c.activations.every((a) => a === c.activations[0]);
    setValue('act', uniform ? (c.activations[0] ?? 'relu') : 'mixed');
    for (let l = 0; l < DEPTH_MAX; l++) setValue(`act-${l}`, c.activations[l] ?? c.activations.at(-1) ?? 'relu');
    setValue('alpha', c.alpha);
    setValue('init', c.init);
    setValue('sigma', c.sigma);
    setValue('bias', c.bias);
    setValue('lr', c.learningRate);
    setValue('opt', c.optimizer);
    setValue('batch', c.batchSize);
    setValue('stop', c.stopAt);
    control<HTMLInputElement>('cmp').checked = c.compare !== null;
    const b = c.compare ?? c;
    setValue('b-act', b.activations.every((a) => a === b.activations[0]) ? (b.activations[0] ?? 'relu') : 'mixed');
    setValue('b-alpha', b.alpha);
    setValue('b-init', b.init);
    setValue('b-sigma', b.sigma);
    setValue('b-bias', b.bias);
    showStructure(c);
  }

  function showStructure(c: PlaygroundConfig): void {
    for (const label of form.querySelectorAll<HTMLElement>('[data-layer]')) {
      label.hidden = Number(label.dataset['layer']) >= c.depth;
    }
    find<HTMLElement>(form, '[data-compare]').hidden = c.compare === null;
    for (const name of ['noise', 'depth', 'width']) out(name).textContent = control(name).value;
  }

  const number = (name: string): number => Number(control(name).value);

  function readControls(changed: string): PlaygroundConfig {
    const depth = number('depth');
    const all = control('act').value;
    let layers: ActivationId[];
    if (changed === 'act' && all !== 'mixed') {
      layers = fitLayers([all as ActivationId], depth);
    } else {
      layers = Array.from({ length: depth }, (_, l) => control(`act-${l}`).value as ActivationId);
    }
    const wantCompare = control<HTMLInputElement>('cmp').checked;
    const bAll = control('b-act').value;
    const previousB = config.compare;
    const bLayers: ActivationId[] =
      bAll === 'mixed' && previousB !== null
        ? fitLayers(previousB.activations, depth)
        : fitLayers([bAll as ActivationId], depth);
    const first: NetworkChoice = {
      activations: layers,
      alpha: number('alpha'),
      init: control('init').value as InitScheme,
      sigma: number('sigma'),
      bias: number('bias'),
    };
    const second: NetworkChoice = {
      activations: bLayers,
      alpha: number('b-alpha'),
      init: control('b-init').value as InitScheme,
      sigma: number('b-sigma'),
      bias: number('b-bias'),
    };
    return normalizeConfig({
      ...first,
      dataset: control('data').value as DatasetName,
      noise: number('noise'),
      depth,
      width: number('width'),
      learningRate: number('lr'),
      optimizer: control('opt').value as OptimizerName,
      batchSize: number('batch'),
      seed: Number.isFinite(number('seed')) ? number('seed') : config.seed,
      stopAt: Number.isFinite(number('stop')) ? number('stop') : 0,
      // Turning the comparison on starts it as a copy of the first network, to be changed from there.
      compare: wantCompare ? (previousB === null && changed === 'cmp' ? first : second) : null,
    });
  }

  /** Equal as configurations: compared through their URL form, which has one key order and one spelling. */
  const same = (x: PlaygroundConfig, y: PlaygroundConfig): boolean =>
    JSON.stringify(configQuery(normalizeConfig(x))) === JSON.stringify(configQuery(normalizeConfig(y)));

  let urlTimer: ReturnType<typeof setTimeout> | undefined;
  function writeUrl(): void {
    clearTimeout(urlTimer);
    urlTimer = setTimeout(() => {
      const url = new URL(location.href);
      for (const key of [...url.searchParams.keys()]) {
        if (key.startsWith(prefix) && OWN_KEYS.test(key.slice(prefix.length))) url.searchParams.delete(key);
      }
      const entries = isPreset() ? { preset: preset?.id ?? '' } : configQuery(config);
      for (const [k, v] of Object.entries(entries)) url.searchParams.set(`${prefix}${k}`, v);
      history.replaceState(history.state, '', url);
    }, 200);
  }

  /** The configuration is exactly the loaded preset's (so its labels, URL and claim apply). */
  const isPreset = (): boolean => preset !== undefined && same(config, preset.config);

  // ---- present mode: one window's changes replayed in the other ---------------------------------
  /** Resets and single steps so far: the other window replays the difference. */
  let resets = 0;
  let manualSteps = 0;
  function stateEntries(): WidgetState {
    return {
      ...configQuery(config),
      ...(isPreset() ? { preset: preset?.id ?? '' } : {}),
      run: playing ? 'play' : 'pause',
      resets: String(resets),
      steps: String(manualSteps),
    };
  }
  /** The reader changed something: tell present mode (it relays to the other window). */
  function publish(): void {
    root.dispatchEvent(
      new CustomEvent('widget-state', { bubbles: true, detail: { id: root.id, state: stateEntries() } }),
    );
  }
  function apply(state: WidgetState): void {
    const read = stateReader(state);
    const received = new URLSearchParams(Object.entries(state));
    const nextPreset = findPreset(read('preset'));
    const next = readConfig(received, nextPreset?.config ?? config);
    const theirResets = Number(read('resets') ?? resets);
    if (!same(next, config) || theirResets !== resets) {
      preset = nextPreset;
      resets = theirResets;
      manualSteps = 0;
      reset(next);
    }
    const theirSteps = Number(read('steps') ?? manualSteps);
    for (; manualSteps < theirSteps; manualSteps++) send({ type: 'step' });
    const wantPlay = read('run') === 'play';
    if (wantPlay !== playing) {
      playing = wantPlay;
      send({ type: playing ? 'play' : 'pause' });
      showPlaying();
    }
  }

  function labels(): [string, string] {
    if (isPreset() && preset !== undefined) return [...preset.labels];
    return [describeChoice(config), config.compare === null ? '' : describeChoice(config.compare)];
  }

  function reset(next: PlaygroundConfig): void {
    config = next;
    dataset = datasetOf(config);
    histories = [[], []];
    frame = undefined;
    generation++;
    playing = false;
    send({ type: 'reset', config });
    writeControls(config);
    writeUrl();
    const [la, lb] = labels();
    for (const [side, text] of [
      ['a', la],
      ['b', lb],
    ] as const) {
      for (const part of ['label', 'canvas-label', 'hist-label']) out(`${side}-${part}`).textContent = text;
    }
    for (const el of root.querySelectorAll<HTMLElement>('[data-network="b"]')) el.hidden = config.compare === null;
    out('boundary-title').textContent = dataset.task === 'regression' ? 'Fitted curve' : 'Decision boundary';
    out('boundary-description').textContent =
      dataset.task === 'regression'
        ? 'Dots: training points, rings: test points; dashed: the true curve; solid: what the network fits.'
        : "Shading: the network's probability of class 1 (blue) or class 0 (orange) across the plane; dots: training points, rings: test points.";
    find<HTMLElement>(root, '[data-out="layers-head"]').innerHTML = layerHeadHtml(
      la,
      config.compare === null ? null : lb,
    );
    legends(la, lb);
    // A preset states its claim up front; the verdict replaces it when the run reaches stopAt.
    const verdict = out('verdict');
    delete verdict.dataset['holds'];
    verdict.hidden = !isPreset();
    if (isPreset() && preset !== undefined)
      verdict.textContent = `Claim, checked at step ${config.stopAt}: ${preset.claim}`;
    showPlaying();
  }

  function legends(la: string, lb: string): void {
    const two = config.compare !== null;
    const lossItems = [
      { label: `${la}: train`, stroke: networkStroke(0) },
      { label: 'test', stroke: networkStroke(0), dash: TEST_DASH },
      ...(two
        ? [
            { label: `${lb}: train`, stroke: networkStroke(1) },
            { label: 'test', stroke: networkStroke(1), dash: TEST_DASH },
          ]
        : []),
    ];
    find<HTMLElement>(root, '[data-legend="loss"]').innerHTML = legendHtml(lossItems);
    const lineItems = [
      { label: la, stroke: networkStroke(0) },
      ...(two ? [{ label: lb, stroke: networkStroke(1) }] : []),
    ];
    find<HTMLElement>(root, '[data-legend="norm"]').innerHTML = legendHtml(lineItems);
    find<HTMLElement>(root, '[data-legend="units"]').innerHTML = legendHtml([
      ...lineItems,
      { label: 'saturated', stroke: 'currentColor', dash: SECOND_DASH },
    ]);
  }

  /** One line under the buttons: what the run is doing and what the buttons will do. */
  function engineNote(f: Frame): void {
    const step = f.a.metrics.step;
    const atStop = config.stopAt > 0 && step >= config.stopAt;
    out('engine').textContent = f.playing
      ? 'Training…'
      : atStop
        ? `Stopped at step ${step}, as set in “Stop at step”. Reset to watch again, or raise the stop to go on.`
        : step === 0
          ? 'Press Play to train; change any setting to start again from step 0.'
          : `Paused at step ${step}.`;
  }

  function showPlaying(): void {
    play.textContent = playing ? 'Pause' : 'Play';
    play.setAttribute('aria-pressed', String(playing));
    stepButton.disabled = playing;
    root.dataset['playing'] = String(playing);
  }

  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('change', (event) => {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    if (target.name === 'speed') return send({ type: 'speed', stepsPerSecond: Number(target.value) });
    if (target.name === 'preset') {
      preset = findPreset(target.value);
      userReset(preset?.config ?? config);
      return;
    }
    const next = readControls(target.name);
    if (preset !== undefined && !same(next, preset.config)) preset = undefined;
    userReset(next);
  });

  function userReset(next: PlaygroundConfig): void {
    resets++;
    manualSteps = 0;
    reset(next);
    publish();
  }
  // Sliders: show the number while dragging; the change event (on release, or per key press) resets.
  form.addEventListener('input', (event) => {
    const target = event.target as HTMLInputElement;
    if (target.type === 'range') out(target.name).textContent = target.value;
  });

  play.addEventListener('click', () => {
    playing = !playing;
    send({ type: playing ? 'play' : 'pause' });
    showPlaying();
    publish();
  });
  stepButton.addEventListener('click', () => {
    manualSteps++;
    send({ type: 'step' });
    publish();
  });
  resetButton.addEventListener('click', () => userReset(config));

  // ---- frames ------------------------------------------------------------------------------------
  let queued = false;
  /** Redraw on the next animation frame (once, however many frames arrive before it). */
  function schedule(): void {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      render();
    });
  }

  // While training, draw only the views that can be seen: one scrolled out of sight is skipped and
  // drawn again when it comes back. A pause draws everything, so every view ends on the same step.
  const visible = new Set<Element>();
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (entry.isIntersecting) visible.add(entry.target);
      else visible.delete(entry.target);
    }
    if (entries.some((entry) => entry.isIntersecting)) schedule();
  });
  for (const view of root.querySelectorAll('[data-chart], [data-canvas]')) observer.observe(view);
  const shown = (view: Element): boolean => frame?.playing !== true || visible.has(view);
  worker.addEventListener('message', (event: MessageEvent<FromWorker>) => {
    const message = event.data;
    if (message.generation !== generation) return;
    if (message.type === 'error') {
      playing = false;
      showPlaying();
      out('engine').textContent = `Training stopped: ${message.message}`;
      return;
    }
    append(0, message.a);
    if (message.b !== null) append(1, message.b);
    frame = message;
    if (!message.playing && playing) {
      playing = false;
      showPlaying();
    }
    engineNote(message);
    schedule();
  });

  function append(i: number, part: NetworkFrame): void {
    let list = histories[i] ?? [];
    for (const p of part.losses) if (list.at(-1)?.step !== p.step) list.push(p);
    if (list.length > HISTORY_MAX) list = list.filter((_, k) => k % 2 === 0 || k === list.length - 1);
    histories[i] = list;
  }

  function readout(side: 'a' | 'b', m: Metrics): void {
    out(`${side}-step`).textContent = String(m.step);
    out(`${side}-train`).textContent = m.trainLoss.toFixed(4);
    out(`${side}-test`).textContent = m.testLoss.toFixed(4);
    out(`${side}-test`).dataset['value'] = String(m.testLoss);
    out(`${side}-acc`).textContent = Number.isNaN(m.testAccuracy) ? '—' : formatPercent(m.testAccuracy);
  }

  function render(): void {
    if (frame === undefined) return;
    const t0 = performance.now();
    const { a, b } = frame;
    const [la, lb] = labels();
    readout('a', a.metrics);
    if (b !== null) readout('b', b.metrics);
    const canvasA = find<HTMLCanvasElement>(root, '[data-canvas="a"]');
    const canvasB = find<HTMLCanvasElement>(root, '[data-canvas="b"]');
    if (shown(canvasA)) drawSurface(canvasA, a.surface, dataset, colours);
    if (b !== null && shown(canvasB)) drawSurface(canvasB, b.surface, dataset, colours);
    const chart = (name: string, spec: () => PlotOptions): void => {
      const area = find(root, `[data-chart="${name}"]`);
      if (shown(area)) draw(area, spec());
    };
    const series = [
      { label: la, data: histories[0] ?? [] },
      ...(b === null ? [] : [{ label: lb, data: histories[1] ?? [] }]),
    ];
    chart('loss', () => lossSpec(series, dataset.task === 'classification'));
    chart('norm', () =>
      normSpec([{ label: la, data: a.metrics.norms }, ...(b === null ? [] : [{ label: lb, data: b.metrics.norms }])]),
    );
    chart('units', () =>
      unitsSpec([{ label: la, data: a.metrics }, ...(b === null ? [] : [{ label: lb, data: b.metrics }])]),
    );
    chart('hist-a', () => histogramSpec(a.metrics.histograms, 0));
    if (b !== null) chart('hist-b', () => histogramSpec(b.metrics.histograms, 1));
    find<HTMLElement>(root, '[data-out="layers"]').innerHTML = layerRowsHtml(config, a.metrics, b?.metrics ?? null);
    root.dataset['step'] = String(a.metrics.step);
    if (!frame.playing) describe(frame, la, lb);
    renderTimes.push(performance.now() - t0);
    if (renderTimes.length > 600) renderTimes.splice(0, renderTimes.length - 600);
  }

  /** When training pauses: the text description, the announcement, and the preset's verdict. */
  function describe(f: Frame, la: string, lb: string): void {
    const text = [
      describeTraining(config),
      describeMetrics(la, f.a.metrics),
      f.b === null ? '' : describeMetrics(lb, f.b.metrics),
    ]
      .filter(Boolean)
      .join(' ');
    out('summary').textContent = text;
    out('status').textContent = `Paused at step ${f.a.metrics.step}. Test loss ${formatNumber(f.a.metrics.testLoss)}${
      f.b === null ? '' : `, and ${formatNumber(f.b.metrics.testLoss)} for ${lb}`
    }.`;
    const verdict = out('verdict');
    const atEnd = isPreset() && f.a.metrics.step === config.stopAt && f.b !== null;
    if (atEnd && preset !== undefined && f.b !== null) {
      const holds = preset.check(f.a.metrics, f.b.metrics);
      verdict.dataset['holds'] = String(holds);
      verdict.textContent = `${holds ? 'Claim holds' : 'Claim does not hold'} at step ${config.stopAt}: ${preset.claim}`;
    }
  }

  // Theme changes recolour the canvas: read the colours again and redraw.
  new MutationObserver(() => {
    colours = readColours(root);
    render();
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });

  for (const fieldset of root.querySelectorAll('fieldset[disabled]')) fieldset.removeAttribute('disabled');
  for (const b of [play, stepButton, resetButton]) b.disabled = false;
  out('engine').textContent = 'Press Play to train; change any setting to start again from step 0.';
  send({ type: 'speed', stepsPerSecond: Number(control('speed').value) });
  reset(config);
  // For the frame-time benchmark (scripts/bench-playground.ts).
  Object.defineProperty(root, 'renderTimes', { value: renderTimes });
  return { apply };
}
