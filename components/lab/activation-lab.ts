/**
 * `<activation-lab>`: the only lab code a page loads up front. The server-rendered default stands
 * until the reader reaches for the lab (focus, pointer, or a function in the URL); then the engine
 * (parser, differentiation, checker, KaTeX, Plot) is imported and takes over.
 */
class ActivationLab extends HTMLElement {
  #started = false;

  connectedCallback(): void {
    if (new URLSearchParams(location.search).has('f')) {
      void this.#start();
      return;
    }
    const start = (): void => void this.#start();
    this.addEventListener('focusin', start, { once: true });
    this.addEventListener('pointerenter', start, { once: true });
    this.addEventListener('touchstart', start, { once: true, passive: true });
  }

  async #start(): Promise<void> {
    if (this.#started) return;
    this.#started = true;
    this.dataset['state'] = 'loading';
    try {
      const { hydrate } = await import('./lab-runtime.ts');
      hydrate(this);
    } catch (e) {
      this.dataset['state'] = 'failed';
      const notice = this.querySelector<HTMLElement>('.lab-notice');
      if (notice) {
        notice.hidden = false;
        notice.textContent = 'The lab could not start; the default function is shown as built.';
      }
      console.error(e);
    }
  }
}

if (!customElements.get('activation-lab')) customElements.define('activation-lab', ActivationLab);
