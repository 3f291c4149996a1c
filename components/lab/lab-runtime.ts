import { plot } from '../plots/plot-marks.ts';
import { errorHtml, paramsHtml, resultsHtml, savedHtml } from './lab-html.ts';
import { labPlotFromSamples } from './lab-plot-spec.ts';
import { addSaved, parseSaved, readLabState, removeSaved, STORAGE_KEY, writeLabState } from './lab-state.ts';
import type { LabState, SavedFunction } from './lab-state.ts';
import { labView } from './lab-view.ts';
import type { LabView } from './lab-view.ts';

/**
 * Computes views in a Web Worker where the browser has one (typing never blocks the page), else
 * on the page. Only the answer to the latest request is delivered: a slow, stale derivation can
 * never overwrite a newer error or result.
 */
function viewSource(deliver: (view: LabView) => void): (state: LabState) => void {
  let latest = 0;
  let worker: Worker | undefined;
  try {
    worker = new Worker(new URL('./lab-worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (event: MessageEvent<{ id: number; view: LabView }>) => {
      if (event.data.id === latest) deliver(event.data.view);
    });
    worker.addEventListener('error', () => {
      // The worker could not start (blocked, or an old browser): compute on the page from now on.
      worker = undefined;
    });
  } catch {
    worker = undefined;
  }
  return (state) => {
    latest++;
    if (worker === undefined) deliver(labView(state));
    else worker.postMessage({ id: latest, state });
  };
}

/** localStorage, or undefined where it is blocked (private mode, sandboxed frames). */
function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

function loadSaved(): { saved: SavedFunction[]; notice: string } {
  let text: string | null;
  try {
    text = storage()?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return { saved: [], notice: 'Saved functions are unavailable in this browser.' };
  }
  const { saved, corrupt } = parseSaved(text);
  if (!corrupt) return { saved, notice: '' };
  try {
    storage()?.removeItem(STORAGE_KEY);
  } catch {
    // Nothing more to do: the list starts fresh either way.
  }
  return { saved: [], notice: 'Your saved list could not be read, so it was cleared and starts fresh.' };
}

function storeSaved(list: readonly SavedFunction[]): string {
  try {
    storage()?.setItem(STORAGE_KEY, JSON.stringify(list));
    return '';
  } catch {
    return 'Could not save: this browser refuses to store data for the page.';
  }
}

/**
 * Makes the server-rendered lab live: the input re-derives on typing (debounced), sliders re-run
 * checks, properties and the plot, the state goes to the URL, and the saved list to localStorage.
 */
export function hydrate(root: HTMLElement): void {
  const input = root.querySelector<HTMLInputElement>('input[name="f"]');
  const error = root.querySelector<HTMLElement>('.lab-error');
  const preview = root.querySelector<HTMLElement>('.lab-preview');
  const params = root.querySelector<HTMLElement>('.lab-params-body');
  const results = root.querySelector<HTMLElement>('.lab-results');
  const savedBody = root.querySelector<HTMLElement>('.lab-saved-body');
  const notice = root.querySelector<HTMLElement>('.lab-notice');
  const saveButton = root.querySelector<HTMLButtonElement>('button[data-action="save"]');
  if (!input || !error || !preview || !params || !results || !savedBody || !notice || !saveButton) return;

  const base = location.pathname;
  let state: LabState = new URLSearchParams(location.search).has('f')
    ? readLabState(location.search)
    : { f: input.value, params: {} };
  input.value = state.f;
  let paramNames = '';
  let { saved, notice: message } = loadSaved();
  notice.textContent = message;
  notice.hidden = message === '';
  savedBody.innerHTML = savedHtml(saved, base);

  const show = (view: LabView): void => {
    if (!view.ok) {
      error.innerHTML = errorHtml(state.f, view.error);
      error.hidden = false;
      input.setAttribute('aria-invalid', 'true');
      results.classList.add('lab-stale');
      return;
    }
    error.hidden = true;
    error.textContent = '';
    input.removeAttribute('aria-invalid');
    results.classList.remove('lab-stale');
    preview.innerHTML = view.inputHtml;
    state = view.state;
    const names = view.parameters.map((p) => p.name).join(',');
    // Rebuild the sliders only when the set of parameters changes, so a slider being dragged keeps focus.
    if (names !== paramNames) {
      params.innerHTML = paramsHtml(view.parameters);
      paramNames = names;
    }
    results.innerHTML = resultsHtml(view, '');
    // The wrapper (role="img", aria-label) speaks for the picture; Plot's marks are decoration.
    const svg = plot(labPlotFromSamples(view.plot));
    svg.setAttribute('aria-hidden', 'true');
    results.querySelector('.lab-plot-svg')?.append(svg);
    root.dataset['state'] = 'ready';
    history.replaceState(history.state, '', base + writeLabState(state) + location.hash);
  };
  const request = viewSource(show);
  const render = (): void => request(state);

  let typing: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      state = { f: input.value, params: state.params };
      render();
    }, 200);
  });
  root.querySelector('form')?.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typing);
    state = { f: input.value, params: state.params };
    render();
  });

  let frame = 0;
  params.addEventListener('input', (event) => {
    const slider = event.target;
    if (!(slider instanceof HTMLInputElement) || slider.dataset['param'] === undefined) return;
    const value = Number(slider.value);
    const output = slider.parentElement?.querySelector('output');
    if (output) output.textContent = String(value);
    state = { f: state.f, params: { ...state.params, [slider.dataset['param']]: value } };
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(render);
  });

  saveButton.addEventListener('click', () => {
    saved = addSaved(saved, { f: state.f, params: state.params, savedAt: new Date().toISOString() });
    message = storeSaved(saved);
    notice.textContent = message === '' ? `Saved “${state.f}”.` : message;
    notice.hidden = false;
    savedBody.innerHTML = savedHtml(saved, base);
  });
  savedBody.addEventListener('click', (event) => {
    const button =
      event.target instanceof Element ? event.target.closest<HTMLButtonElement>('button[data-remove]') : null;
    if (!button) return;
    saved = removeSaved(saved, button.dataset['remove'] ?? '');
    message = storeSaved(saved);
    notice.textContent = message;
    notice.hidden = message === '';
    savedBody.innerHTML = savedHtml(saved, base);
  });

  render();
}
