import { isStaticCopy } from '../shared/static-copy.ts';
import { examDeadline, examMinutes, timeLeft } from './exam-clock.ts';
import { PRACTICE_SET_SHOWN, urlSeed } from './has-progress.ts';

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
    const asked = urlSeed();
    const seed = asked ?? this.dataset['defaultSeed'] ?? '1';
    const retry = retryIds(window.location.search, new Set(pools.flatMap((p) => p.ids)));
    const note = this.querySelector<HTMLElement>('[data-retry-note]');
    if (note && retry.length > 0) {
      note.hidden = false;
      note.textContent = `Retrying the ${retry.length} exercise${retry.length === 1 ? '' : 's'} you missed, with new numbers where an exercise has them. Your earlier attempts still count.`;
    }
    const label = this.querySelector('[data-seed-label]');
    if (label) label.textContent = retry.length > 0 ? `Retry set ${seed}` : `Set ${seed}`;
    const next = this.querySelector<HTMLAnchorElement>('[data-new-set]');
    if (next) next.href = `?seed=${Math.floor(Math.random() * 1e9).toString(36)}`;
    void this.#pick(pools, asked, seed, size, retry)
      .then((picked) => this.#show(pools.flatMap((p) => p.ids).filter((id) => picked.has(id))))
      .then(() => this.#afterShown(seed, retry.length > 0));
  }

  /**
   * The ids of the set, in any order. The default seed's set is the one the server rendered, so
   * it needs no draw; another seed loads the picker (and its seeded draws) first.
   */
  async #pick(
    pools: readonly { lesson: string; ids: string[] }[],
    asked: string | undefined,
    seed: string,
    size: number,
    retry: readonly string[],
  ): Promise<Set<string>> {
    if (retry.length > 0) return new Set(retry);
    const rendered = [...document.querySelectorAll<HTMLElement>('[data-exercise-set="practice"] exercise-card')];
    if (asked === undefined || asked === this.dataset['defaultSeed'])
      return new Set(rendered.map((card) => card.dataset['id'] ?? ''));
    const { pickPractice } = await import('./pick-practice.ts');
    return new Set(pickPractice(pools, seed, size));
  }

  /**
   * Shows exactly the cards of `order`, in that order, numbered 1…n: the page rendered the default
   * set; any other card is fetched once from its fragment (`/practice/cards/<id>/`), same origin.
   * A card that cannot be fetched (offline) is reported, and the rest of the set still works.
   */
  async #show(order: readonly string[]): Promise<void> {
    const set = document.querySelector<HTMLElement>('[data-exercise-set="practice"]');
    if (!set) return;
    const status = this.querySelector<HTMLElement>('[data-set-status]');
    const present = new Map(
      [...set.querySelectorAll<HTMLElement>('exercise-card')].map((card) => [card.dataset['id'] ?? '', card]),
    );
    const missing = order.filter((id) => !present.has(id));
    if (missing.length > 0 && status)
      status.textContent = ` · Loading ${missing.length} exercise${missing.length === 1 ? '' : 's'}…`;
    const fetched = await Promise.all(missing.map((id) => this.#fetchCard(id)));
    missing.forEach((id, i) => {
      const card = fetched[i];
      if (card) present.set(id, card);
    });
    const failed = missing.filter((_, i) => fetched[i] === undefined);
    if (status) {
      status.textContent =
        failed.length === 0
          ? ''
          : ` · ${failed.length} exercise${failed.length === 1 ? '' : 's'} of this set could not be loaded (are you offline?). Reload to try again.`;
    }
    const review = set.querySelector('exercise-review');
    // Only what changes is touched: the default set is already on the page, in order and numbered,
    // and moving or re-hiding its cards would make the browser restyle and lay out every one.
    const shown = order.flatMap((id) => present.get(id) ?? []);
    for (const card of present.values()) if (!shown.includes(card) && !card.hidden) card.hidden = true;
    // From the last card back, so that the card each one goes before is already in place.
    for (let i = shown.length - 1; i >= 0; i--) {
      const card = shown[i] as HTMLElement;
      const number = card.querySelector('[data-number]');
      if (number && number.textContent !== String(i + 1)) number.textContent = String(i + 1);
      if (card.hidden) card.hidden = false;
      const before = shown[i + 1] ?? review;
      if (card.parentElement !== set || card.nextElementSibling !== before) set.insertBefore(card, before);
    }
  }

  async #fetchCard(id: string): Promise<HTMLElement | undefined> {
    try {
      const response = await fetch(`${this.dataset['cards'] ?? '/practice/cards/'}${encodeURIComponent(id)}/`);
      if (!response.ok) return undefined;
      const html = new DOMParser().parseFromString(await response.text(), 'text/html');
      const card = html.querySelector<HTMLElement>(`exercise-card[data-id="${CSS.escape(id)}"]`);
      return card ? document.importNode(card, true) : undefined;
    } catch {
      return undefined;
    }
  }

  #afterShown(seed: string, retrying: boolean): void {
    document.dispatchEvent(new Event(PRACTICE_SET_SHOWN));
    const minutes = examMinutes(window.location.search);
    // The offer is laid out from the first paint (server HTML, `needs-js`); a retry or a running
    // exam has no use for it.
    const offer = this.querySelector<HTMLElement>('[data-exam-offer]');
    const link = this.querySelector<HTMLAnchorElement>('[data-exam-link]');
    if (offer) offer.hidden = retrying || minutes !== undefined;
    if (link) link.href = `?seed=${encodeURIComponent(seed)}&exam=20`;
    if (minutes !== undefined) this.#startExam(seed, minutes);
  }

  /**
   * A timed exam over the shown set: hints off and worked solutions locked while the clock runs
   * (the cards read `data-exam` on their set); when it ends, or on "Hand in", every answer is
   * locked, the solutions open and the review is shown. The deadline survives a reload.
   */
  #startExam(seed: string, minutes: number): void {
    const set = document.querySelector<HTMLElement>('[data-exercise-set="practice"]');
    const bar = this.querySelector<HTMLElement>('[data-exam-bar]');
    const clock = this.querySelector<HTMLElement>('[data-exam-clock]');
    const announce = this.querySelector<HTMLElement>('[data-exam-announce]');
    if (!set || !bar || !clock) return;
    const key = `activation-derivatives:exam:${seed}:${minutes}`;
    let stored: string | null = null;
    try {
      stored = sessionStorage.getItem(key);
    } catch {
      // No session storage: the clock restarts on a reload, nothing else is lost.
    }
    const deadline = examDeadline(stored, minutes, Date.now());
    try {
      sessionStorage.setItem(key, String(deadline));
    } catch {
      // As above.
    }
    bar.hidden = false;
    set.dataset['exam'] = 'running';
    const said = new Set<number>();
    let timer = 0;
    const end = (why: string) => {
      window.clearInterval(timer);
      set.dataset['exam'] = 'over';
      clock.textContent = why;
      if (announce) announce.textContent = why;
      for (const control of set.querySelectorAll<HTMLInputElement | HTMLButtonElement>(
        'exercise-card input, exercise-card button',
      ))
        control.disabled = true;
      this.querySelector<HTMLButtonElement>('[data-exam-hand-in]')?.setAttribute('hidden', '');
      const open = set.querySelector<HTMLButtonElement>('exercise-review [data-review-open]');
      if (open?.getAttribute('aria-expanded') === 'false') open.click();
      set.querySelector('exercise-review')?.scrollIntoView({ block: 'start' });
    };
    const tick = () => {
      const left = deadline - Date.now();
      if (left <= 0) return end('This exam is over: your answers are locked. Your review is below.');
      clock.textContent = timeLeft(deadline, Date.now());
      // Spoken warnings at 5 and 1 minutes left, once each.
      for (const mark of [5, 1])
        if (left <= mark * 60_000 && left > (mark - 1) * 60_000 && !said.has(mark)) {
          said.add(mark);
          if (announce) announce.textContent = `${mark} minute${mark === 1 ? '' : 's'} left.`;
        }
    };
    this.querySelector('[data-exam-hand-in]')?.addEventListener('click', () => {
      try {
        // A reload after handing in finds the exam over.
        sessionStorage.setItem(key, String(Date.now()));
      } catch {
        // Without session storage a reload starts the clock again.
      }
      end('Handed in: your answers are locked. Your review is below.');
    });
    tick();
    timer = window.setInterval(tick, 1000);
  }
}

if (!customElements.get('practice-set')) customElements.define('practice-set', PracticeSet);
