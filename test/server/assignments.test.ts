import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import QRCode from 'qrcode';
import { QR_OPTIONS } from '../../server/plugins/qr-routes.ts';
import { instantiate } from '../../components/exercise/instantiate.ts';
import { createProgressStore, entryStatus, scoreReason, type ScoreStatus } from '../../src/progress/index.ts';
import { bearer, catalog, createRoom, joinRoom, json, testClassroom } from './classroom-app.ts';

const EXPRESSION = 'sigmoid-derivative-in-z';
const RIGHT = 'sigmoid(z)*(1-sigmoid(z))';
const WRONG = '-1/(1+exp(-z))^2';
const WRONG_TOO = 'exp(-z)';
// A seeded numeric exercise: its z₀ comes from the assignment's seed.
const SEEDED = 'sigmoid-slope-at-point';
const CHOICE = 'relu-kink-convention';

let app: FastifyInstance;
let clock: { now: number };
beforeEach(async () => {
  ({ app, clock } = await testClassroom());
});
afterEach(async () => {
  await app.close();
});

type Assignment = { id: number; seed: string; exercises: string[]; closedAt: number | null };
type Row = {
  student: number;
  name: string | null;
  scores: Record<string, { score: number; solved: boolean; attempts: number; solvedOnAttempt?: number } | null>;
  total: number;
  solved: number;
};

async function openAssignment(
  code: string,
  token: string,
  payload: object = { exercises: [EXPRESSION, SEEDED, CHOICE] },
) {
  const response = await app.inject({
    method: 'POST',
    url: `/api/rooms/${code}/assignments`,
    headers: bearer(token),
    payload,
  });
  return { response, assignment: json(response)['assignment'] as Assignment };
}

const answer = (code: string, token: string, payload: object) =>
  app.inject({ method: 'POST', url: `/api/rooms/${code}/answers`, headers: bearer(token), payload });

const results = async (code: string, id: number, token?: string) => {
  const response = await app.inject({
    url: `/api/rooms/${code}/assignments/${id}/results`,
    ...(token === undefined ? {} : { headers: bearer(token) }),
  });
  return { status: response.statusCode, rows: (json(response)['students'] ?? []) as Row[], body: json(response) };
};

/** The value of σ′(z₀) for the assignment's seed, typed as an expression the numeric grader accepts. */
const slopeAnswer = (seed: string) => {
  const entry = catalog.get(SEEDED);
  if (!entry) throw new Error(`no exercise ${SEEDED}`);
  const z0 = instantiate(entry.exercise, seed).values['z0'];
  return { z0, text: `sigmoid(${z0})*(1-sigmoid(${z0}))` };
};

describe('opening an assignment', () => {
  it('fixes one seed on the server and shows every phone the same numbers', async () => {
    const { code, teacherToken } = await createRoom(app);
    const { response, assignment } = await openAssignment(code, teacherToken);
    expect(response.statusCode).toBe(201);
    expect(assignment.seed).toMatch(/^\d+$/);
    expect(assignment.exercises).toEqual([EXPRESSION, SEEDED, CHOICE]);
    const shown = json(await app.inject({ url: `/api/rooms/${code}/assignments/${assignment.id}` }))['assignment'] as {
      seed: string;
      questions: { exercise: string; seed: string; prompt: string; solution?: string }[];
    };
    expect(shown.questions.map((q) => q.exercise)).toEqual([EXPRESSION, SEEDED, CHOICE]);
    expect(shown.questions.every((q) => q.seed === assignment.seed)).toBe(true);
    const { z0 } = slopeAnswer(assignment.seed);
    expect(shown.questions[1]?.prompt).toContain(`z_0 = ${z0}$`);
    // Never the key, and no solutions while it is open.
    expect(JSON.stringify(shown)).not.toContain('exp(-z)/(1+exp(-z))^2');
    expect(shown.questions.some((q) => q.solution !== undefined)).toBe(false);
  });

  it('takes the teacher’s seed (a practice set’s) and closes the assignment opened before', async () => {
    const { code, teacherToken } = await createRoom(app);
    const first = (await openAssignment(code, teacherToken)).assignment;
    const second = (await openAssignment(code, teacherToken, { exercises: [EXPRESSION], seed: '7', title: 'Set 7' }))
      .assignment;
    expect(second.seed).toBe('7');
    const list = json(await app.inject({ url: `/api/rooms/${code}/assignments`, headers: bearer(teacherToken) }))[
      'assignments'
    ] as Assignment[];
    expect(list.map((a) => [a.id, a.closedAt === null])).toEqual([
      [first.id, false],
      [second.id, true],
    ]);
  });

  it.each<[string, object, number, string]>([
    ['no exercises', { exercises: [] }, 400, 'invalid-request'],
    ['the same exercise twice', { exercises: [EXPRESSION, EXPRESSION] }, 400, 'invalid-request'],
    ['an unknown field', { exercises: [EXPRESSION], due: 'tomorrow' }, 400, 'invalid-request'],
    ['a malformed seed', { exercises: [EXPRESSION], seed: '1 OR 1' }, 400, 'invalid-request'],
    ['a title with control characters', { exercises: [EXPRESSION], title: 'a\u0000b' }, 400, 'invalid-request'],
    ['more than 20 exercises', { exercises: [...catalog.keys()].slice(0, 21) }, 400, 'invalid-request'],
    ['an unknown exercise', { exercises: [EXPRESSION, 'no-such-exercise'] }, 404, 'exercise-not-found'],
  ])('refuses %s', async (_, payload, status, code_) => {
    const { code, teacherToken } = await createRoom(app);
    const { response } = await openAssignment(code, teacherToken, payload);
    expect(response.statusCode).toBe(status);
    expect(json(response)['error']).toMatchObject({ code: code_ });
  });

  it('answers 400 for malformed JSON', async () => {
    const { code, teacherToken } = await createRoom(app);
    const response = await app.inject({
      method: 'POST',
      url: `/api/rooms/${code}/assignments`,
      headers: { ...bearer(teacherToken), 'content-type': 'application/json' },
      payload: '{"exercises": [',
    });
    expect(response.statusCode).toBe(400);
    expect(json(response)['error']).toMatchObject({ code: 'malformed-json' });
  });
});

describe('who may do what', () => {
  it('lets only the room’s teacher open, close, list, read all results and export', async () => {
    const { code, teacherToken } = await createRoom(app);
    const other = await createRoom(app);
    const student = await joinRoom(app, code, 'Ann');
    const { assignment } = await openAssignment(code, teacherToken);
    const requests = [
      { method: 'POST' as const, url: `/api/rooms/${code}/assignments`, payload: { exercises: [EXPRESSION] } },
      { method: 'GET' as const, url: `/api/rooms/${code}/assignments` },
      { method: 'GET' as const, url: `/api/rooms/${code}/assignments/${assignment.id}/export.csv` },
      { method: 'POST' as const, url: `/api/rooms/${code}/assignments/${assignment.id}/close` },
    ];
    for (const request of requests) {
      expect((await app.inject(request)).statusCode, request.url).toBe(401);
      expect((await app.inject({ ...request, headers: bearer(student) })).statusCode, request.url).toBe(403);
      expect((await app.inject({ ...request, headers: bearer(other.teacherToken) })).statusCode, request.url).toBe(403);
    }
    expect((await results(code, assignment.id)).status).toBe(401);
    expect((await results(code, assignment.id, other.teacherToken)).status).toBe(403);
  });

  it('shows a student their own row only, never another student’s results', async () => {
    const { code, teacherToken } = await createRoom(app);
    const ann = await joinRoom(app, code, 'Ann');
    const bob = await joinRoom(app, code, 'Bob');
    const { assignment } = await openAssignment(code, teacherToken);
    await answer(code, ann, { id: 'ann-000001', exercise: EXPRESSION, answer: RIGHT, assignment: assignment.id });
    await answer(code, bob, { id: 'bob-000001', exercise: EXPRESSION, answer: WRONG, assignment: assignment.id });
    const mine = await results(code, assignment.id, bob);
    expect(mine.status).toBe(200);
    expect(mine.rows).toHaveLength(1);
    expect(mine.rows[0]).toMatchObject({ student: 2, name: 'Bob', total: 0 });
    expect(JSON.stringify(mine.body)).not.toContain('Ann');
    // A student of another room, even with a valid token, reads nothing here.
    const elsewhere = await createRoom(app);
    const stranger = await joinRoom(app, elsewhere.code, 'Cy');
    expect((await results(code, assignment.id, stranger)).status).toBe(403);
    // The teacher reads both rows.
    expect((await results(code, assignment.id, teacherToken)).rows.map((r) => r.name)).toEqual(['Ann', 'Bob']);
  });

  it('answers 404 for an assignment of another room', async () => {
    const a = await createRoom(app);
    const b = await createRoom(app);
    const { assignment } = await openAssignment(b.code, b.teacherToken);
    const student = await joinRoom(app, a.code);
    expect((await app.inject({ url: `/api/rooms/${a.code}/assignments/${assignment.id}` })).statusCode).toBe(404);
    const sent = await answer(a.code, student, { exercise: EXPRESSION, answer: RIGHT, assignment: assignment.id });
    expect(sent.statusCode).toBe(404);
    expect(json(sent)['error']).toMatchObject({ code: 'assignment-not-found' });
    expect((await results(a.code, assignment.id, a.teacherToken)).status).toBe(404);
  });

  it('refuses students’ answers and results once the room expired; its teacher still collects them', async () => {
    const { code, teacherToken } = await createRoom(app);
    const ann = await joinRoom(app, code, 'Ann');
    const { assignment } = await openAssignment(code, teacherToken);
    await answer(code, ann, { exercise: EXPRESSION, answer: RIGHT, assignment: assignment.id });
    clock.now += 12 * 3600_000;
    const late = await answer(code, ann, { exercise: SEEDED, answer: '0.1', assignment: assignment.id });
    expect(late.statusCode).toBe(410);
    expect(json(late)['error']).toMatchObject({ code: 'room-expired' });
    expect((await results(code, assignment.id, ann)).status).toBe(410);
    expect((await app.inject({ url: `/api/rooms/${code}/assignments/${assignment.id}` })).statusCode).toBe(410);
    const table = await results(code, assignment.id, teacherToken);
    expect(table.status).toBe(200);
    expect(table.rows[0]?.total).toBe(1);
    const csv = await app.inject({
      url: `/api/rooms/${code}/assignments/${assignment.id}/export.csv`,
      headers: bearer(teacherToken),
    });
    expect(csv.statusCode).toBe(200);
  });
});

describe('answers in an assignment', () => {
  it('grades with the assignment’s seed and refuses another seed or an exercise not in it', async () => {
    const { code, teacherToken } = await createRoom(app);
    const ann = await joinRoom(app, code);
    const { assignment } = await openAssignment(code, teacherToken);
    const right = slopeAnswer(assignment.seed).text;
    // Another seed whose |z₀| differs (σ′ is even, so −z₀ would be right too): wrong for this assignment.
    const z0 = Math.abs(slopeAnswer(assignment.seed).z0 ?? NaN);
    const otherSeed = ['2', '3', '4', '5', '6', '7', '8'].find((s) => Math.abs(slopeAnswer(s).z0 ?? NaN) !== z0);
    expect(otherSeed).toBeDefined();
    const graded = await answer(code, ann, { exercise: SEEDED, answer: right, assignment: assignment.id });
    expect(json(graded)).toMatchObject({ status: 'correct', seed: assignment.seed, score: { score: 1, solved: true } });
    const mismatch = await answer(code, ann, {
      exercise: SEEDED,
      answer: right,
      seed: otherSeed,
      assignment: assignment.id,
    });
    expect(mismatch.statusCode).toBe(400);
    expect(json(mismatch)['error']).toMatchObject({ code: 'seed-mismatch' });
    const stray = await answer(code, ann, { exercise: 'relu-derivative', answer: 'z', assignment: assignment.id });
    expect(stray.statusCode).toBe(400);
    expect(json(stray)['error']).toMatchObject({ code: 'not-in-assignment' });
    const wrongNumbers = await answer(code, ann, {
      exercise: SEEDED,
      answer: slopeAnswer(otherSeed ?? '2').text,
      assignment: assignment.id,
    });
    expect(json(wrongNumbers)).toMatchObject({ status: 'incorrect' });
  });

  it('refuses answers once closed, except a resend of one it already holds', async () => {
    const { code, teacherToken } = await createRoom(app);
    const ann = await joinRoom(app, code);
    const { assignment } = await openAssignment(code, teacherToken);
    const payload = { id: 'ann-before-close', exercise: EXPRESSION, answer: RIGHT, assignment: assignment.id };
    expect((await answer(code, ann, payload)).statusCode).toBe(201);
    const close = await app.inject({
      method: 'POST',
      url: `/api/rooms/${code}/assignments/${assignment.id}/close`,
      headers: bearer(teacherToken),
    });
    expect(close.statusCode).toBe(200);
    const resend = await answer(code, ann, payload);
    expect(resend.statusCode).toBe(200);
    expect(json(resend)).toMatchObject({ duplicate: true, status: 'correct' });
    const late = await answer(code, ann, { ...payload, id: 'ann-after-close' });
    expect(late.statusCode).toBe(409);
    expect(json(late)['error']).toMatchObject({ code: 'assignment-closed' });
    // Closed, it shows the phones the worked solutions.
    const shown = json(await app.inject({ url: `/api/rooms/${code}/assignments/${assignment.id}` }))['assignment'] as {
      closed: boolean;
      questions: { solution?: string }[];
    };
    expect(shown.closed).toBe(true);
    expect(shown.questions.every((q) => typeof q.solution === 'string')).toBe(true);
  });
});

describe('the live question and an assignment stay apart', () => {
  it('counts on the projector only answers to the live question: not an assignment’s, not other numbers', async () => {
    const { code, teacherToken } = await createRoom(app);
    const ann = await joinRoom(app, code, 'Ann');
    const bob = await joinRoom(app, code, 'Bob');
    const { assignment } = await openAssignment(code, teacherToken, { exercises: [EXPRESSION, SEEDED] });
    expect(
      (await answer(code, ann, { exercise: EXPRESSION, answer: RIGHT, assignment: assignment.id })).statusCode,
    ).toBe(201);
    expect(
      (await answer(code, bob, { exercise: EXPRESSION, answer: WRONG, assignment: assignment.id })).statusCode,
    ).toBe(201);
    await app.inject({
      method: 'POST',
      url: `/api/rooms/${code}/assignments/${assignment.id}/close`,
      headers: bearer(teacherToken),
    });
    // Then "Ask the class" on the same exercise: nobody has answered it yet.
    const ask = (exercise: string, seed: string) =>
      app.inject({
        method: 'PUT',
        url: `/api/rooms/${code}/question`,
        headers: bearer(teacherToken),
        payload: { exercise, seed },
      });
    await ask(EXPRESSION, '1');
    const summary = async (exercise: string) =>
      json(await app.inject({ url: `/api/rooms/${code}/summary?exercise=${exercise}`, headers: bearer(teacherToken) }));
    expect(await summary(EXPRESSION)).toMatchObject({ answered: 0, attempts: 0, counts: { correct: 0, incorrect: 0 } });
    await answer(code, bob, { exercise: EXPRESSION, answer: RIGHT });
    expect(await summary(EXPRESSION)).toMatchObject({ answered: 1, attempts: 1, counts: { correct: 1, incorrect: 0 } });
    // A seeded question: an answer graded on other numbers (a stale phone, or a forged seed) is not
    // counted as an answer to the numbers on the projector.
    await ask(SEEDED, '7');
    const { text } = slopeAnswer('8');
    expect(json(await answer(code, ann, { exercise: SEEDED, answer: text, seed: '8' }))).toMatchObject({ seed: '8' });
    expect(await summary(SEEDED)).toMatchObject({ answered: 0, attempts: 0 });
    const right = slopeAnswer('7').text;
    expect(json(await answer(code, ann, { exercise: SEEDED, answer: right }))).toMatchObject({
      status: 'correct',
      seed: '7',
    });
    expect(await summary(SEEDED)).toMatchObject({ answered: 1, attempts: 1, counts: { correct: 1 } });
    // The export says which answers were the assignment's.
    const csv = (await app.inject({ url: `/api/rooms/${code}/export.csv`, headers: bearer(teacherToken) })).body;
    const lines = csv.split('\r\n').filter((line) => line !== '');
    expect(lines[0]).toMatch(/,received,assignment$/);
    expect(lines.slice(1).map((line) => line.split(',').at(-1))).toEqual([
      String(assignment.id),
      String(assignment.id),
      '',
      '',
      '',
    ]);
    // The assignment's table is untouched by the live answers.
    const [annRow, bobRow] = (await results(code, assignment.id, teacherToken)).rows;
    expect(annRow?.scores[EXPRESSION]).toMatchObject({ score: 1, attempts: 1 });
    expect(bobRow?.scores[EXPRESSION]).toMatchObject({ score: 0, attempts: 1, solved: false });
  });
});

describe('scores follow the site’s rules', () => {
  /** The lesson page's own store, fed the same graded sequence: what the site would score. */
  function siteScore(sequence: readonly { answer: string; correct: boolean | 'invalid' }[]) {
    const store = createProgressStore(undefined);
    for (const step of sequence)
      if (step.correct !== 'invalid') store.recordAttempt(EXPRESSION, { correct: step.correct, answer: step.answer });
    return entryStatus(store.get(EXPRESSION));
  }

  const cases: [string, { answer: string; correct: boolean | 'invalid' }[]][] = [
    ['right first time', [{ answer: RIGHT, correct: true }]],
    [
      'two wrong, then right',
      [
        { answer: WRONG, correct: false },
        { answer: WRONG_TOO, correct: false },
        { answer: RIGHT, correct: true },
      ],
    ],
    [
      'the same wrong answer twice is one attempt',
      [
        { answer: WRONG, correct: false },
        { answer: WRONG, correct: false },
        { answer: RIGHT, correct: true },
      ],
    ],
    [
      'an unreadable answer is no attempt',
      [
        { answer: 'exp(-z', correct: 'invalid' },
        { answer: RIGHT, correct: true },
      ],
    ],
    [
      'a wrong answer after the right one keeps the first correct score',
      [
        { answer: WRONG, correct: false },
        { answer: RIGHT, correct: true },
        { answer: WRONG_TOO, correct: false },
      ],
    ],
    [
      'never right',
      [
        { answer: WRONG, correct: false },
        { answer: WRONG_TOO, correct: false },
      ],
    ],
  ];

  it.each(cases)('%s', async (_, sequence) => {
    const { code, teacherToken } = await createRoom(app);
    const ann = await joinRoom(app, code, 'Ann');
    const { assignment } = await openAssignment(code, teacherToken, { exercises: [EXPRESSION] });
    let last: Record<string, unknown> = {};
    for (const [i, step] of sequence.entries()) {
      const payload = { id: `step-${i}-answer`, exercise: EXPRESSION, answer: step.answer, assignment: assignment.id };
      last = json(await answer(code, ann, payload));
      // A resend (lost acknowledgement) of the same id changes nothing.
      await answer(code, ann, payload);
    }
    const expected = siteScore(sequence);
    expect(last['score']).toMatchObject({
      score: expected.score,
      solved: expected.solved,
      attempts: expected.attempts,
    });
    const [row] = (await results(code, assignment.id, teacherToken)).rows;
    expect(row?.scores[EXPRESSION]).toEqual({
      score: expected.score,
      solved: expected.solved,
      attempts: expected.attempts,
      ...(expected.solvedOnAttempt === undefined ? {} : { solvedOnAttempt: expected.solvedOnAttempt }),
    });
    expect(row?.total).toBe(expected.score);
    // The reason the phone and the teacher's table give is the one the lesson page's card gives.
    const reason = scoreReason(expected, { hints: false });
    expect(scoreReason(last['score'] as ScoreStatus, { hints: false })).toBe(reason);
    expect(row?.scores[EXPRESSION] && scoreReason(row.scores[EXPRESSION], { hints: false })).toBe(
      row?.scores[EXPRESSION] ? reason : null,
    );
  });

  it('says on the phone whether an answer counted as an attempt', async () => {
    const { code, teacherToken } = await createRoom(app);
    const ann = await joinRoom(app, code);
    const { assignment } = await openAssignment(code, teacherToken, { exercises: [EXPRESSION] });
    const send = async (id: string, text: string) =>
      json(await answer(code, ann, { id, exercise: EXPRESSION, answer: text, assignment: assignment.id }))['score'];
    expect(await send('counted-0001', WRONG)).toMatchObject({ attempts: 1, counted: true });
    expect(await send('counted-0002', WRONG)).toMatchObject({ attempts: 1, counted: false });
    expect(await send('counted-0003', RIGHT)).toMatchObject({ attempts: 2, counted: true, score: 0.8 });
  });

  it('exports one row per student with a score per exercise (empty where not answered)', async () => {
    const { code, teacherToken } = await createRoom(app);
    const ann = await joinRoom(app, code, 'Ann');
    await joinRoom(app, code, '=HYPERLINK("x")');
    const { assignment } = await openAssignment(code, teacherToken, { exercises: [EXPRESSION, CHOICE] });
    await answer(code, ann, { exercise: EXPRESSION, answer: WRONG, assignment: assignment.id });
    await answer(code, ann, { exercise: EXPRESSION, answer: RIGHT, assignment: assignment.id });
    await answer(code, ann, { exercise: CHOICE, answer: [1], assignment: assignment.id });
    const csv = await app.inject({
      url: `/api/rooms/${code}/assignments/${assignment.id}/export.csv`,
      headers: bearer(teacherToken),
    });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toContain(`assignment-${code}-${assignment.id}.csv`);
    expect(csv.body.split('\r\n')).toEqual([
      `student,name,${EXPRESSION},${CHOICE},total,solved`,
      '1,Ann,0.8,0,0.8,1',
      // A name a spreadsheet would run as a formula is neutralised.
      `2,"'=HYPERLINK(""x"")",,,0,0`,
      '',
    ]);
  });
});

describe('events', () => {
  it('sends a listener the open assignment first, and tells the teacher of each answer', async () => {
    const { code, teacherToken } = await createRoom(app);
    const { assignment } = await openAssignment(code, teacherToken, { exercises: [EXPRESSION] });
    const ann = await joinRoom(app, code);
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    const controller = new AbortController();
    const response = await fetch(`${address}/api/rooms/${code}/events`, { signal: controller.signal });
    const reader = response.body!.getReader();
    let text = '';
    while (!text.includes('event: assignment')) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain(`"id":${assignment.id}`);
    // A student joining is announced without their name, so the teacher's table grows a row.
    await joinRoom(app, code, 'Zed');
    while (!text.includes('event: joined')) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain('event: joined\ndata: {"student":2}');
    expect(text).not.toContain('Zed');
    await answer(code, ann, { exercise: EXPRESSION, answer: RIGHT, assignment: assignment.id });
    while (!text.includes('event: answered')) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain(`{"exercise":"${EXPRESSION}","assignment":${assignment.id}}`);
    controller.abort();
  });
});

describe('the QR code', () => {
  it('draws the room’s join address as SVG, for anyone with the code while the room is open', async () => {
    const { code } = await createRoom(app);
    const response = await app.inject({ url: `/api/rooms/${code}/qr.svg`, headers: { host: '192.168.1.23:4322' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(response.body).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(response.body).not.toMatch(/<script|on\w+=/i);
    // It encodes the join address with the room code, which /join/ fills in.
    expect(response.body).toBe(await QRCode.toString(`http://192.168.1.23:4322/join/?room=${code}`, QR_OPTIONS));
    expect((await app.inject({ url: '/api/rooms/ZZZZZZ/qr.svg' })).statusCode).toBe(404);
    clock.now += 12 * 3600_000;
    expect((await app.inject({ url: `/api/rooms/${code}/qr.svg` })).statusCode).toBe(410);
  });
});
