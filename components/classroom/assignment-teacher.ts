import { pickPractice } from '../exercise/pick-practice.ts';
import { api, ApiError, classroomStatus } from './classroom-api.ts';
import type { ClassroomResultsRow, ClassroomScore } from './classroom-question.ts';
import { joinBlock, savedTeacherRoom, teacherRoom, type TeacherRoom } from './teacher-room.ts';
import { throttled } from './throttled.ts';
import { finder } from './finder.ts';
import { formatScore, scoreReason } from '../../src/progress/score-reason.ts';

/**
 * The assignments page (/classroom/): the teacher picks a lesson's exercises or a practice set and
 * opens it as an assignment in their room (the same room as present mode); then the page shows the
 * join address with its QR code and a live table of each student's score per exercise. The picker
 * and its preview are static HTML; without the classroom server the page says so and opens nothing.
 */

interface TeacherAssignment {
  id: number;
  title: string;
  seed: string;
  exercises: string[];
  openedAt: number;
  closedAt: number | null;
}

interface Results {
  assignment: TeacherAssignment;
  students: ClassroomResultsRow[];
}

/** The assignment this browser shows, so a reload comes back to its table. */
const ASSIGNMENT_KEY = 'activation-derivatives:classroom-assignment';
/** At most one results fetch per this many ms, however fast answers arrive. */
const REFRESH_MS = 250;

export async function startTeacherPage(root: HTMLElement): Promise<void> {
  const $ = finder(root, 'assignments page');
  const base = root.dataset['base'] ?? '/';
  const pools = JSON.parse(root.dataset['pools'] ?? '[]') as { lesson: string; ids: string[] }[];
  const setSize = Number(root.dataset['setSize'] ?? 10);
  const form = $<HTMLFormElement>('[data-assign-form]');
  const lessonSelect = $<HTMLSelectElement>('[data-lesson-select]');
  const setInput = $<HTMLInputElement>('#assign-set');
  const practiceList = $<HTMLOListElement>('[data-preview-practice]');
  const error = $<HTMLElement>('[data-assign-error]');
  const live = $<HTMLElement>('[data-assign-live]');
  const status = $<HTMLElement>('[data-live-status]');

  const source = () => (form.elements.namedItem('source') as RadioNodeList).value;
  const setNumber = () => {
    const n = Number(setInput.value);
    return Number.isInteger(n) && n >= 1 && n <= 99_999 ? n : undefined;
  };
  /** The exercise ids the form would assign, in order. */
  const chosen = (): string[] => {
    if (source() === 'practice') {
      const n = setNumber();
      return n === undefined ? [] : pickPractice(pools, String(n), setSize);
    }
    return pools.find((p) => p.lesson === lessonSelect.value)?.ids ?? [];
  };
  const showPreview = () => {
    const practice = source() === 'practice';
    for (const list of root.querySelectorAll<HTMLElement>('[data-preview-lesson]'))
      list.hidden = practice || list.dataset['previewLesson'] !== lessonSelect.value;
    practiceList.hidden = !practice;
    if (practice)
      // The practice set's exercises, copied from the lessons' lists (each typeset once, at build time).
      practiceList.replaceChildren(
        ...chosen().flatMap((id) => {
          const item = root.querySelector(`[data-preview-lesson] [data-exercise="${CSS.escape(id)}"]`);
          return item ? [item.cloneNode(true)] : [];
        }),
      );
  };
  const params = new URLSearchParams(location.search);
  const askedLesson = params.get('lesson');
  if (askedLesson !== null && [...lessonSelect.options].some((o) => o.value === askedLesson))
    lessonSelect.value = askedLesson;
  const askedSet = params.get('set');
  if (askedSet !== null && /^\d{1,5}$/.test(askedSet)) {
    setInput.value = askedSet;
    $<HTMLInputElement>('#assign-source-practice').checked = true;
  }
  form.addEventListener('change', showPreview);
  setInput.addEventListener('input', () => {
    $<HTMLInputElement>('#assign-source-practice').checked = true;
    showPreview();
  });
  showPreview();

  const server = await classroomStatus(base);
  if (!server.server) return; // the static notice stays; nothing can be opened
  $<HTMLElement>('[data-needs-server]').hidden = true;
  const openButton = $<HTMLButtonElement>('[data-assign-open]');
  openButton.disabled = false;
  const joinUrl = server.joinUrl ?? `${location.origin}${base}join/`;

  let stop: (() => void) | undefined;
  const showForm = () => {
    stop?.();
    localStorage.removeItem(ASSIGNMENT_KEY);
    live.hidden = true;
    form.hidden = false;
    openButton.focus();
  };
  $<HTMLButtonElement>('[data-live-new]').addEventListener('click', showForm);

  const showLive = (room: TeacherRoom, id: number, focus: boolean) => {
    stop?.();
    form.hidden = true;
    live.hidden = false;
    $<HTMLElement>('[data-live-join]').replaceChildren(joinBlock(base, joinUrl, room.code));
    if (focus) $<HTMLElement>('[data-live-title]').focus();
    const refresh = async () => {
      try {
        const results = await api<Results>(`${base}api/rooms/${room.code}/assignments/${id}/results`, {
          token: room.teacherToken,
        });
        renderResults(root, results);
        status.textContent = '';
      } catch (e) {
        status.textContent = e instanceof ApiError ? e.message : 'Could not read the scores.';
        if (e instanceof ApiError && e.status === 404) showForm();
      }
    };
    const schedule = throttled(() => void refresh(), REFRESH_MS);
    const events = new EventSource(`${base}api/rooms/${room.code}/events`);
    events.addEventListener('answered', (event) => {
      const data = JSON.parse((event as MessageEvent<string>).data) as { assignment?: number };
      if (data.assignment === id) schedule();
    });
    events.addEventListener('joined', schedule);
    events.addEventListener('open', schedule);
    stop = () => {
      events.close();
      schedule.cancel();
    };
    void refresh();

    const exportButton = $<HTMLButtonElement>('[data-live-export]');
    const closeButton = $<HTMLButtonElement>('[data-live-close]');
    exportButton.onclick = () => {
      void fetch(`${base}api/rooms/${room.code}/assignments/${id}/export.csv`, {
        headers: { authorization: `Bearer ${room.teacherToken}` },
      })
        .then((response) =>
          response.ok ? response.blob() : Promise.reject(new Error(`Export failed (${response.status}).`)),
        )
        .then((blob) => {
          const link = document.createElement('a');
          link.href = URL.createObjectURL(blob);
          link.download = `assignment-${room.code}-${id}.csv`;
          link.click();
          URL.revokeObjectURL(link.href);
        })
        .catch((e: unknown) => (status.textContent = e instanceof Error ? e.message : 'Export failed.'));
    };
    closeButton.onclick = () => {
      void api(`${base}api/rooms/${room.code}/assignments/${id}/close`, {
        method: 'POST',
        token: room.teacherToken,
      }).then(
        () => void refresh(),
        (e: unknown) => (status.textContent = e instanceof Error ? e.message : 'Could not close it.'),
      );
    };
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    error.textContent = '';
    const exercises = chosen();
    if (exercises.length === 0) {
      error.textContent = 'Choose a lesson, or a practice set number from 1 to 99999.';
      return;
    }
    const title = $<HTMLInputElement>('#assign-name').value.trim();
    const practice = source() === 'practice';
    const lessonTitle = lessonSelect.selectedOptions[0]?.textContent.replace(/\s*\(\d+\)\s*$/, '').trim();
    const body = {
      exercises,
      title: title || (practice ? `Practice set ${setNumber()}` : (lessonTitle ?? 'Lesson exercises')),
      // A practice set keeps its own number as the seed (its numbers match the practice page's);
      // for a lesson the server draws one.
      ...(practice ? { seed: String(setNumber()) } : {}),
    };
    openButton.disabled = true;
    void teacherRoom(base)
      .then((room) =>
        api<{ assignment: TeacherAssignment }>(`${base}api/rooms/${room.code}/assignments`, {
          method: 'POST',
          token: room.teacherToken,
          body,
        }).then(({ assignment }) => {
          localStorage.setItem(ASSIGNMENT_KEY, JSON.stringify({ code: room.code, id: assignment.id }));
          showLive(room, assignment.id, true);
        }),
      )
      .catch((e: unknown) => (error.textContent = e instanceof Error ? e.message : 'Could not open the assignment.'))
      .finally(() => (openButton.disabled = false));
  });

  // Back to the table this browser was showing (a reload mid-lesson).
  const room = savedTeacherRoom();
  try {
    const saved = JSON.parse(localStorage.getItem(ASSIGNMENT_KEY) ?? 'null') as { code?: string; id?: number } | null;
    if (room && saved?.code === room.code && typeof saved.id === 'number') showLive(room, saved.id, false);
  } catch {
    localStorage.removeItem(ASSIGNMENT_KEY);
  }
}

/** The live table: a row per student, a column per exercise, the total; the heading and its state. */
function renderResults(root: HTMLElement, results: Results): void {
  const { assignment, students } = results;
  const title = root.querySelector<HTMLElement>('[data-live-title]');
  if (title) title.textContent = assignment.title;
  const meta = root.querySelector<HTMLElement>('[data-live-meta]');
  if (meta) {
    const answered = students.filter((s) => Object.values(s.scores).some((v) => v !== null)).length;
    meta.textContent =
      `${assignment.exercises.length} exercises · numbers from seed ${assignment.seed} · ` +
      `${students.length} joined, ${answered} answering · ` +
      (assignment.closedAt === null ? 'open' : 'closed: the phones show the worked solutions');
    meta.dataset['state'] = assignment.closedAt === null ? 'open' : 'closed';
  }
  const close = root.querySelector<HTMLButtonElement>('[data-live-close]');
  if (close) close.disabled = assignment.closedAt !== null;

  const table = root.querySelector<HTMLTableElement>('[data-live-table]');
  if (!table) return;
  const caption = table.caption ?? table.createCaption();
  const head = document.createElement('thead');
  const headRow = head.insertRow();
  const th = (text: string, hidden?: string) => {
    const cell = document.createElement('th');
    cell.scope = 'col';
    cell.textContent = text;
    if (hidden) {
      const extra = document.createElement('span');
      extra.className = 'visually-hidden';
      extra.textContent = hidden;
      cell.append(extra);
    }
    headRow.append(cell);
  };
  th('Student');
  assignment.exercises.forEach((id, i) => th(String(i + 1), ` (exercise ${id})`));
  th('Total', ` (of ${assignment.exercises.length})`);
  const body = document.createElement('tbody');
  for (const s of students) {
    const row = body.insertRow();
    row.dataset['student'] = String(s.student);
    const name = document.createElement('th');
    name.scope = 'row';
    name.textContent = s.name ?? `Student ${s.student}`;
    row.append(name);
    for (const id of assignment.exercises) {
      const cell = row.insertCell();
      cell.dataset['cell'] = id;
      const score = s.scores[id] ?? null;
      cell.dataset['state'] = score === null ? 'none' : score.solved ? 'solved' : 'unsolved';
      // What the eye reads (compact) and what a screen reader says (in words).
      const shown = document.createElement('span');
      shown.setAttribute('aria-hidden', 'true');
      shown.textContent = scoreText(score);
      const said = document.createElement('span');
      said.className = 'visually-hidden';
      said.textContent = scoreTitle(score);
      cell.title = said.textContent;
      cell.append(shown, said);
    }
    const total = row.insertCell();
    total.dataset['total'] = '';
    total.textContent = formatPoints(s.total);
  }
  if (students.length === 0) {
    const row = body.insertRow();
    const cell = row.insertCell();
    cell.colSpan = assignment.exercises.length + 2;
    cell.textContent = 'Nobody has joined yet.';
  }
  table.replaceChildren(caption, head, body);
}

/** A total: the sum of the exercise scores, as points out of the number of exercises. */
const formatPoints = (points: number) => String(Math.round(points * 100) / 100);

/** What the eye reads in a cell: the score as the lesson page prints it ("80%"), or the attempts so far. */
function scoreText(score: ClassroomScore | null): string {
  if (score === null) return '·';
  if (score.solved) return formatScore(score.score);
  return score.attempts === 0 ? '?' : `✗ ${score.attempts}`;
}

/** What a screen reader says (and a pointer's tooltip shows): the phone's own reason for the score. */
function scoreTitle(score: ClassroomScore | null): string {
  if (score === null) return 'not answered';
  if (score.attempts === 0) return 'only unreadable answers so far';
  return scoreReason(score, { hints: false });
}
