/**
 * The only plot code a page loads up front: a custom element that waits until it is within ~200px
 * of the viewport (or the URL holds its state, or the reader focuses inside it) and then imports
 * its interactive chunk (Plot, the spec, the math). Until then the server-rendered SVG stands.
 */

/** What a lazily loaded widget module exports. */
export interface WidgetModule {
  hydrate(root: HTMLElement): void;
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
      #observer: IntersectionObserver | undefined;

      connectedCallback(): void {
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
            module.hydrate(this);
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
