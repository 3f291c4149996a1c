import { PROGRESS_KEY } from '../../src/progress/progress-key.ts';
import { describeReview, reviewSet } from '../../src/progress/review.ts';
import type { ProgressEntry } from '../../src/progress/progress-schema.ts';
import { isStaticCopy } from '../shared/static-copy.ts';
import { PRACTICE_SET_SHOWN, hasStoredProgress } from './has-progress.ts';

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
      this.#render();
    });
    // Working on the set (or another tab writing progress) is the cue to read the store.
    this.#set()?.addEventListener('submit', () => this.#follow());
    // The practice page picks its visible cards when its script runs: count those.
    document.addEventListener(PRACTICE_SET_SHOWN, () => this.#render());
    window.addEventListener('storage', (event) => {
      if (event.key === PROGRESS_KEY || event.key === null) this.#follow();
    });
    this.#render();
  }

  #set(): HTMLElement | null {
    return this.closest<HTMLElement>('[data-exercise-set]');
  }

  #follow(): void {
    if (this.#unsubscribe !== undefined) return;
    void import('./progress-client.ts').then(({ progressStore }) => {
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

  /** The visible cards of the set, in page order. */
  #cards(): HTMLElement[] {
    return [...(this.#set()?.querySelectorAll<HTMLElement>('exercise-card:not([hidden])') ?? [])];
  }

  #render(): void {
    const cards = this.#cards();
    const ids = cards.map((card) => card.dataset['id'] ?? '');
    const review = reviewSet(ids, this.#entries);
    const summary = this.querySelector('[data-review-summary]');
    if (summary)
      summary.textContent =
        review.attempted === 0
          ? `Nothing checked yet in this set of ${review.total}.`
          : `${describeReview(review)}.${review.missed.length > 0 ? ` ${review.missed.length} to look at again.` : ''}`;

    const retry = this.querySelector<HTMLAnchorElement>('[data-review-retry]');
    if (retry) {
      retry.hidden = review.missed.length === 0;
      // New numbers for seeded exercises: a fresh seed, the missed ones only.
      const seed = Math.floor(Math.random() * 2 ** 31).toString(36);
      retry.href = `${this.dataset['practice'] ?? '/practice/'}?retry=${review.missed.join(',')}&seed=${seed}`;
    }
    const button = this.querySelector<HTMLButtonElement>('[data-review-open]');
    const body = this.querySelector<HTMLElement>('[data-review-body]');
    if (!button || !body) return;
    button.setAttribute('aria-expanded', String(this.#open));
    button.textContent = this.#open ? 'Hide the review' : 'Show what I missed, with worked solutions';
    body.hidden = !this.#open;
    if (!this.#open) return;
    const byId = new Map(cards.map((card) => [card.dataset['id'] ?? '', card]));
    const items = review.missed.map((id) => this.#item(byId.get(id)));
    const untried = review.untried.map((id) => this.#link(byId.get(id)));
    const parts: Node[] = [];
    if (items.length === 0) parts.push(paragraph(review.attempted === 0 ? 'Nothing checked yet.' : 'Nothing missed.'));
    parts.push(...items);
    if (untried.length > 0) {
      const p = paragraph('Not tried yet: ');
      untried.forEach((link, i) => p.append(...(i === 0 ? [] : [', ']), link));
      parts.push(p);
    }
    body.replaceChildren(...parts);
  }

  /** One missed exercise: a link to it and its worked solution (as the card shows it, with its numbers). */
  #item(card: HTMLElement | undefined): HTMLElement {
    const item = document.createElement('section');
    item.className = 'review-item';
    const heading = document.createElement('p');
    heading.append(this.#link(card));
    item.append(heading);
    const solution = card?.querySelector('[data-solution-body]');
    if (solution) {
      const copy = solution.cloneNode(true) as HTMLElement;
      copy.removeAttribute('data-solution-body');
      item.append(copy);
    }
    return item;
  }

  #link(card: HTMLElement | undefined): HTMLAnchorElement {
    const link = document.createElement('a');
    link.href = `#${card?.id ?? ''}`;
    link.textContent = card?.querySelector('.exercise-title')?.textContent?.replace(/\s+/g, ' ').trim() ?? 'Exercise';
    return link;
  }
}

function paragraph(text: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
}

if (!customElements.get('exercise-review')) customElements.define('exercise-review', ExerciseReview);
