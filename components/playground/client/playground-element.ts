import type { PlaygroundHandle } from './playground-widget.ts';

/**
 * The only playground code a page loads up front: `<training-playground>` imports the widget (which
 * brings the engine's worker and Plot) as soon as it is connected — it sits at the top of its page —
 * or never, when scripts are off, leaving the server-rendered controls disabled and the preset
 * snapshots to read.
 */
export function definePlayground(): void {
  if (customElements.get('training-playground')) return;
  customElements.define(
    'training-playground',
    class extends HTMLElement {
      #started = false;
      /** The hydrated widget (its render times feed the frame-time benchmark). */
      handle: PlaygroundHandle | undefined;

      connectedCallback(): void {
        // Wired once: connectedCallback runs again whenever the node moves (slides move nodes).
        if (this.#started) return;
        this.#started = true;
        this.dataset['loading'] = '';
        import('./playground-widget.ts')
          .then((module) => {
            this.handle = module.hydrate(this);
            this.dataset['ready'] = '';
          })
          .catch((error: unknown) => {
            this.dataset['error'] = '';
            const state = this.querySelector('[data-out="engine"]');
            if (state !== null)
              state.textContent = 'The training engine could not load; the presets below still show what it does.';
            console.error('training-playground: could not load', error);
          })
          .finally(() => {
            delete this.dataset['loading'];
          });
      }
    },
  );
}
