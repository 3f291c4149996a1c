import { renderPreview, richText } from '../exercise/runtime.ts';
import { api, ApiError, type ClassroomQuestion } from './classroom-api.ts';
import { finder } from './finder.ts';
import { solutionSteps } from './solution-steps.ts';
import { throttled } from './throttled.ts';
import { joinBlock, teacherRoom, type TeacherRoom } from './teacher-room.ts';

/**
 * The projector's live panel for one question: how many answered, correct / incorrect / invalid,
 * the mistakes by name with counts, and an anonymised answer wall from which the teacher puts one
 * answer on screen, typeset from its parse tree (renderPreview → toTeX → KaTeX, never raw HTML).
 * Only the teacher's window holds the token; the event stream tells it when to fetch the summary.
 */

interface Summary {
  joined: number;
  answered: number;
  attempts: number;
  counts: { correct: number; incorrect: number; invalid: number };
  mistakes: { key: string; name: string; count: number }[];
  answers: { id: number; student: number; answer: string; status: string; mistakeKey: string | null }[];
}

export interface PanelOptions {
  base: string;
  exercise: string;
  seed: string;
  joinUrl: string;
  /** Focus returns here when the panel closes. */
  opener?: HTMLElement;
}

/** At most one summary fetch per this many ms, however fast answers arrive. */
const REFRESH_MS = 250;

let open: { close: () => void } | undefined;

export async function openClassroomPanel(options: PanelOptions): Promise<void> {
  open?.close();
  const panel = document.createElement('div');
  panel.className = 'classroom-panel';
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-modal', 'true');
  panel.setAttribute('aria-labelledby', 'classroom-panel-title');
  panel.innerHTML = `
    <div class="classroom-box">
      <header class="classroom-head">
        <h2 id="classroom-panel-title" tabindex="-1">Ask the class</h2>
        <button type="button" class="classroom-close" data-close>Close<span class="visually-hidden"> the class panel</span></button>
      </header>
      <div class="classroom-joinslot" data-join><p class="classroom-join">Opening a room…</p></div>
      <p class="classroom-assignment-note" data-assignment-note role="status" hidden></p>
      <div class="classroom-prompt" data-prompt></div>
      <dl class="classroom-counts" aria-live="polite">
        <div><dt>Answered</dt><dd data-count="answered">0</dd></div>
        <div class="is-correct"><dt>Correct</dt><dd data-count="correct">0</dd></div>
        <div class="is-incorrect"><dt>Incorrect</dt><dd data-count="incorrect">0</dd></div>
        <div class="is-invalid"><dt>Unreadable</dt><dd data-count="invalid">0</dd></div>
      </dl>
      <div class="classroom-columns">
        <section aria-labelledby="classroom-mistakes-title">
          <h3 id="classroom-mistakes-title">Mistakes</h3>
          <ol class="classroom-mistakes" data-mistakes></ol>
          <p class="muted" data-no-mistakes>None yet.</p>
        </section>
        <section aria-labelledby="classroom-wall-title">
          <h3 id="classroom-wall-title">Answers <span class="muted">(anonymous; pick one to show it)</span></h3>
          <ul class="classroom-wall" data-wall></ul>
        </section>
      </div>
      <section class="classroom-spotlight" data-spotlight hidden aria-label="Answer on screen"></section>
      <section class="classroom-solution" data-solution hidden aria-label="Solution"></section>
      <p class="classroom-actions">
        <button type="button" data-reveal>Reveal solution</button>
        <button type="button" data-export>Export CSV</button>
        <a data-assign-lesson href="#">Assign this lesson’s exercises</a>
        <span class="classroom-status" data-status role="status"></span>
      </p>
    </div>`;
  document.body.append(panel);
  const $ = finder(panel, 'classroom panel');
  const status = $<HTMLElement>('[data-status]');
  const stream: { events?: EventSource; schedule?: ReturnType<typeof throttled> } = {};

  const close = () => {
    stream.events?.close();
    stream.schedule?.cancel();
    panel.remove();
    open = undefined;
    options.opener?.focus();
  };
  open = { close };
  $<HTMLButtonElement>('[data-close]').addEventListener('click', close);
  // The deck's keys (arrows, space, S…) must not act behind the panel; Escape closes it.
  panel.addEventListener('keydown', (event) => {
    event.stopPropagation();
    if (event.key === 'Escape') close();
  });
  $<HTMLElement>('#classroom-panel-title').focus();

  let room: TeacherRoom;
  let question: ClassroomQuestion;
  try {
    room = await teacherRoom(options.base);
    question = (
      await api<{ question: ClassroomQuestion }>(`${options.base}api/rooms/${room.code}/question`, {
        method: 'PUT',
        token: room.teacherToken,
        body: { exercise: options.exercise, seed: options.seed },
      })
    ).question;
  } catch (error) {
    $<HTMLElement>('[data-join]').textContent =
      error instanceof Error ? `Could not open a room: ${error.message}` : 'Could not open a room.';
    return;
  }
  $<HTMLElement>('[data-join]').replaceChildren(joinBlock(options.base, options.joinUrl, room.code));
  $<HTMLElement>('[data-prompt]').innerHTML = richText(question.prompt);
  // Assignments live on their own page (same browser, same room): the lesson's set, preselected.
  $<HTMLAnchorElement>('[data-assign-lesson]').href =
    `${options.base}classroom/?lesson=${encodeURIComponent(question.lesson)}`;

  const refresh = async () => {
    try {
      const summary = await api<Summary>(
        `${options.base}api/rooms/${room.code}/summary?exercise=${encodeURIComponent(options.exercise)}`,
        { token: room.teacherToken },
      );
      render(panel, summary, question);
      status.textContent = '';
    } catch (error) {
      status.textContent = error instanceof ApiError ? error.message : 'Could not read the answers.';
    }
  };
  const schedule = throttled(() => void refresh(), REFRESH_MS);
  stream.schedule = schedule;
  const events = new EventSource(`${options.base}api/rooms/${room.code}/events`);
  events.addEventListener('answered', (event) => {
    const data = JSON.parse((event as MessageEvent<string>).data) as { exercise: string };
    if (data.exercise === options.exercise) schedule();
  });
  events.addEventListener('joined', schedule);
  // While an assignment is open the phones show it, not this question: say so on the projector.
  const note = $<HTMLElement>('[data-assignment-note]');
  events.addEventListener('assignment', (event) => {
    const open = JSON.parse((event as MessageEvent<string>).data) as { title: string; closed: boolean } | null;
    note.hidden = open === null || open.closed;
    note.textContent =
      open === null
        ? ''
        : `Phones show the open assignment “${open.title}”, not this question: close it on the assignments page to ask this one.`;
  });
  events.addEventListener('open', schedule);
  stream.events = events;

  // "Reveal solution" steps through the worked solution, one sentence per click; the first click
  // also reveals it on the phones (whole).
  const reveal = $<HTMLButtonElement>('[data-reveal]');
  const solutionBox = $<HTMLElement>('[data-solution]');
  let steps: string[] = [];
  let shown = 0;
  const showSteps = () => {
    solutionBox.hidden = false;
    const list = document.createElement('ol');
    list.className = 'solution-steps';
    for (const step of steps.slice(0, shown)) {
      const item = document.createElement('li');
      item.innerHTML = richText(step);
      list.append(item);
    }
    const heading = document.createElement('h3');
    heading.textContent = 'Solution';
    solutionBox.replaceChildren(heading, list);
    reveal.textContent = shown < steps.length ? `Next step (${shown + 1} of ${steps.length})` : 'Solution shown';
    reveal.disabled = shown >= steps.length;
  };
  reveal.addEventListener('click', () => {
    if (steps.length > 0) {
      shown++;
      showSteps();
      return;
    }
    void api<{ question: ClassroomQuestion }>(`${options.base}api/rooms/${room.code}/reveal`, {
      method: 'POST',
      token: room.teacherToken,
    }).then(
      ({ question: revealed }) => {
        steps = solutionSteps(revealed.solution ?? '');
        shown = 1;
        showSteps();
      },
      (error: unknown) => (status.textContent = error instanceof Error ? error.message : 'Could not reveal.'),
    );
  });
  $<HTMLButtonElement>('[data-export]').addEventListener('click', () => {
    void fetch(`${options.base}api/rooms/${room.code}/export.csv`, {
      headers: { authorization: `Bearer ${room.teacherToken}` },
    })
      .then((response) =>
        response.ok ? response.blob() : Promise.reject(new Error(`export failed (${response.status})`)),
      )
      .then((blob) => {
        const link = document.createElement('a');
        link.href = URL.createObjectURL(blob);
        link.download = `classroom-${room.code}.csv`;
        link.click();
        URL.revokeObjectURL(link.href);
      })
      .catch((error: unknown) => (status.textContent = error instanceof Error ? error.message : 'Export failed.'));
  });
}

function render(panel: HTMLElement, summary: Summary, question: ClassroomQuestion): void {
  const set = (name: string, text: string) => {
    const cell = panel.querySelector(`[data-count="${name}"]`);
    if (cell) cell.textContent = text;
  };
  set('answered', `${summary.answered} of ${summary.joined}`);
  set('correct', String(summary.counts.correct));
  set('incorrect', String(summary.counts.incorrect));
  set('invalid', String(summary.counts.invalid));

  const mistakes = panel.querySelector<HTMLElement>('[data-mistakes]');
  const none = panel.querySelector<HTMLElement>('[data-no-mistakes]');
  if (mistakes && none) {
    none.hidden = summary.mistakes.length > 0;
    mistakes.replaceChildren(
      ...summary.mistakes.map((m) => {
        const item = document.createElement('li');
        item.dataset['mistake'] = m.key;
        const name = document.createElement('span');
        name.className = 'mistake-name';
        // Mistake names are the exercise's own authored feedback (or the grader's fixed names), typeset.
        name.innerHTML = richText(m.name);
        const count = document.createElement('strong');
        count.className = 'mistake-count';
        count.textContent = String(m.count);
        item.append(name, count);
        return item;
      }),
    );
  }

  const wall = panel.querySelector<HTMLElement>('[data-wall]');
  const spotlight = panel.querySelector<HTMLElement>('[data-spotlight]');
  if (!wall || !spotlight) return;
  const symbols = question.symbols ?? [];
  wall.replaceChildren(
    ...summary.answers.map((a) => {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'wall-answer';
      button.dataset['status'] = a.status;
      if (a.mistakeKey) button.dataset['mistake'] = a.mistakeKey;
      const label = document.createElement('span');
      label.className = 'visually-hidden';
      label.textContent = `Answer ${a.student} (${a.status}): `;
      const math = document.createElement('span');
      showAnswer(a.answer, math, question, symbols);
      button.append(label, math);
      button.addEventListener('click', () => {
        spotlight.hidden = false;
        const heading = document.createElement('h3');
        heading.textContent = 'On screen: one answer from the class';
        const big = document.createElement('div');
        big.className = 'spotlight-math';
        // Scrollable when an answer is wider than the screen: focusable so the keyboard can scroll it.
        big.tabIndex = 0;
        big.setAttribute('role', 'group');
        big.setAttribute('aria-label', 'The answer on screen');
        showAnswer(a.answer, big, question, symbols);
        spotlight.replaceChildren(heading, big);
      });
      item.append(button);
      return item;
    }),
  );
}

/** An answer typeset from its parse tree; choices and orders as the chosen options' text. */
function showAnswer(
  answer: string,
  target: HTMLElement,
  question: ClassroomQuestion,
  symbols: readonly string[],
): void {
  if (question.kind === 'expression' || question.kind === 'numeric') {
    renderPreview(answer, target, symbols);
    return;
  }
  const indices = parseIndices(answer);
  const texts =
    question.kind === 'choice'
      ? indices.map((i) => question.choices?.[i] ?? '?')
      : indices.map((i) => `$${question.steps?.find((s) => s.index === i)?.tex ?? '?'}$`);
  target.innerHTML = texts.map((t) => richText(t)).join(' · ');
}

function parseIndices(answer: string): number[] {
  try {
    const parsed: unknown = JSON.parse(answer);
    return Array.isArray(parsed) ? parsed.map(Number) : [];
  } catch {
    return [];
  }
}
