import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { bearer, createRoom, joinRoom, json, testClassroom } from './classroom-app.ts';

const EXERCISE = 'sigmoid-derivative-in-z';
const CORRECT = 'sigmoid(z)*(1-sigmoid(z))';
// A listed mistake of that exercise: the outer derivative without the inner one.
const DROPPED_INNER = '-1/(1+exp(-z))^2';
// relu-kink-convention: choice 0 ($0$) is right, choice 1 ($1$) is not.
const CHOICE_RIGHT = 0;
const CHOICE_WRONG = 1;

let app: FastifyInstance;
let clock: { now: number };
beforeEach(async () => {
  ({ app, clock } = await testClassroom());
});
afterEach(async () => {
  await app.close();
});

const answer = (code: string, token: string, payload: unknown) =>
  app.inject({ method: 'POST', url: `/api/rooms/${code}/answers`, headers: bearer(token), payload: payload as object });

describe('rooms', () => {
  it('creates a room with a 6-character code and a teacher token of at least 128 random bits', async () => {
    const first = await createRoom(app);
    const second = await createRoom(app);
    expect(first.code).toMatch(/^[A-Z2-9]{6}$/);
    // base64url: 6 bits per character.
    expect(first.teacherToken.length * 6).toBeGreaterThanOrEqual(128);
    expect(second.teacherToken).not.toBe(first.teacherToken);
    expect(second.code).not.toBe(first.code);
  });

  it('answers 404 for an unknown room and 410 once the room has expired', async () => {
    const { code } = await createRoom(app);
    expect((await app.inject({ method: 'POST', url: '/api/rooms/ZZZZZZ/join', payload: {} })).statusCode).toBe(404);
    clock.now += 12 * 3600_000;
    const late = await app.inject({ method: 'POST', url: `/api/rooms/${code}/join`, payload: {} });
    expect(late.statusCode).toBe(410);
    expect(json(late)['error']).toMatchObject({ code: 'room-expired' });
  });

  it('refuses answers and event streams once the room has expired, but lets its teacher export', async () => {
    const { code, teacherToken } = await createRoom(app);
    const token = await joinRoom(app, code);
    expect((await answer(code, token, { exercise: EXERCISE, answer: CORRECT })).statusCode).toBe(201);
    clock.now += 12 * 3600_000 + 1;
    const late = await answer(code, token, { exercise: EXERCISE, answer: CORRECT });
    expect(late.statusCode).toBe(410);
    expect(json(late)['error']).toMatchObject({ code: 'room-expired' });
    expect((await app.inject({ url: `/api/rooms/${code}/events` })).statusCode).toBe(410);
    const csv = await app.inject({ url: `/api/rooms/${code}/export.csv`, headers: bearer(teacherToken) });
    expect(csv.statusCode).toBe(200);
    expect(csv.body.split('\r\n').filter((line) => line !== '')).toHaveLength(2);
  });

  it('refuses a display name with control characters or over 40 characters', async () => {
    const { code } = await createRoom(app);
    const join = (name: string) => app.inject({ method: 'POST', url: `/api/rooms/${code}/join`, payload: { name } });
    expect((await join('Ann\u0007')).statusCode).toBe(400);
    expect((await join('x'.repeat(41))).statusCode).toBe(400);
    expect((await join('Zoë Ångström')).statusCode).toBe(201);
  });

  it('rejects a malformed room code by its schema', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/rooms/abc' });
    expect(response.statusCode).toBe(400);
    expect(json(response)['error']).toMatchObject({ code: 'invalid-room-code' });
  });
});

describe('answers', () => {
  it('grades on the server with the one grader and names the listed mistake', async () => {
    const { code } = await createRoom(app);
    const token = await joinRoom(app, code, 'Ann');
    const right = await answer(code, token, { id: 'answer-0001', exercise: EXERCISE, answer: CORRECT });
    expect(right.statusCode).toBe(201);
    expect(json(right)).toMatchObject({ status: 'correct', duplicate: false });
    const wrong = await answer(code, token, { id: 'answer-0002', exercise: EXERCISE, answer: DROPPED_INNER });
    expect(json(wrong)).toMatchObject({ status: 'incorrect' });
    expect(json(wrong)['mistake']).toMatch(/^You have the outer derivative/);
    const unreadable = await answer(code, token, { id: 'answer-0003', exercise: EXERCISE, answer: 'exp(-z' });
    expect(json(unreadable)).toMatchObject({ status: 'invalid' });
    expect(typeof json(unreadable)['position']).toBe('number');
  });

  it('is idempotent by the client answer id: a resend returns the first verdict and is counted once', async () => {
    const { code, teacherToken } = await createRoom(app);
    const token = await joinRoom(app, code);
    const first = await answer(code, token, { id: 'resend-0001', exercise: EXERCISE, answer: DROPPED_INNER });
    // The resend carries a different text: the stored verdict wins, nothing is re-graded.
    const again = await answer(code, token, { id: 'resend-0001', exercise: EXERCISE, answer: CORRECT });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(json(again)).toMatchObject({ status: 'incorrect', duplicate: true });
    const summary = await app.inject({
      url: `/api/rooms/${code}/summary?exercise=${EXERCISE}`,
      headers: bearer(teacherToken),
    });
    expect(json(summary)).toMatchObject({ attempts: 1, answered: 1 });
  });

  it('grades a choice exercise from the selected indices, names the wrong choice, and refuses text for it', async () => {
    const { code } = await createRoom(app);
    const token = await joinRoom(app, code);
    const exercise = 'relu-kink-convention';
    const text = await answer(code, token, { exercise, answer: 'zero' });
    expect(json(text)).toMatchObject({ status: 'invalid' });
    const right = await answer(code, token, { exercise, answer: [CHOICE_RIGHT] });
    expect(json(right)).toMatchObject({ status: 'correct' });
    const wrong = await answer(code, token, { exercise, answer: [CHOICE_WRONG] });
    expect(json(wrong)).toMatchObject({ status: 'incorrect' });
    expect(json(wrong)['mistake']).toMatch(/^chose “/);
  });

  it('holds answers to the parser limit (500 characters) by the schema', async () => {
    const { code } = await createRoom(app);
    const token = await joinRoom(app, code);
    const long = await answer(code, token, { exercise: EXERCISE, answer: 'z+'.repeat(260) });
    expect(long.statusCode).toBe(400);
    expect(json(long)['error']).toMatchObject({ code: 'invalid-request' });
  });

  it('refuses unknown fields and unknown exercises', async () => {
    const { code } = await createRoom(app);
    const token = await joinRoom(app, code);
    expect((await answer(code, token, { exercise: EXERCISE, answer: 'z', extra: 1 })).statusCode).toBe(400);
    expect((await answer(code, token, { exercise: 'no-such-exercise', answer: 'z' })).statusCode).toBe(404);
  });
});

describe('access', () => {
  it('answers 401 without a token and 403 with a token of another room', async () => {
    const a = await createRoom(app);
    const b = await createRoom(app);
    const studentOfB = await joinRoom(app, b.code);
    const none = await app.inject({
      method: 'POST',
      url: `/api/rooms/${a.code}/answers`,
      payload: { exercise: EXERCISE, answer: 'z' },
    });
    expect(none.statusCode).toBe(401);
    expect(json(none)['error']).toMatchObject({ code: 'unauthorised' });
    expect((await answer(a.code, studentOfB, { exercise: EXERCISE, answer: 'z' })).statusCode).toBe(403);
  });

  it('lets only the teacher token read the summary, the answers and the export', async () => {
    const { code, teacherToken } = await createRoom(app);
    const other = await createRoom(app);
    const student = await joinRoom(app, code, 'Ann');
    await answer(code, student, { exercise: EXERCISE, answer: DROPPED_INNER });
    for (const url of [`/api/rooms/${code}/summary?exercise=${EXERCISE}`, `/api/rooms/${code}/export.csv`]) {
      expect((await app.inject({ url })).statusCode, url).toBe(401);
      expect((await app.inject({ url, headers: bearer(student) })).statusCode, url).toBe(403);
      expect((await app.inject({ url, headers: bearer(other.teacherToken) })).statusCode, url).toBe(403);
      expect((await app.inject({ url, headers: bearer(teacherToken) })).statusCode, url).toBe(200);
    }
    const csv = await app.inject({ url: `/api/rooms/${code}/export.csv`, headers: bearer(teacherToken) });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    // The leading minus is neutralised against spreadsheet formula injection.
    expect(csv.body).toContain(`,1,Ann,'${DROPPED_INNER},incorrect,You have the outer derivative`);
  });

  it('shows a student only their own answers, the teacher everyone’s', async () => {
    const { code, teacherToken } = await createRoom(app);
    const ann = await joinRoom(app, code, 'Ann');
    const bob = await joinRoom(app, code, 'Bob');
    await answer(code, ann, { id: 'ann-answer-1', exercise: EXERCISE, answer: CORRECT });
    await answer(code, bob, { id: 'bob-answer-1', exercise: EXERCISE, answer: DROPPED_INNER });
    const mine = json(await app.inject({ url: `/api/rooms/${code}/answers`, headers: bearer(ann) }));
    expect((mine['answers'] as { id: string }[]).map((a) => a.id)).toEqual(['ann-answer-1']);
    const all = json(await app.inject({ url: `/api/rooms/${code}/answers`, headers: bearer(teacherToken) }));
    expect((all['answers'] as { name: string }[]).map((a) => a.name)).toEqual(['Ann', 'Bob']);
    expect((await app.inject({ url: `/api/rooms/${code}/answers` })).statusCode).toBe(401);
  });

  it('lets only the teacher open a question or reveal the solution', async () => {
    const { code, teacherToken } = await createRoom(app);
    const student = await joinRoom(app, code);
    const put = (token: string) =>
      app.inject({
        method: 'PUT',
        url: `/api/rooms/${code}/question`,
        headers: bearer(token),
        payload: { exercise: EXERCISE },
      });
    expect((await put(student)).statusCode).toBe(403);
    const opened = json(await put(teacherToken))['question'] as Record<string, unknown>;
    expect(opened).toMatchObject({ exercise: EXERCISE, kind: 'expression', label: 'σ′(z) =', revealed: false });
    // The phone never gets the key, the mistakes or (before the reveal) the solution.
    expect(JSON.stringify(opened)).not.toContain('exp(-z)/(1+exp(-z))^2');
    expect(opened['solution']).toBeUndefined();
    const reveal = await app.inject({
      method: 'POST',
      url: `/api/rooms/${code}/reveal`,
      headers: bearer(teacherToken),
    });
    expect((json(reveal)['question'] as Record<string, unknown>)['solution']).toMatch(/^With \$u = 1 \+ e\^\{-z\}\$/);
    // Opening the same question again (the speaker view) keeps it revealed; another one starts afresh.
    expect((json(await put(teacherToken))['question'] as Record<string, unknown>)['revealed']).toBe(true);
    const other = await app.inject({
      method: 'PUT',
      url: `/api/rooms/${code}/question`,
      headers: bearer(teacherToken),
      payload: { exercise: EXERCISE, seed: '7' },
    });
    expect((json(other)['question'] as Record<string, unknown>)['revealed']).toBe(false);
  });
});

describe('limits', () => {
  it('answers 400 for malformed JSON and 413 for a body over 4 KB', async () => {
    const { code } = await createRoom(app);
    const token = await joinRoom(app, code);
    const headers = { ...bearer(token), 'content-type': 'application/json' };
    const url = `/api/rooms/${code}/answers`;
    const malformed = await app.inject({ method: 'POST', url, headers, payload: '{"exercise": "x", ' });
    expect(malformed.statusCode).toBe(400);
    expect(json(malformed)['error']).toMatchObject({ code: 'malformed-json' });
    const big = JSON.stringify({ exercise: EXERCISE, answer: 'z', pad: 'x'.repeat(4096) });
    const oversize = await app.inject({ method: 'POST', url, headers, payload: big });
    expect(oversize.statusCode).toBe(413);
    expect(json(oversize)['error']).toMatchObject({ code: 'body-too-large' });
  });

  it('answers 429 to a flood from one student and keeps serving the others', async () => {
    const { code } = await createRoom(app);
    const flooder = await joinRoom(app, code);
    const calm = await joinRoom(app, code);
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++)
      statuses.push((await answer(code, flooder, { exercise: EXERCISE, answer: 'z' })).statusCode);
    expect(statuses.slice(0, 30).every((s) => s === 201)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429, 429, 429, 429]);
    const flooded = await answer(code, flooder, { exercise: EXERCISE, answer: 'z' });
    expect(json(flooded)['error']).toMatchObject({ code: 'too-many-requests' });
    expect((await answer(code, calm, { exercise: EXERCISE, answer: 'z' })).statusCode).toBe(201);
  });

  it('answers 429 to a flood of joins from one address', async () => {
    const { code } = await createRoom(app);
    const statuses: number[] = [];
    for (let i = 0; i < 62; i++)
      statuses.push(
        (await app.inject({ method: 'POST', url: `/api/rooms/${code}/join`, payload: {}, remoteAddress: '10.9.9.9' }))
          .statusCode,
      );
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
  });
});

describe('summary', () => {
  it('counts each student by their latest answer and groups the mistakes by name', async () => {
    const { code, teacherToken } = await createRoom(app);
    const students = await Promise.all(['A', 'B', 'C', 'D'].map((n) => joinRoom(app, code, n)));
    const [a, b, c, d] = students as [string, string, string, string];
    await answer(code, a, { exercise: EXERCISE, answer: DROPPED_INNER });
    await answer(code, a, { exercise: EXERCISE, answer: CORRECT });
    await answer(code, b, { exercise: EXERCISE, answer: DROPPED_INNER });
    await answer(code, c, { exercise: EXERCISE, answer: '-1/(1+e^(-z))^2' });
    await answer(code, d, { exercise: EXERCISE, answer: '1/(1+exp(-z)' });
    const summary = json(
      await app.inject({ url: `/api/rooms/${code}/summary?exercise=${EXERCISE}`, headers: bearer(teacherToken) }),
    );
    expect(summary).toMatchObject({
      joined: 4,
      answered: 4,
      attempts: 5,
      counts: { correct: 1, incorrect: 2, invalid: 1 },
    });
    const mistakes = summary['mistakes'] as { key: string; name: string; count: number }[];
    expect(mistakes).toHaveLength(1);
    expect(mistakes[0]).toMatchObject({ key: 'listed:1', count: 2 });
    // The wall is anonymised: student numbers, no names.
    expect(JSON.stringify(summary['answers'])).not.toMatch(/"name"/);
  });
});

describe('events', () => {
  it('streams the open question to a listener (server-sent events)', async () => {
    const { code, teacherToken } = await createRoom(app);
    await app.inject({
      method: 'PUT',
      url: `/api/rooms/${code}/question`,
      headers: bearer(teacherToken),
      payload: { exercise: EXERCISE },
    });
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    const controller = new AbortController();
    const response = await fetch(`${address}/api/rooms/${code}/events`, { signal: controller.signal });
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = response.body!.getReader();
    const { value } = await reader.read();
    const text = new TextDecoder().decode(value);
    expect(text).toContain('event: question');
    expect(text).toContain(`"exercise":"${EXERCISE}"`);
    controller.abort();
  });

  it('closes gracefully with event streams still open', async () => {
    const { code } = await createRoom(app);
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    const response = await fetch(`${address}/api/rooms/${code}/events`);
    const reader = response.body!.getReader();
    await reader.read();
    const started = Date.now();
    await app.close();
    // The stream ends from the server's side instead of holding close() open.
    await expect(reader.read()).resolves.toMatchObject({ done: true });
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
