import { isStaticCopy } from '../shared/static-copy.ts';

/**
 * `<progress-panel>` wakes when it nears the view (or is focused): only then are the panel's code
 * and the progress store loaded (progress-panel.ts), so a page that shows the panel below the fold
 * does not pay for it up front. The server HTML already has the panel's final layout (needs-js).
 */
class ProgressPanel extends HTMLElement {
  #started = false;
  #observer: IntersectionObserver | undefined;

  connectedCallback(): void {
    if (this.#started || this.#observer !== undefined || isStaticCopy(this)) return;
    const start = (): void => this.#start();
    if (!('IntersectionObserver' in window)) return start();
    this.#observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && start(), {
      rootMargin: '200px',
    });
    this.#observer.observe(this);
    this.addEventListener('focusin', start, { once: true });
  }

  #start(): void {
    if (this.#started) return;
    this.#started = true;
    this.#observer?.disconnect();
    void import('./progress-panel.ts').then(({ wireProgressPanel }) => wireProgressPanel(this));
  }
}

if (!customElements.get('progress-panel')) customElements.define('progress-panel', ProgressPanel);
