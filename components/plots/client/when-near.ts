/**
 * The only plot code a page loads up front: a custom element that waits until it is within ~200px
 * of the viewport (or the URL holds its state, or the reader focuses inside it, or present mode
 * sends it a state) and then imports its interactive chunk (Plot, the spec, the math). Until then
 * the server-rendered SVG stands.
 *
 * Present mode keeps a widget in step across the projector and the speaker view: the widget
 * dispatches `widget-state` when the reader changes it (see runtime.ts `statePublisher`), and the
 * deck dispatches `widget-state-apply` on it with the other window's state. This element takes the
 * apply: a hydrated widget applies it at once; one still asleep wakes up and applies the newest
 * state it received once its chunk has loaded.
 */
import { isStaticCopy } from '../../shared/static-copy.ts';
import { appliedState, type WidgetState } from '../specs/widget-state.ts';

/** What a hydrated widget offers its element. */
export interface WidgetHandle {
  /** Show `state` (from the other window) without announcing it as a change of its own. */
  apply(state: WidgetState): void;
}

/** What a lazily loaded widget module exports. */
export interface WidgetModule {
  hydrate(root: HTMLElement): WidgetHandle;
}

function urlHasState(id: string): boolean {
  if (id === '') return false;
  for (const key of new URLSearchParams(location.search).keys()) if (key.startsWith(`${id}.`)) return true;
  return false;
}

export function defineLazyWidget(tag: string, load: () => Promise<WidgetModule>): void {
  if (customElements.get(tag)) return;
  customElements.define(
    tag,
    class extends HTMLElement {
      #started = false;
      #prepared = false;
      #observer: IntersectionObserver | undefined;
      #handle: WidgetHandle | undefined;
      /** The newest state applied before the widget hydrated; only the last one matters. */
      #pending: WidgetState | undefined;

      constructor() {
        super();
        this.addEventListener('widget-state-apply', (event) => {
          const state = appliedState(event instanceof CustomEvent ? event.detail : undefined, this.id);
          if (state === undefined || isStaticCopy(this)) return;
          if (this.#handle !== undefined) return this.#handle.apply(state);
          this.#pending = state;
          this.#start(load);
        });
      }

      connectedCallback(): void {
        // A slide preview's copy keeps the picture it was copied with and loads nothing.
        if (this.#started || isStaticCopy(this)) return;
        this.#prepare();
        const start = (): void => this.#start(load);
        if (urlHasState(this.id) || !('IntersectionObserver' in window)) return start();
        this.#observer = new IntersectionObserver(
          (entries) => {
            if (entries.some((e) => e.isIntersecting)) start();
          },
          { rootMargin: '200px' },
        );
        this.#observer.observe(this);
        this.addEventListener('focusin', start, { once: true });
      }

      /**
       * From the first paint, every control is in the tab order: the fieldsets (disabled in the HTML,
       * where without JavaScript they could do nothing) are enabled, and a plot whose point moves
       * becomes a slider (its ARIA values rendered by the server in `data-slider`). Focusing any of
       * them wakes the widget (see connectedCallback). Runs once: the deck moves nodes, which calls
       * connectedCallback again.
       */
      #prepare(): void {
        if (this.#prepared) return;
        this.#prepared = true;
        for (const fieldset of this.querySelectorAll('fieldset[disabled]')) fieldset.removeAttribute('disabled');
        const area = this.querySelector<HTMLElement>('.plot-area[data-slider]');
        if (area === null || area.hasAttribute('role')) return;
        let values: unknown;
        try {
          values = JSON.parse(area.dataset['slider'] ?? '{}');
        } catch {
          return;
        }
        if (typeof values !== 'object' || values === null) return;
        for (const [name, value] of Object.entries(values))
          if (typeof value === 'string') area.setAttribute(name, value);
        area.setAttribute('role', 'slider');
        area.setAttribute('aria-label', area.dataset['label'] ?? 'Point z');
        area.setAttribute('aria-orientation', 'horizontal');
        area.tabIndex = 0;
      }

      disconnectedCallback(): void {
        this.#observer?.disconnect();
      }

      #start(loader: () => Promise<WidgetModule>): void {
        if (this.#started) return;
        this.#started = true;
        this.#observer?.disconnect();
        this.dataset['loading'] = '';
        // Fetch Plot in parallel with the widget code. Importing it here also makes Plot a chunk of its
        // own, shared (and cached) by every widget kind, apart from the math and the specs.
        import('../plot-marks.ts').catch(() => undefined);
        loader()
          .then((module) => {
            const handle = module.hydrate(this);
            this.#handle = handle;
            const pending = this.#pending;
            this.#pending = undefined;
            if (pending !== undefined) handle.apply(pending);
            this.dataset['ready'] = '';
          })
          .catch((error: unknown) => {
            // Keep the static picture; say why in the console for whoever debugs it.
            this.dataset['error'] = '';
            console.error(`${tag}: could not load the interactive plot`, error);
          })
          .finally(() => {
            delete this.dataset['loading'];
          });
      }
    },
  );
}
