import { urlSeed } from './has-progress.ts';
import { pickPractice } from './instantiate.ts';

/**
 * `<practice-set>` on the practice page: shows the exercises the seed picks (from `?seed=`, else
 * the default the server already showed), numbers them 1…n, and points "New set" at a fresh seed.
 */
class PracticeSet extends HTMLElement {
  connectedCallback(): void {
    const pools = JSON.parse(this.dataset['pools'] ?? '[]') as { lesson: string; ids: string[] }[];
    const size = Number(this.dataset['size'] ?? '10');
    const seed = urlSeed() ?? this.dataset['defaultSeed'] ?? '1';
    const picked = new Set(pickPractice(pools, seed, size));
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
    if (label) label.textContent = `Set ${seed}`;
    const next = this.querySelector<HTMLAnchorElement>('[data-new-set]');
    if (next) next.href = `?seed=${Math.floor(Math.random() * 1e9).toString(36)}`;
  }
}

if (!customElements.get('practice-set')) customElements.define('practice-set', PracticeSet);
