import type { ProgressEntry } from '../../src/progress/progress-schema.ts';
import { describeReview, reviewSet } from '../../src/progress/review.ts';

/**
 * Renders the review into its element: the summary, the retry link (a new seed, the missed ones
 * only) and, when `open`, each missed exercise with its worked solution. Loaded with the progress
 * store by `<exercise-review>`.
 */
export function renderReview(
  root: HTMLElement,
  cards: readonly HTMLElement[],
  entries: Readonly<Record<string, ProgressEntry>>,
  open: boolean,
): void {
  const ids = cards.map((card) => card.dataset['id'] ?? '');
  const review = reviewSet(ids, entries);
  const summary = root.querySelector('[data-review-summary]');
  if (summary)
    summary.textContent =
      review.attempted === 0
        ? `Nothing checked yet in this set of ${review.total}.`
        : `${describeReview(review)}.${review.missed.length > 0 ? ` ${review.missed.length} to look at again.` : ''}`;

  const retry = root.querySelector<HTMLAnchorElement>('[data-review-retry]');
  if (retry) {
    retry.hidden = review.missed.length === 0;
    // New numbers for seeded exercises: a fresh seed, the missed ones only.
    const seed = Math.floor(Math.random() * 2 ** 31).toString(36);
    retry.href = `${root.dataset['practice'] ?? '/practice/'}?retry=${review.missed.join(',')}&seed=${seed}`;
  }
  const button = root.querySelector<HTMLButtonElement>('[data-review-open]');
  const body = root.querySelector<HTMLElement>('[data-review-body]');
  if (!button || !body) return;
  button.setAttribute('aria-expanded', String(open));
  button.textContent = open ? 'Hide the review' : 'Show what I missed, with worked solutions';
  body.hidden = !open;
  if (!open) return;
  const byId = new Map(cards.map((card) => [card.dataset['id'] ?? '', card]));
  const items = review.missed.map((id) => item(byId.get(id)));
  const untried = review.untried.map((id) => link(byId.get(id)));
  const parts: Node[] = [];
  if (items.length === 0) parts.push(paragraph(review.attempted === 0 ? 'Nothing checked yet.' : 'Nothing missed.'));
  parts.push(...items);
  if (untried.length > 0) {
    const p = paragraph('Not tried yet: ');
    untried.forEach((anchor, i) => p.append(...(i === 0 ? [] : [', ']), anchor));
    parts.push(p);
  }
  body.replaceChildren(...parts);
}

/** One missed exercise: a link to it and its worked solution (as the card shows it, with its numbers). */
function item(card: HTMLElement | undefined): HTMLElement {
  const section = document.createElement('section');
  section.className = 'review-item';
  const heading = document.createElement('p');
  heading.append(link(card));
  section.append(heading);
  const solution = card?.querySelector('[data-solution-body]');
  if (solution) {
    const copy = solution.cloneNode(true) as HTMLElement;
    copy.removeAttribute('data-solution-body');
    section.append(copy);
  }
  return section;
}

/** A link to an exercise card, named by its title ("Exercise 3 · Number"). */
function link(card: HTMLElement | undefined): HTMLAnchorElement {
  const anchor = document.createElement('a');
  anchor.href = `#${card?.id ?? ''}`;
  anchor.textContent = card?.querySelector('.exercise-title')?.textContent?.replace(/\s+/g, ' ').trim() ?? 'Exercise';
  return anchor;
}

function paragraph(text: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
}
