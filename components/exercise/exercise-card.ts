import type { Exercise } from '../../src/content/exercise-schema.ts';
import type { ProgressEntry, ProgressStore } from '../../src/progress/index.ts';
import type { ExerciseResponse, ExerciseVerdict } from './grade-exercise.ts';
import type { ExerciseInstance } from './instantiate.ts';
import { PROGRESS_CHANGED, hasStoredProgress, urlSeed } from './has-progress.ts';

type Runtime = typeof import('./runtime.ts');

/** Attempts after which the worked solution is offered even without a correct answer. */
const ATTEMPTS_BEFORE_SOLUTION = 3;

let runtimePromise: Promise<Runtime> | undefined;
/** The lazily loaded runtime, shared by every exercise on the page. */
function loadRuntime(): Promise<Runtime> {
  runtimePromise ??= import('./runtime.ts');
  return runtimePromise;
}

/**
 * `<exercise-card>`: the behaviour of one server-rendered exercise. Without JavaScript the card is
 * its prompt and a `<details>` with the worked solution. With it, the form appears; the grader,
 * KaTeX and the parser arrive on the first interaction. Attempts, hints and the last answer are
 * saved under the exercise's stable id.
 */
class ExerciseCard extends HTMLElement {
  #template: Exercise | undefined;
  #instance: ExerciseInstance | undefined;
  #seed: string | undefined;
  #attempts = 0;
  #solved = false;
  #hintsShown = 0;

  connectedCallback(): void {
    const form = this.#query<HTMLFormElement>('[data-form]');
    const solution = this.#query<HTMLDetailsElement>('[data-solution]');
    if (!form || !solution) return;
    form.hidden = false;
    solution.hidden = true;
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
    this.#updateHintButton();

    if (this.dataset['seeded'] === 'true' && this.#seed !== undefined) void this.#reseed();
    if (hasStoredProgress()) void this.#restore();
    // The progress panel announces imports and resets; follow them without a reload.
    window.addEventListener(PROGRESS_CHANGED, () => void this.#refresh());
  }

  /** Re-reads this exercise's saved entry after an import or reset elsewhere on the page. */
  async #refresh(): Promise<void> {
    const entry = (await this.#store()).get(this.#id);
    this.#attempts = entry?.attempts ?? 0;
    this.#solved = entry?.correct ?? false;
    this.#renderStatus(entry ?? { attempts: 0, correct: false, score: 0, hintsUsed: 0, updatedAt: '' });
    if (entry === undefined) {
      this.#setFeedback('', '');
      const solution = this.#query('[data-solution]');
      if (solution) solution.hidden = true;
    } else {
      this.#updateSolution();
    }
  }

  #query<T extends Element = HTMLElement>(selector: string): T | null {
    return this.querySelector<T>(selector);
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

  async #store(): Promise<ProgressStore> {
    const { progressStore, showProgressNotices } = await import('./progress-client.ts');
    const store = progressStore();
    showProgressNotices(store);
    return store;
  }

  /** Restores the saved state: attempts, hints shown, the last answer and whether it was solved. */
  async #restore(): Promise<void> {
    const entry = (await this.#store()).get(this.#id);
    if (!entry) return;
    this.#attempts = entry.attempts;
    this.#solved = entry.correct;
    while (this.#hintsShown < entry.hintsUsed && this.#revealNextHint()) {
      // reveal one hint at a time until the saved count is reached
    }
    if (entry.lastAnswer !== undefined) this.#restoreAnswer(entry.lastAnswer);
    this.#renderStatus(entry);
    if (entry.correct) this.#setFeedback('correct', 'You solved this before. Your answer is restored.');
    this.#updateSolution();
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
        if (item && list) list.append(item);
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

  /** Grades the current answer; an invalid one costs no attempt. */
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
    const store = await this.#store();
    const answer =
      response.kind === 'text'
        ? response.text
        : response.kind === 'choice'
          ? response.selected.join(',')
          : response.order.join(',');
    const entry = store.recordAttempt(this.#id, { correct: verdict.status === 'correct', answer });
    this.#attempts = entry.attempts;
    this.#solved = entry.correct;
    const unlocked = this.#updateSolution();
    const tail = unlocked && verdict.status !== 'correct' ? ' The worked solution is now available below.' : '';
    this.#setFeedback(verdict.status, verdict.feedback + tail, runtime.richText);
    this.#renderStatus(entry);
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
    else region.textContent = prefix + body;
  }

  #renderStatus(entry: ProgressEntry): void {
    const status = this.#query('[data-badge]');
    const attempts = this.#query('[data-attempts]');
    if (status) status.textContent = entry.correct ? `✓ Solved (score ${Math.round(entry.score * 100)}%)` : '';
    if (attempts)
      attempts.textContent = entry.attempts === 0 ? '' : `${entry.attempts} attempt${entry.attempts === 1 ? '' : 's'}`;
  }

  /** Shows the worked solution after a correct answer or enough attempts. Returns whether it is shown. */
  #updateSolution(): boolean {
    const solution = this.#query<HTMLDetailsElement>('[data-solution]');
    const unlocked = this.#solved || this.#attempts >= ATTEMPTS_BEFORE_SOLUTION;
    if (solution && unlocked) solution.hidden = false;
    return unlocked;
  }

  #revealNextHint(): boolean {
    const next = this.querySelectorAll<HTMLElement>('[data-hints] li')[this.#hintsShown];
    if (!next) return false;
    next.hidden = false;
    this.#hintsShown++;
    this.#updateHintButton();
    return true;
  }

  async #showHint(): Promise<void> {
    if (!this.#revealNextHint()) return;
    const store = await this.#store();
    store.recordHints(this.#id, this.#hintsShown);
  }

  #updateHintButton(): void {
    const button = this.#query<HTMLButtonElement>('[data-hint-button]');
    const total = this.querySelectorAll('[data-hints] li').length;
    if (!button) return;
    const left = total - this.#hintsShown;
    button.textContent = left > 0 ? `Show a hint (${this.#hintsShown + 1} of ${total})` : 'No more hints';
    button.disabled = left === 0;
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
