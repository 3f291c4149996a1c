import type { Exercise } from '../../src/content/exercise-schema.ts';
import { PROGRESS_KEY } from '../../src/progress/progress-key.ts';
import type { Numbers, ProgressEntry } from '../../src/progress/progress-schema.ts';
import type { ProgressStore } from '../../src/progress/index.ts';
import { isStaticCopy } from '../shared/static-copy.ts';
import type { ExerciseResponse, ExerciseVerdict } from './grade-exercise.ts';
import type { ExerciseInstance } from './instantiate.ts';
import { hasStoredProgress, urlSeed } from './has-progress.ts';

type Runtime = typeof import('./runtime.ts');
type Progress = typeof import('./card-progress.ts');

/** Attempts after which the worked solution is offered even without a correct answer. */
const ATTEMPTS_BEFORE_SOLUTION = 3;

let runtimePromise: Promise<Runtime> | undefined;
/** The lazily loaded runtime, shared by every exercise on the page. */
function loadRuntime(): Promise<Runtime> {
  runtimePromise ??= import('./runtime.ts');
  return runtimePromise;
}

let storePromise: Promise<{ store: ProgressStore; progress: Progress }> | undefined;
/** The page's one progress store (loaded on demand); it follows other tabs through `storage` events. */
function loadStore(): Promise<{ store: ProgressStore; progress: Progress }> {
  storePromise ??= import('./card-progress.ts').then((progress) => {
    const store = progress.progressStore();
    progress.showProgressNotices(store);
    return { store, progress };
  });
  return storePromise;
}

/** Cards waiting for the store because another tab wrote progress before this page loaded any. */
const sleepers = new Set<ExerciseCard>();
// Until the store is loaded, a write in another tab is the cue to load it; from then on the store
// itself follows `storage` events (progress-client.ts), and every card renders from its `subscribe`.
window.addEventListener('storage', (event) => {
  if (storePromise !== undefined || (event.key !== PROGRESS_KEY && event.key !== null)) return;
  for (const card of sleepers) card.follow();
});

/**
 * `<exercise-card>`: the behaviour of one server-rendered exercise. Without JavaScript the card is
 * its prompt and a `<details>` with the worked solution. With it, the form appears; the grader,
 * KaTeX and the parser arrive on the first interaction.
 *
 * The card keeps no copy of attempts, hints or scores: everything it shows about them is rendered
 * from the progress store's entry for its id, on load, after each change here, and after a reset,
 * import or answer in another tab. Listeners are wired once (`connectedCallback` runs again when
 * present mode moves the card into a slide), and a static copy (slide preview) wires nothing.
 */
class ExerciseCard extends HTMLElement {
  #template: Exercise | undefined;
  /** The progress helpers and the store, once loaded (everything about saved progress renders after that). */
  #progress: Progress | undefined;
  #store: ProgressStore | undefined;
  #instance: ExerciseInstance | undefined;
  #seed: string | undefined;
  #wired = false;
  #following = false;
  #unsubscribe: (() => void) | undefined;
  /**
   * What the feedback region describes: `none` (nothing saved), `ungraded`, or the recorded attempt
   * as `count@time`; undefined until the store was first read.
   */
  #described: string | undefined;
  /** True while this card records its own check, whose feedback it writes itself. */
  #checking = false;
  /** True once the student moved a step: a late re-seed must not undo their order (or take focus away). */
  #moved = false;

  connectedCallback(): void {
    if (isStaticCopy(this)) return;
    if (!this.#wired) this.#wire();
    if (hasStoredProgress()) this.follow();
    else sleepers.add(this);
  }

  disconnectedCallback(): void {
    sleepers.delete(this);
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#following = false;
  }

  #wire(): void {
    const form = this.#query<HTMLFormElement>('[data-form]');
    // Present mode may have moved the worked solution to a slide of its own before this code loaded
    // (widget code loads when its slide comes near); the deck then shows it, so the card wires without it.
    const solution = this.#query<HTMLDetailsElement>('[data-solution]');
    if (!form) return;
    this.#wired = true;
    // The same state the page's CSS drew before wiring (ExerciseCard.astro), so nothing moves.
    this.dataset['wired'] = '';
    form.hidden = false;
    if (solution) solution.hidden = true;
    this.#seed = urlSeed();

    const wake = () => void loadRuntime();
    this.addEventListener('focusin', wake, { once: true });
    this.addEventListener('pointerdown', wake, { once: true });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#check();
    });
    this.#query('[data-hint-button]')?.addEventListener('click', () => void this.#showHint());
    this.#query('[data-input]')?.addEventListener('input', () => void this.#preview());
    this.#query('[data-steps]')?.addEventListener('click', (event) => this.#move(event));
    // The exam's start and end change what may be shown (hints, solutions).
    const set = this.closest('[data-exercise-set]');
    if (set)
      new MutationObserver(() => {
        if (this.#store !== undefined) return this.#render(this.#store.get(this.#id));
        this.#renderHints(0);
        const solution = this.#query<HTMLDetailsElement>('[data-solution]');
        if (solution) solution.hidden = this.#exam() !== 'over';
      }).observe(set, { attributes: true, attributeFilter: ['data-exam'] });
    this.#renderHints(0);
    if (this.dataset['seeded'] === 'true' && this.#seed !== undefined) void this.#reseed();
  }

  /** Subscribes to the progress store and renders this card's entry now and after every change. */
  follow(): void {
    if (this.#following) return;
    this.#following = true;
    sleepers.delete(this);
    void loadStore().then(({ store, progress }) => {
      this.#progress = progress;
      this.#store = store;
      if (!this.#following || this.#unsubscribe !== undefined) return;
      this.#unsubscribe = store.subscribe(() => this.#render(store.get(this.#id)));
      this.#render(store.get(this.#id));
    });
  }

  /** Shows what the store says: hints revealed, badge, attempts, solution, and the last answer's verdict. */
  #render(entry: ProgressEntry | undefined): void {
    const progress = this.#progress;
    if (progress === undefined) return;
    const status = progress.entryStatus(entry);
    this.#renderHints(entry?.hintsUsed ?? 0);
    const badge = this.#query('[data-badge]');
    const attempts = this.#query('[data-attempts]');
    if (badge) badge.textContent = status.solved ? `✓ Solved (score ${progress.formatScore(status.score)})` : '';
    if (attempts)
      attempts.textContent =
        status.attempts === 0 ? '' : `${status.attempts} attempt${status.attempts === 1 ? '' : 's'}`;
    const solution = this.#query<HTMLDetailsElement>('[data-solution]');
    const exam = this.#exam();
    if (solution)
      solution.hidden =
        exam === 'running' || (exam !== 'over' && !(status.solved || status.attempts >= ATTEMPTS_BEFORE_SOLUTION));
    if (this.#checking) return;

    const last = status.last;
    // What the feedback should describe: nothing saved, saved without a graded answer, or an attempt.
    const key = entry === undefined ? 'none' : last === undefined ? 'ungraded' : `${status.attempts}@${last.at}`;
    if (key === this.#described) return;
    const before = this.#described;
    this.#described = key;
    if (entry === undefined) {
      // Everything was reset (here or in another tab): a clean card.
      this.#setFeedback('', '');
      this.#clearAnswer();
      return;
    }
    if (last === undefined) {
      // Only hints so far, or a version-1 answer without its verdict (restored once, as a draft).
      if (before !== undefined || entry.draft === undefined) return;
      this.#restoreAnswer(entry.draft);
    }
    const sameNumbers = progress.sameNumbers(last, this.#numbers);
    if (last !== undefined && last.answer !== undefined && sameNumbers) this.#restoreAnswer(last.answer);
    const message = progress.restoredFeedback(status, { draft: entry.draft, sameNumbers });
    this.#setFeedback(message.status, message.text);
  }

  /** The practice page's timed exam, if this card is in one: hints and solutions wait for its end. */
  #exam(): string | undefined {
    return this.closest<HTMLElement>('[data-exercise-set]')?.dataset['exam'];
  }

  #query<T extends Element = HTMLElement>(selector: string): T | null {
    return this.querySelector<T>(selector);
  }

  /**
   * Which numbers this card shows: the seed that chose them (for a seeded exercise shown with a seed
   * from the URL) and the exercise's revision (which draws its parameters follow).
   */
  get #numbers(): Numbers {
    // `?seed=1` (the default numbers) is recorded as given; sameNumbers reads it as no seed.
    return {
      seed: this.dataset['seeded'] === 'true' ? this.#seed : undefined,
      revision: this.#templateExercise().revision,
    };
  }

  get #id(): string {
    return this.dataset['id'] ?? '';
  }

  /** The authored exercise, from the JSON the server embedded. */
  #templateExercise(): Exercise {
    this.#template ??= JSON.parse(this.#query('script[data-template]')?.textContent ?? 'null') as Exercise;
    return this.#template;
  }

  async #instanceFor(): Promise<ExerciseInstance> {
    const runtime = await loadRuntime();
    this.#instance ??= runtime.instantiate(this.#templateExercise(), this.#seed ?? runtime.DEFAULT_SEED);
    return this.#instance;
  }

  #restoreAnswer(answer: string): void {
    const kind = this.dataset['kind'];
    if (kind === 'expression' || kind === 'numeric') {
      const input = this.#query<HTMLInputElement>('[data-input]');
      if (input) input.value = answer;
      if (kind === 'expression') void this.#preview();
    } else if (kind === 'choice') {
      const selected = new Set(answer.split(','));
      for (const box of this.querySelectorAll<HTMLInputElement>('[data-choice] input'))
        box.checked = selected.has(box.value);
    } else if (kind === 'order') {
      const list = this.#query('[data-steps]');
      const order = answer.split(',');
      const items = [...this.querySelectorAll<HTMLElement>('[data-step]')];
      if (list && order.length === items.length) {
        for (const index of order) {
          const item = items.find((li) => li.dataset['step'] === index);
          if (item) list.append(item);
        }
        this.#refreshSteps();
      }
    }
  }

  /** Empties the input and the marks of a previous check (after a reset). */
  #clearAnswer(): void {
    const input = this.#query<HTMLInputElement>('[data-input]');
    if (input) input.value = '';
    this.#query('[data-preview]')?.replaceChildren();
    for (const box of this.querySelectorAll<HTMLInputElement>('[data-choice] input')) box.checked = false;
    this.#markChoices({ status: 'invalid', feedback: '' }, { kind: 'choice', selected: [] });
    this.#markSteps({ status: 'invalid', feedback: '' });
  }

  /** Redraws prompt, hints, solution and options for a seed from the URL. */
  async #reseed(): Promise<void> {
    const runtime = await loadRuntime();
    const { exercise, order } = await this.#instanceFor();
    const set = (selector: string, text: string) => {
      const el = this.#query(selector);
      if (el) el.innerHTML = runtime.richText(text);
    };
    set('[data-prompt]', exercise.prompt);
    set('[data-solution-body]', exercise.solution);
    this.querySelectorAll<HTMLElement>('[data-hints] li').forEach((li, i) => {
      li.innerHTML = runtime.richText(exercise.hints[i] ?? '');
    });
    if (exercise.kind === 'choice') {
      this.querySelectorAll<HTMLElement>('[data-choice]').forEach((row, i) => {
        const choice = exercise.choices[i];
        const label = row.querySelector('label');
        const feedback = row.querySelector('[data-choice-feedback]');
        if (choice && label) label.innerHTML = runtime.richText(choice.text);
        if (choice && feedback) feedback.innerHTML = runtime.richText(choice.feedback);
      });
    }
    if (exercise.kind === 'order') {
      const list = this.#query('[data-steps]');
      const items = [...this.querySelectorAll<HTMLElement>('[data-step]')];
      for (const index of order) {
        const item = items.find((li) => li.dataset['step'] === String(index));
        const math = item?.querySelector('.step-math');
        if (math) math.innerHTML = runtime.richText(`$${exercise.steps[index] ?? ''}$`);
        // The seeded shuffle only sets where the steps start; grading reads their indices.
        if (item && list && !this.#moved) list.append(item);
      }
      this.#refreshSteps();
    }
  }

  async #preview(): Promise<void> {
    if (this.dataset['kind'] !== 'expression') return;
    const input = this.#query<HTMLInputElement>('[data-input]');
    const target = this.#query('[data-preview]');
    if (!input || !target) return;
    const runtime = await loadRuntime();
    const { exercise } = await this.#instanceFor();
    const symbols = exercise.kind === 'expression' ? Object.keys(exercise.define ?? {}) : [];
    runtime.renderPreview(input.value, target, symbols);
  }

  #response(): ExerciseResponse {
    const kind = this.dataset['kind'];
    if (kind === 'choice') {
      const selected = [...this.querySelectorAll<HTMLInputElement>('[data-choice] input')]
        .filter((box) => box.checked)
        .map((box) => Number(box.value));
      return { kind: 'choice', selected };
    }
    if (kind === 'order') {
      return {
        kind: 'order',
        order: [...this.querySelectorAll<HTMLElement>('[data-step]')].map((li) => Number(li.dataset['step'])),
      };
    }
    return { kind: 'text', text: this.#query<HTMLInputElement>('[data-input]')?.value ?? '' };
  }

  /** Grades the current answer and records it; an invalid one costs no attempt, a repeat is not counted again. */
  async #check(): Promise<void> {
    const runtime = await loadRuntime();
    const { exercise } = await this.#instanceFor();
    const response = this.#response();
    let verdict: ExerciseVerdict;
    try {
      verdict = runtime.gradeExercise(exercise, response);
    } catch {
      verdict = { status: 'invalid', feedback: 'This answer could not be checked. Please try another form.' };
    }
    this.#markChoices(verdict, response);
    this.#markSteps(verdict);
    if (verdict.status === 'invalid') {
      this.#setFeedback('invalid', verdict.feedback, runtime.richText);
      return;
    }
    const { store, progress } = await loadStore();
    this.#progress = progress;
    this.follow();
    const answer =
      response.kind === 'text'
        ? response.text.trim()
        : response.kind === 'choice'
          ? response.selected.join(',')
          : response.order.join(',');
    const solvedBefore = progress.entryStatus(store.get(this.#id)).solved;
    this.#checking = true;
    const { seed, revision } = this.#numbers;
    let outcome;
    try {
      outcome = store.recordAttempt(this.#id, {
        correct: verdict.status === 'correct',
        answer,
        ...(seed === undefined ? {} : { seed }),
        ...(revision === undefined ? {} : { revision }),
      });
    } finally {
      this.#checking = false;
    }
    const status = progress.entryStatus(outcome.entry);
    if (status.last !== undefined) this.#described = `${status.attempts}@${status.last.at}`;
    this.#render(outcome.entry);
    const notes: string[] = [];
    // Why the score is what it is, in the words the phone in class and the teacher's table use too.
    const reason = progress.scoreReason(status, { hintsShown: outcome.entry.hintsUsed });
    if (!outcome.counted) notes.push('You checked this same answer before, so it is not counted again.');
    else if (verdict.status !== 'correct' && solvedBefore)
      notes.push(`You solved this exercise earlier; your score stays ${progress.formatScore(status.score)}.`);
    else if (!solvedBefore) notes.push(reason);
    if (
      outcome.counted &&
      verdict.status !== 'correct' &&
      status.attempts === ATTEMPTS_BEFORE_SOLUTION &&
      !status.solved
    )
      notes.push('The worked solution is now available below.');
    this.#setFeedback(verdict.status, [verdict.feedback, ...notes].join(' '), runtime.richText);
  }

  #markChoices(verdict: ExerciseVerdict, response: ExerciseResponse): void {
    if (response.kind !== 'choice') return;
    const selected = new Set(response.selected);
    this.querySelectorAll<HTMLElement>('[data-choice]').forEach((row, i) => {
      const feedback = row.querySelector<HTMLElement>('[data-choice-feedback]');
      if (feedback) feedback.hidden = verdict.status === 'invalid' || !selected.has(i);
      row.dataset['verdict'] = verdict.wrongChoices?.includes(i) ? 'wrong' : selected.has(i) ? 'chosen' : '';
    });
  }

  #markSteps(verdict: ExerciseVerdict): void {
    const wrong = new Set(verdict.wrongPositions ?? []);
    this.querySelectorAll<HTMLElement>('[data-step]').forEach((li, i) => {
      li.dataset['verdict'] = verdict.wrongPositions === undefined ? '' : wrong.has(i) ? 'wrong' : 'right';
    });
  }

  #setFeedback(status: string, text: string, render?: (text: string) => string): void {
    const region = this.#query('[data-feedback]');
    if (!region) return;
    region.dataset['status'] = status;
    const prefix = status === 'correct' ? 'Correct. ' : status === 'incorrect' ? 'Not yet. ' : '';
    const body = text.startsWith('Correct.') ? text.slice('Correct.'.length).trim() : text;
    if (render) region.innerHTML = render(prefix + body);
    else region.textContent = text === '' ? '' : prefix + body;
  }

  /** Shows the first `count` hints (as many as the store says were revealed) and labels the button. */
  #renderHints(count: number): void {
    const hints = [...this.querySelectorAll<HTMLElement>('[data-hints] li')];
    const shown = this.#exam() === 'running' ? 0 : Math.min(Math.max(0, count), hints.length);
    hints.forEach((li, i) => {
      li.hidden = i >= shown;
    });
    const button = this.#query<HTMLButtonElement>('[data-hint-button]');
    if (!button) return;
    const left = hints.length - shown;
    button.textContent = left > 0 ? `Show a hint (${shown + 1} of ${hints.length})` : 'No more hints';
    button.disabled = left === 0;
    // No hints in a timed exam.
    button.hidden = this.#exam() !== undefined;
  }

  /** Reveals the next hint by recording it; the store's change renders it. */
  async #showHint(): Promise<void> {
    const { store, progress } = await loadStore();
    this.#progress = progress;
    this.follow();
    const total = this.querySelectorAll('[data-hints] li').length;
    const shown = store.get(this.#id)?.hintsUsed ?? 0;
    if (shown >= total) return;
    const entry = store.recordHints(this.#id, shown + 1);
    this.#render(entry);
  }

  /** Moves an order-the-steps item with its up/down button, keeping keyboard focus on the moved step. */
  #move(event: Event): void {
    const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-move]');
    const item = button?.closest<HTMLElement>('[data-step]');
    const list = item?.parentElement;
    if (!button || !item || !list) return;
    const up = button.dataset['move'] === 'up';
    const sibling = up ? item.previousElementSibling : item.nextElementSibling;
    if (!sibling) return;
    if (up) list.insertBefore(item, sibling);
    else list.insertBefore(sibling, item);
    this.#moved = true;
    this.#refreshSteps();
    const items = [...list.children];
    const position = items.indexOf(item) + 1;
    const target = button.disabled
      ? item.querySelector<HTMLButtonElement>('button[data-move]:not([disabled])')
      : button;
    target?.focus();
    this.#markSteps({ status: 'invalid', feedback: '' });
    this.#setFeedback('moved', `Step moved to position ${position} of ${items.length}.`);
  }

  /** Re-labels the move buttons and disables the ones at either end. */
  #refreshSteps(): void {
    const items = [...this.querySelectorAll<HTMLElement>('[data-step]')];
    items.forEach((li, i) => {
      for (const button of li.querySelectorAll<HTMLButtonElement>('button[data-move]')) {
        const up = button.dataset['move'] === 'up';
        button.disabled = up ? i === 0 : i === items.length - 1;
        const hidden = button.querySelector('.visually-hidden');
        if (hidden) hidden.textContent = ` step ${i + 1}`;
      }
    });
  }
}

if (!customElements.get('exercise-card')) customElements.define('exercise-card', ExerciseCard);
