import { PROGRESS_KEY } from '../../src/progress/progress-key.ts';
import type { ProgressEntry } from '../../src/progress/progress-schema.ts';
import { isStaticCopy } from '../shared/static-copy.ts';
import { PRACTICE_SET_SHOWN, hasStoredProgress } from './has-progress.ts';

type View = typeof import('./review-view.ts');

/**
 * `<exercise-review>`: the end-of-set review. The set is the visible exercise cards in the same
 * `[data-exercise-set]` container; the figures come from the progress store's `subscribe` (the one
 * channel), so they always match the cards and the progress page.
 */
class ExerciseReview extends HTMLElement {
  #wired = false;
  #unsubscribe: (() => void) | undefined;
  #open = false;
  #entries: Readonly<Record<string, ProgressEntry>> = {};
  /** The rendering code, loaded with the store (nothing to show before there is progress). */
  #view: View | undefined;

  connectedCallback(): void {
    if (isStaticCopy(this)) return;
    if (!this.#wired) this.#wire();
    if (hasStoredProgress()) this.#follow();
  }

  disconnectedCallback(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  #wire(): void {
    this.#wired = true;
    const actions = this.querySelector<HTMLElement>('[data-review-actions]');
    if (actions) actions.hidden = false;
    this.querySelector('[data-review-open]')?.addEventListener('click', () => {
      this.#open = !this.#open;
      this.#follow(); // renders once the store and the view are loaded
      this.#render();
    });
    // Working on the set (or another tab writing progress) is the cue to read the store.
    document.addEventListener('submit', () => this.#follow());
    // The practice page picks its visible cards when its script runs: count those.
    document.addEventListener(PRACTICE_SET_SHOWN, () => this.#render());
    window.addEventListener('storage', (event) => {
      if (event.key === PROGRESS_KEY || event.key === null) this.#follow();
    });
  }

  #set(): HTMLElement | null {
    return this.closest<HTMLElement>('[data-exercise-set]');
  }

  #follow(): void {
    if (this.#unsubscribe !== undefined) return;
    void Promise.all([import('./progress-client.ts'), import('./review-view.ts')]).then(([{ progressStore }, view]) => {
      this.#view = view;
      if (this.#unsubscribe !== undefined || !this.isConnected) return;
      const store = progressStore();
      this.#unsubscribe = store.subscribe((entries) => {
        this.#entries = entries;
        this.#render();
      });
      this.#entries = store.all();
      this.#render();
    });
  }

  #render(): void {
    this.#view?.renderReview(this, this.#cards(), this.#entries, this.#open);
  }

  /**
   * The visible cards of the set, in page order: every container with the same set name (present
   * mode may split one container over several slides), never a preview's copy.
   */
  #cards(): HTMLElement[] {
    const name = this.#set()?.dataset['exerciseSet'] ?? '';
    return [
      ...document.querySelectorAll<HTMLElement>(
        `[data-exercise-set="${CSS.escape(name)}"] exercise-card:not([hidden])`,
      ),
    ].filter((card) => !isStaticCopy(card));
  }
}

if (!customElements.get('exercise-review')) customElements.define('exercise-review', ExerciseReview);
