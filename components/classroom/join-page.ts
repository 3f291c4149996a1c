import { api, ApiError, classroomStatus, newAnswerId, type ClassroomQuestion } from './classroom-api.ts';
import type { ClassroomAssignment, ClassroomResultsRow, ClassroomScore } from './classroom-question.ts';
import { Outbox, type PendingAnswer } from './outbox.ts';
import { finder } from './finder.ts';
import { isRoomCode, normaliseRoomCode, ROOM_CODE_MESSAGE } from './room-code.ts';
import { formatScore, scoreReason } from '../../src/progress/score-reason.ts';

/**
 * The student's page (/join/): join a room with its code and an optional name, then answer the
 * question the teacher opened, with the lesson page's live preview; or, while the teacher has an
 * assignment open, work through its exercises one after another and see one's own score. Every
 * answer goes through the outbox (localStorage) and is resent until acknowledged; the event stream
 * reconnects by itself.
 */

type Runtime = typeof import('../exercise/runtime.ts');

/** What the server answers to an answer (an assignment's also carries the exercise's score). */
interface Verdict {
  id: string;
  status: string;
  feedback: string;
  duplicate?: boolean;
  score?: ClassroomScore & { counted: boolean };
}

interface Membership {
  code: string;
  studentToken: string;
  number: number;
}

const MEMBERSHIP_KEY = 'activation-derivatives:classroom-membership';
const RETRY_MS = [1000, 2000, 4000, 8000];

export async function startJoinPage(root: HTMLElement, base: string): Promise<void> {
  const $ = finder(root, 'join page');
  const status = await classroomStatus(base);
  if (!status.server) return; // the static message stays: this page needs the classroom server
  $<HTMLElement>('[data-needs-server]').hidden = true;

  const runtime: Runtime = await import('../exercise/runtime.ts');
  const outbox = new Outbox(localStorage);
  const joinForm = $<HTMLFormElement>('[data-join-form]');
  const joinError = $<HTMLElement>('[data-join-error]');
  const roomSection = $<HTMLElement>('[data-room]');
  const connection = $<HTMLElement>('[data-connection]');
  const questionBox = $<HTMLElement>('[data-question]');
  const waiting = $<HTMLElement>('[data-waiting]');
  const pendingNote = $<HTMLElement>('[data-pending]');
  const refusedNote = $<HTMLElement>('[data-refused]');
  const assignmentBox = $<HTMLElement>('[data-assignment]');
  const codeInput = $<HTMLInputElement>('#join-code');
  const fromUrl = new URLSearchParams(location.search).get('room');
  if (fromUrl) codeInput.value = normaliseRoomCode(fromUrl);

  let membership = readMembership();
  let current: ClassroomQuestion | null = null;
  // The open (or last closed) assignment, the exercise shown, and this student's scores in it.
  let assignment: ClassroomAssignment | null = null;
  let position = 0;
  let scores: Record<string, ClassroomScore | null> = {};
  let events: EventSource | undefined;
  let retry = 0;
  let retryTimer: number | undefined;

  const showPending = () => {
    const count = membership ? outbox.pending(membership.code).length : 0;
    pendingNote.hidden = count === 0;
    pendingNote.textContent =
      count === 1 ? '1 answer is waiting to be sent.' : `${count} answers are waiting to be sent.`;
  };

  /** Sends every unacknowledged answer, oldest first; stops at the first network failure and retries later. */
  const flush = async (): Promise<void> => {
    if (!membership) return;
    window.clearTimeout(retryTimer);
    for (const pending of outbox.pending(membership.code)) {
      try {
        const verdict = await api<Verdict>(`${base}api/rooms/${pending.room}/answers`, {
          method: 'POST',
          token: membership.studentToken,
          body: {
            id: pending.id,
            exercise: pending.exercise,
            seed: pending.seed,
            answer: pending.answer,
            ...(pending.assignment === undefined ? {} : { assignment: pending.assignment }),
          },
        });
        outbox.remove(pending.id);
        showVerdict(pending, verdict);
        retry = 0;
      } catch (error) {
        const transient =
          !(error instanceof ApiError) || error.status === 0 || error.status === 429 || error.status >= 500;
        if (!transient) {
          outbox.remove(pending.id);
          const message = error instanceof ApiError ? error.message : 'The answer was refused.';
          // The exercise may be off screen by now (the teacher closed the assignment while the phone
          // was offline): the student is still told the answer was not saved, and why.
          // A closed assignment's exercises give way to its review at once, so that refusal always stays here.
          const closed = error instanceof ApiError && error.code === 'assignment-closed';
          if (!closed && boxFor(pending)?.querySelector('[data-feedback]')) showFeedback(message, 'invalid', pending);
          else {
            refusedNote.hidden = false;
            refusedNote.textContent = `An answer you sent was not saved: ${message}`;
          }
          if (error instanceof ApiError && (error.code === 'room-expired' || error.status === 403))
            leave(error.message);
          continue;
        }
        retryTimer = window.setTimeout(() => void flush(), RETRY_MS[Math.min(retry++, RETRY_MS.length - 1)]);
        break;
      } finally {
        showPending();
      }
    }
  };

  /** The box showing the exercise `pending` answers: the assignment's, or the live question's. */
  const boxFor = (pending?: Pick<PendingAnswer, 'exercise' | 'assignment'>): HTMLElement | undefined => {
    if (pending?.assignment !== undefined)
      return assignment?.id === pending.assignment && assignment.questions[position]?.exercise === pending.exercise
        ? assignmentBox
        : undefined;
    return pending === undefined || current?.exercise === pending.exercise ? questionBox : undefined;
  };

  const showFeedback = (text: string, verdict: string, pending?: PendingAnswer, note?: string) => {
    const feedback = (pending ? boxFor(pending) : activeBox())?.querySelector<HTMLElement>('[data-feedback]');
    if (!feedback) return;
    feedback.dataset['verdict'] = verdict;
    const said = verdict === 'correct' ? 'Correct. ' : verdict === 'incorrect' ? 'Not yet. ' : '';
    // The grader's own feedback may already say it ("Correct."): not twice.
    const label = text.startsWith(said.trim()) ? '' : said;
    feedback.innerHTML = `<strong>${label}</strong>${runtime.richText(text)}`;
    if (note) {
      const line = document.createElement('p');
      line.className = 'join-score-note';
      line.textContent = note;
      feedback.append(line);
    }
  };

  const showVerdict = (pending: PendingAnswer, verdict: Verdict) => {
    if (pending.assignment !== undefined && verdict.score && assignment?.id === pending.assignment) {
      const { counted, ...score } = verdict.score;
      scores = { ...scores, [pending.exercise]: score };
      const note = `${counted ? '' : 'You sent this answer before, so it is not counted again. '}${scoreNote(score)}`;
      renderAssignmentHead();
      showFeedback(verdict.feedback, verdict.status, pending, note);
      return;
    }
    showFeedback(verdict.feedback, verdict.status, pending);
  };

  /** Where the student answers now: the open assignment's exercise, else the live question. */
  const activeBox = () => (assignment !== null && !assignment.closed ? assignmentBox : questionBox);

  const connect = () => {
    if (!membership) return;
    events?.close();
    const source = new EventSource(`${base}api/rooms/${membership.code}/events`);
    events = source;
    connection.textContent = 'Connecting…';
    source.addEventListener('open', () => {
      connection.textContent = 'Connected.';
      void flush();
    });
    source.addEventListener('error', () => {
      connection.textContent = 'Connection lost: reconnecting…';
      // EventSource retries by itself unless the server refused the stream (an expired room).
      if (source.readyState === EventSource.CLOSED)
        void api(`${base}api/rooms/${membership?.code ?? ''}`).then(
          () => window.setTimeout(connect, 2000),
          (error: unknown) =>
            error instanceof ApiError && error.status !== 0 ? leave(error.message) : window.setTimeout(connect, 2000),
        );
    });
    source.addEventListener('question', (event) => {
      const question = JSON.parse((event as MessageEvent<string>).data) as ClassroomQuestion | null;
      showQuestion(question);
    });
    source.addEventListener('assignment', (event) => {
      void showAssignment(JSON.parse((event as MessageEvent<string>).data) as ClassroomAssignment | null);
    });
  };

  /** An assignment opened, closed or replaced (or none): the phone follows. */
  const showAssignment = async (next: ClassroomAssignment | null) => {
    const same = next !== null && assignment?.id === next.id;
    const wasOpen = assignment !== null && !assignment.closed;
    assignment = next;
    if (!same) {
      position = 0;
      scores = {};
    }
    if (next !== null && membership) {
      try {
        const results = await api<{ students: ClassroomResultsRow[] }>(
          `${base}api/rooms/${membership.code}/assignments/${next.id}/results`,
          { token: membership.studentToken },
        );
        scores = { ...results.students[0]?.scores };
        // Back after a reload or a new phone: start at the first exercise not yet solved.
        if (!same)
          position = Math.max(
            0,
            next.questions.findIndex((q) => scores[q.exercise]?.solved !== true),
          );
      } catch {
        // The scores come with the next verdict.
      }
    }
    const open = next !== null && !next.closed;
    // One question on screen at a time (inputs share ids): the live one waits behind the assignment.
    if (open && !wasOpen) questionBox.replaceChildren();
    if (!open && wasOpen) {
      const live = current;
      current = null;
      showQuestion(live);
    }
    questionBox.hidden = open || current === null;
    waiting.hidden = open || next !== null || current !== null;
    renderAssignment(same && open);
  };

  const renderAssignment = (keepQuestion: boolean) => {
    assignmentBox.hidden = assignment === null;
    if (assignment === null) return assignmentBox.replaceChildren();
    if (assignment.closed) {
      assignmentBox.innerHTML = closedHtml(assignment, scores, runtime);
      return;
    }
    const question = assignment.questions[position];
    if (!question) return;
    if (keepQuestion && assignmentBox.querySelector(`[data-assignment-exercise="${question.exercise}"]`))
      return renderAssignmentHead();
    assignmentBox.innerHTML = `<div class="join-assignment-head" data-assignment-head></div>
      <div data-assignment-exercise="${question.exercise}">${questionHtml(question, runtime)}</div>
      <p class="join-assignment-nav">
        <button type="button" data-assignment-move="-1">Previous<span class="visually-hidden"> exercise</span></button>
        <button type="button" data-assignment-move="1">Next exercise</button>
      </p>`;
    renderAssignmentHead();
    wireQuestion(question, assignmentBox, assignment.id);
    for (const button of assignmentBox.querySelectorAll<HTMLButtonElement>('[data-assignment-move]')) {
      const to = position + Number(button.dataset['assignmentMove']);
      button.disabled = to < 0 || to >= assignment.questions.length;
      button.addEventListener('click', () => move(to));
    }
  };

  const move = (to: number) => {
    if (!assignment || to < 0 || to >= assignment.questions.length) return;
    position = to;
    renderAssignment(false);
    assignmentBox.querySelector<HTMLElement>('.join-prompt')?.focus();
  };

  /** Title, "exercise k of n", the student's score and one button per exercise (its state in words). */
  const renderAssignmentHead = () => {
    const head = assignmentBox.querySelector<HTMLElement>('[data-assignment-head]');
    if (!head || !assignment) return;
    const n = assignment.questions.length;
    const total =
      Math.round(assignment.questions.reduce((sum, q) => sum + (scores[q.exercise]?.score ?? 0), 0) * 100) / 100;
    head.innerHTML = `<h3 class="join-assignment-title"></h3>
      <p class="join-assignment-progress">Exercise ${position + 1} of ${n} · <span data-assignment-total>your score: ${total} of ${n}</span></p>
      <ol class="join-assignment-steps" aria-label="Exercises"></ol>`;
    head.querySelector('h3')!.textContent = assignment.title;
    const steps = head.querySelector('ol')!;
    assignment.questions.forEach((q, i) => {
      const score = scores[q.exercise] ?? null;
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset['state'] = score === null ? 'none' : score.solved ? 'solved' : 'unsolved';
      if (i === position) button.setAttribute('aria-current', 'step');
      button.textContent = String(i + 1);
      const said = document.createElement('span');
      said.className = 'visually-hidden';
      said.textContent = `, ${scoreShort(score)}`;
      button.append(said);
      button.addEventListener('click', () => move(i));
      item.append(button);
      steps.append(item);
    });
  };

  const showQuestion = (question: ClassroomQuestion | null) => {
    const same =
      current !== null && question !== null && current.exercise === question.exercise && current.seed === question.seed;
    current = question;
    const assigned = assignment !== null && !assignment.closed;
    waiting.hidden = question !== null || assignment !== null;
    questionBox.hidden = question === null || assigned;
    // While an assignment is open the live question waits (rendered when it closes).
    if (question === null || assigned) return questionBox.replaceChildren();
    if (same && questionBox.childElementCount > 0) return showSolution(question);
    questionBox.innerHTML = questionHtml(question, runtime);
    wireQuestion(question, questionBox);
    showSolution(question);
  };

  const showSolution = (question: ClassroomQuestion) => {
    const box = questionBox.querySelector<HTMLElement>('[data-solution]');
    if (!box) return;
    box.hidden = !question.revealed || question.solution === undefined;
    if (question.solution !== undefined) box.innerHTML = `<h3>Solution</h3>${runtime.richText(question.solution)}`;
  };

  const wireQuestion = (question: ClassroomQuestion, box: HTMLElement, assignmentId?: number) => {
    const form = box.querySelector<HTMLFormElement>('[data-answer-form]');
    const input = box.querySelector<HTMLInputElement>('[data-answer-input]');
    const preview = box.querySelector<HTMLElement>('[data-answer-preview]');
    if (input && preview && question.kind === 'expression')
      input.addEventListener('input', () => runtime.renderPreview(input.value, preview, question.symbols ?? []));
    form?.addEventListener('submit', (event) => {
      event.preventDefault();
      if (!membership) return;
      const answer = readAnswer(question, form);
      if (answer === undefined) return showFeedback('Type or choose an answer first.', 'invalid');
      outbox.add({
        id: newAnswerId(),
        room: membership.code,
        exercise: question.exercise,
        seed: question.seed,
        answer,
        ...(assignmentId === undefined ? {} : { assignment: assignmentId }),
      });
      showFeedback('Sending…', 'pending');
      showPending();
      void flush();
    });
  };

  const enter = (member: Membership) => {
    membership = member;
    localStorage.setItem(MEMBERSHIP_KEY, JSON.stringify(member));
    joinForm.hidden = true;
    roomSection.hidden = false;
    $<HTMLElement>('[data-room-title]').textContent = `Room ${member.code} · you are student ${member.number}`;
    showPending();
    connect();
  };

  const leave = (message: string) => {
    events?.close();
    membership = null;
    assignment = null;
    assignmentBox.hidden = true;
    assignmentBox.replaceChildren();
    refusedNote.hidden = true;
    localStorage.removeItem(MEMBERSHIP_KEY);
    roomSection.hidden = true;
    joinForm.hidden = false;
    joinError.textContent = message;
  };

  joinForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const code = normaliseRoomCode(codeInput.value);
    const name = $<HTMLInputElement>('#join-name').value.trim();
    joinError.textContent = '';
    // The server's rule, checked here first: the same sentence, without a round trip.
    codeInput.setAttribute('aria-invalid', String(!isRoomCode(code)));
    if (!isRoomCode(code)) {
      joinError.textContent = ROOM_CODE_MESSAGE;
      codeInput.focus();
      return;
    }
    void api<{ studentToken: string; number: number }>(`${base}api/rooms/${encodeURIComponent(code)}/join`, {
      method: 'POST',
      body: name === '' ? {} : { name },
    }).then(
      (joined) => enter({ code, studentToken: joined.studentToken, number: joined.number }),
      (error: unknown) => {
        joinError.textContent = error instanceof ApiError ? error.message : 'Could not join.';
      },
    );
  });
  $<HTMLButtonElement>('[data-leave]').addEventListener('click', () => leave(''));
  window.addEventListener('online', () => void flush());

  joinForm.hidden = false;
  if (membership && (!fromUrl || normaliseRoomCode(fromUrl) === membership.code)) enter(membership);
}

function readMembership(): Membership | null {
  try {
    const value = JSON.parse(localStorage.getItem(MEMBERSHIP_KEY) ?? 'null') as Partial<Membership> | null;
    return value && typeof value.code === 'string' && typeof value.studentToken === 'string'
      ? { code: value.code, studentToken: value.studentToken, number: Number(value.number ?? 0) }
      : null;
  } catch {
    return null;
  }
}

function readAnswer(question: ClassroomQuestion, form: HTMLFormElement): string | number[] | undefined {
  if (question.kind === 'choice') {
    const selected = [...form.querySelectorAll<HTMLInputElement>('input[name="choice"]:checked')].map((i) =>
      Number(i.value),
    );
    return selected.length === 0 ? undefined : selected;
  }
  if (question.kind === 'order')
    return [...form.querySelectorAll<HTMLElement>('[data-step]')].map((li) => Number(li.dataset['step']));
  const text = form.querySelector<HTMLInputElement>('[data-answer-input]')?.value.trim() ?? '';
  return text === '' ? undefined : text;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The question's markup: exercise text typeset by richText (KaTeX, trust off), labels escaped. */
function questionHtml(question: ClassroomQuestion, runtime: Runtime): string {
  const prompt = `<div class="join-prompt" tabindex="-1">${runtime.richText(question.prompt)}</div>`;
  let inputs: string;
  if (question.kind === 'expression' || question.kind === 'numeric') {
    const label = escapeHtml(question.label ?? 'Your answer');
    inputs = `<label for="join-answer">${label}</label>
      <input id="join-answer" data-answer-input type="text" inputmode="${question.kind === 'numeric' ? 'decimal' : 'text'}"
        autocomplete="off" autocapitalize="off" spellcheck="false" maxlength="500" ${question.kind === 'expression' ? 'aria-describedby="join-preview-label"' : ''} />
      ${
        question.kind === 'expression'
          ? '<p class="muted" id="join-preview-label">Preview (what will be graded):</p><div class="join-preview" data-answer-preview aria-live="polite" tabindex="0" role="group" aria-labelledby="join-preview-label"></div>'
          : ''
      }`;
  } else if (question.kind === 'choice') {
    const type = question.multiple ? 'checkbox' : 'radio';
    inputs = `<fieldset><legend>${question.multiple ? 'Select all that apply' : 'Choose one'}</legend>${(
      question.choices ?? []
    )
      .map(
        (text, i) =>
          `<div class="join-choice"><input type="${type}" name="choice" value="${i}" id="join-choice-${i}" /><label for="join-choice-${i}">${runtime.richText(text)}</label></div>`,
      )
      .join('')}</fieldset>`;
  } else {
    inputs = `<p class="muted">Put the steps in order (move a step with its buttons).</p><ol class="join-steps">${(
      question.steps ?? []
    )
      .map(
        (step, position) =>
          `<li data-step="${step.index}"><span>${runtime.richText(`$${step.tex}$`)}</span> <button type="button" data-move="up">Up<span class="visually-hidden"> step ${position + 1}</span></button> <button type="button" data-move="down">Down<span class="visually-hidden"> step ${position + 1}</span></button></li>`,
      )
      .join('')}</ol>`;
  }
  return `${prompt}<form data-answer-form novalidate>${inputs}<button type="submit" class="join-send">Send answer</button></form>
    <div class="join-feedback" data-feedback role="status" aria-live="polite"></div>
    <div class="join-solution" data-solution hidden></div>`;
}

/** Order questions: move a step up or down (delegated, so it survives re-rendering). */
export function wireStepMoves(root: HTMLElement): void {
  root.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest<HTMLButtonElement>('[data-move]');
    const item = button?.closest('li');
    if (!button || !item) return;
    const sibling = button.dataset['move'] === 'up' ? item.previousElementSibling : item.nextElementSibling;
    if (!sibling) return;
    if (button.dataset['move'] === 'up') sibling.before(item);
    else sibling.after(item);
    button.focus();
  });
}

/**
 * Why this exercise has its score, in the lesson page's own words (`scoreReason`): which attempt
 * was right and the rule, or what a right answer would score now. Phones have no hints.
 */
function scoreNote(score: ClassroomScore): string {
  return score.attempts === 0
    ? 'Not graded yet: the answers so far could not be read.'
    : scoreReason(score, { hints: false });
}

/** The short form beside an exercise's number (its button): "solved, score 80%". */
const scoreShort = (score: ClassroomScore | null) =>
  score === null
    ? 'not answered'
    : score.solved
      ? `solved, score ${formatScore(score.score)}`
      : score.attempts === 0
        ? 'not graded yet'
        : 'not solved yet';

/** A closed assignment: the student's score per exercise and the worked solutions. */
function closedHtml(
  assignment: ClassroomAssignment,
  scores: Readonly<Record<string, ClassroomScore | null>>,
  runtime: Runtime,
): string {
  const n = assignment.questions.length;
  const total =
    Math.round(assignment.questions.reduce((sum, q) => sum + (scores[q.exercise]?.score ?? 0), 0) * 100) / 100;
  const items = assignment.questions
    .map((q) => {
      const score = scores[q.exercise] ?? null;
      return `<li><p><strong>${escapeHtml(score === null ? 'Not answered.' : scoreNote(score))}</strong></p>
        <div class="join-prompt">${runtime.richText(q.prompt)}</div>
        ${q.solution === undefined ? '' : `<div class="join-solution"><h4>Solution</h4>${runtime.richText(q.solution)}</div>`}</li>`;
    })
    .join('');
  return `<h3 class="join-assignment-title">${escapeHtml(assignment.title)}: closed</h3>
    <p class="join-assignment-progress" data-assignment-total>Your score: ${total} of ${n}.</p>
    <ol class="join-assignment-review">${items}</ol>`;
}
