import { isStaticCopy } from '../shared/static-copy.ts';
import { PRACTICE_SET_SHOWN, urlSeed } from './has-progress.ts';
import { pickPractice } from './instantiate.ts';

/** The exercise ids of `?retry=a,b,c` that exist, in the order given (at most 50). */
export function retryIds(search: string, known: ReadonlySet<string>): string[] {
  const list = new URLSearchParams(search).get('retry');
  if (list === null) return [];
  return [...new Set(list.split(','))].filter((id) => known.has(id)).slice(0, 50);
}

/**
 * `<practice-set>` on the practice page: shows the exercises the seed picks (from `?seed=`, else
 * the default the server already showed), or the ones `?retry=` lists (from a review: "retry the
 * ones I got wrong", with a new seed so seeded exercises get new numbers), numbers them 1…n, and
 * points "New set" at a fresh seed.
 */
class PracticeSet extends HTMLElement {
  #wired = false;

  connectedCallback(): void {
    if (this.#wired || isStaticCopy(this)) return;
    this.#wired = true;
    const pools = JSON.parse(this.dataset['pools'] ?? '[]') as { lesson: string; ids: string[] }[];
    const size = Number(this.dataset['size'] ?? '10');
    const seed = urlSeed() ?? this.dataset['defaultSeed'] ?? '1';
    const retry = retryIds(window.location.search, new Set(pools.flatMap((p) => p.ids)));
    const picked = new Set(retry.length > 0 ? retry : pickPractice(pools, seed, size));
    const note = this.querySelector<HTMLElement>('[data-retry-note]');
    if (note && retry.length > 0) {
      note.hidden = false;
      note.textContent = `Retrying the ${retry.length} exercise${retry.length === 1 ? '' : 's'} you missed, with new numbers where an exercise has them. Your earlier attempts still count.`;
    }
    let n = 0;
    for (const card of document.querySelectorAll<HTMLElement>('exercise-card')) {
      const show = picked.has(card.dataset['id'] ?? '');
      card.hidden = !show;
      if (!show) continue;
      n++;
      const number = card.querySelector('[data-number]');
      if (number) number.textContent = String(n);
    }
    const label = this.querySelector('[data-seed-label]');
    if (label) label.textContent = retry.length > 0 ? `Retry set ${seed}` : `Set ${seed}`;
    const next = this.querySelector<HTMLAnchorElement>('[data-new-set]');
    if (next) next.href = `?seed=${Math.floor(Math.random() * 1e9).toString(36)}`;
    document.dispatchEvent(new Event(PRACTICE_SET_SHOWN));
  }
}

if (!customElements.get('practice-set')) customElements.define('practice-set', PracticeSet);
