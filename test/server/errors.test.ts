import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, isErrorBody } from '../../components/classroom/api-error.ts';
import { ROOM_CODE_MESSAGE } from '../../components/classroom/room-code.ts';
import { bearer, createRoom, joinRoom, json, testClassroom } from './classroom-app.ts';

const EXERCISE = 'sigmoid-derivative-in-z';
const RIGHT = 'sigmoid(z)*(1-sigmoid(z))';
const WRONG = '-1/(1+exp(-z))^2';

let app: FastifyInstance;
beforeEach(async () => {
  ({ app } = await testClassroom({ requestLimit: { max: 10_000, windowMs: 60_000 } }));
});
afterEach(async () => {
  await app.close();
});

type Method = 'GET' | 'POST' | 'PUT';

/** Every API route (method and URL pattern), read from the app itself so a new route is covered too. */
function apiRoutes(instance: FastifyInstance): { method: Method; url: string }[] {
  const routes: { method: Method; url: string }[] = [];
  const stack: string[] = [];
  for (const line of instance.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^([│ ]*)[├└]── (\S+)(?: \(([^)]*)\))?/.exec(line);
    if (!match) continue;
    const depth = [...(match[1] ?? '')].length / 4;
    stack.length = depth;
    stack.push(match[2] ?? '');
    const url = stack.join('');
    for (const method of (match[3] ?? '').split(', '))
      if ((method === 'GET' || method === 'POST' || method === 'PUT') && url.startsWith('/api/'))
        routes.push({ method, url });
  }
  return routes;
}

/** What every refusal must be: a 4xx in the one shape, in words a student can read (no schema jargon). */
function expectRefusal(response: { statusCode: number; body: string }, status: number, code?: string) {
  expect(response.statusCode, response.body).toBe(status);
  const body: unknown = JSON.parse(response.body);
  expect(isErrorBody(body), response.body).toBe(true);
  if (!isErrorBody(body)) return;
  if (code !== undefined) expect(body.error.code).toBe(code);
  expect(body.error.message).toMatch(/^[A-Z"].*\.$/);
  expect(body.error.message).not.toMatch(/must match|FST_|\^\[|instancePath|oneOf|params\/|body\//);
  // The browser's client reads it back into the same code and message.
  const read = ApiError.fromResponse(response.statusCode, body);
  expect([read.code, read.message]).toEqual([body.error.code, body.error.message]);
}

const withParams = (url: string, code: string) => url.replace(':code', code).replace(':id', '1');

describe('one room-code rule on every route', () => {
  it('reads every :code route from the app (the list below cannot miss a new route)', () => {
    const routes = apiRoutes(app).filter((r) => r.url.includes(':code'));
    expect(routes.length).toBeGreaterThanOrEqual(16);
    expect(routes).toContainEqual({ method: 'POST', url: '/api/rooms/:code/answers' });
    expect(routes).toContainEqual({ method: 'GET', url: '/api/rooms/:code/assignments/:id/export.csv' });
  });

  // Lower case, look-alikes the alphabet leaves out, too short, too long, markup, an encoded slash.
  const malformed = [
    'abcdef',
    'O0I1LA',
    'ABCDE',
    'ABCDEFG',
    'A'.repeat(300),
    '%3Cb%3E',
    'ABC%2FDE',
    '%00AAAAA',
    'ABC%E0%A4%A',
  ];
  it.each(malformed)('answers %s with the same 400 invalid-room-code on every route', async (code) => {
    for (const route of apiRoutes(app).filter((r) => r.url.includes(':code'))) {
      const response = await app.inject({
        method: route.method,
        url: withParams(route.url, code),
        ...(route.method === 'GET' ? {} : { payload: {} }),
      });
      expectRefusal(response, 400, 'invalid-room-code');
      expect(json(response)['error']).toMatchObject({ message: ROOM_CODE_MESSAGE });
    }
  });

  it('answers a well-formed code of no room with 404 room-not-found on every route', async () => {
    const { teacherToken } = await createRoom(app);
    const bodies: Record<string, object> = {
      'POST /api/rooms/:code/answers': { exercise: EXERCISE, answer: RIGHT },
      'PUT /api/rooms/:code/question': { exercise: EXERCISE },
      'POST /api/rooms/:code/assignments': { exercises: [EXERCISE] },
      'GET /api/rooms/:code/summary': {},
    };
    for (const route of apiRoutes(app).filter((r) => r.url.includes(':code'))) {
      const key = `${route.method} ${route.url}`;
      const response = await app.inject({
        method: route.method,
        url: withParams(route.url, 'ZZZZZZ') + (route.url.endsWith('/summary') ? `?exercise=${EXERCISE}` : ''),
        headers: bearer(teacherToken),
        ...(route.method === 'GET' ? {} : { payload: bodies[key] ?? {} }),
      });
      expectRefusal(response, 404, 'room-not-found');
    }
  });

  it('refuses at start-up a route that checks the room code by a rule of its own', () => {
    expect(() =>
      app.get(
        '/api/rooms/:code/stray',
        { schema: { params: { type: 'object', properties: { code: { type: 'string', maxLength: 16 } } } } },
        () => ({}),
      ),
    ).toThrow(/roomCode/);
  });
});

describe('hostile requests get a clear 4xx in the one shape and lose nothing saved', () => {
  it('refuses wrong types, huge strings, bad JSON, unknown fields and prototype keys on every body route', async () => {
    const { code, teacherToken } = await createRoom(app);
    const student = await joinRoom(app, code, 'Ann');
    const assignment = json(
      await app.inject({
        method: 'POST',
        url: `/api/rooms/${code}/assignments`,
        headers: bearer(teacherToken),
        payload: { exercises: [EXERCISE] },
      }),
    )['assignment'] as { id: number };
    // What is saved before the attack: a wrong answer, then the right one (score 0.8).
    for (const [id, text] of [
      ['answer-0001', WRONG],
      ['answer-0002', RIGHT],
    ] as const)
      expect(
        (
          await app.inject({
            method: 'POST',
            url: `/api/rooms/${code}/answers`,
            headers: bearer(student),
            payload: { id, exercise: EXERCISE, answer: text, assignment: assignment.id },
          })
        ).statusCode,
      ).toBe(201);
    const snapshot = async () => ({
      answers: json(await app.inject({ url: `/api/rooms/${code}/answers`, headers: bearer(teacherToken) })),
      results: json(
        await app.inject({
          url: `/api/rooms/${code}/assignments/${assignment.id}/results`,
          headers: bearer(teacherToken),
        }),
      ),
    });
    const before = await snapshot();
    expect((before.results['students'] as { total: number }[])[0]?.total).toBe(0.8);

    const routes: { method: Method; url: string; token: string }[] = [
      { method: 'POST', url: `/api/rooms/${code}/answers`, token: student },
      { method: 'POST', url: `/api/rooms/${code}/join`, token: student },
      { method: 'PUT', url: `/api/rooms/${code}/question`, token: teacherToken },
      { method: 'POST', url: `/api/rooms/${code}/assignments`, token: teacherToken },
    ];
    const hostile: { what: string; payload: string; status: number; code: string }[] = [
      { what: 'bad JSON', payload: '{"exercise": "x", ', status: 400, code: 'malformed-json' },
      { what: 'not JSON at all', payload: "'; DROP TABLE answers; --", status: 400, code: 'malformed-json' },
      { what: 'a prototype key', payload: '{"__proto__": {"admin": true}}', status: 400, code: 'malformed-json' },
      {
        what: 'a constructor.prototype key',
        payload: '{"constructor": {"prototype": {"admin": true}}}',
        status: 400,
        code: 'malformed-json',
      },
      { what: 'an array body', payload: '[1, 2, 3]', status: 400, code: 'invalid-request' },
      { what: 'a string body', payload: '"hello"', status: 400, code: 'invalid-request' },
      { what: 'a null body', payload: 'null', status: 400, code: 'invalid-request' },
      {
        what: 'an unknown field',
        payload: '{"exercise": "a", "answer": "z", "admin": true}',
        status: 400,
        code: 'invalid-request',
      },
      {
        what: 'a number for text',
        payload: '{"exercise": 7, "answer": "z", "name": 7, "exercises": 7}',
        status: 400,
        code: 'invalid-request',
      },
      {
        what: 'an object for the answer',
        payload: '{"exercise": "a", "answer": {"$gt": ""}, "name": {}, "exercises": {}}',
        status: 400,
        code: 'invalid-request',
      },
      {
        what: 'a huge string',
        payload: JSON.stringify({
          exercise: 'a'.repeat(1200),
          answer: 'z',
          name: 'n'.repeat(1200),
          exercises: ['a'.repeat(1200)],
        }),
        status: 400,
        code: 'invalid-request',
      },
      {
        what: 'deep nesting',
        payload: `{"answer": ${'['.repeat(1500)}${']'.repeat(1500)}}`,
        status: 400,
        code: 'invalid-request',
      },
      {
        what: 'over 4 KB',
        payload: JSON.stringify({ exercise: EXERCISE, answer: 'z', pad: 'x'.repeat(5000) }),
        status: 413,
        code: 'body-too-large',
      },
    ];
    for (const route of routes)
      for (const attack of hostile) {
        const response = await app.inject({
          method: route.method,
          url: route.url,
          headers: { ...bearer(route.token), 'content-type': 'application/json' },
          payload: attack.payload,
        });
        expect(`${route.method} ${route.url} ${attack.what}: ${response.statusCode}`).toBe(
          `${route.method} ${route.url} ${attack.what}: ${attack.status}`,
        );
        expectRefusal(response, attack.status, attack.code);
      }
    // Not JSON: the one shape again.
    const text = await app.inject({
      method: 'POST',
      url: `/api/rooms/${code}/answers`,
      headers: { ...bearer(student), 'content-type': 'text/plain' },
      payload: 'sigmoid(z)',
    });
    expectRefusal(text, 415, 'unsupported-media-type');
    expect(await snapshot()).toEqual(before);
  });

  it('says what is wrong with a field in words', async () => {
    const { code } = await createRoom(app);
    const student = await joinRoom(app, code);
    const send = (payload: object) =>
      app.inject({ method: 'POST', url: `/api/rooms/${code}/answers`, headers: bearer(student), payload });
    const message = async (payload: object) => (json(await send(payload))['error'] as { message: string }).message;
    expect(await message({ exercise: EXERCISE, answer: 'z+'.repeat(260) })).toBe(
      'The answer is too long: at most 500 characters.',
    );
    expect(await message({ exercise: EXERCISE })).toBe('The answer is missing.');
    expect(await message({ exercise: EXERCISE, answer: 'z', admin: 1 })).toBe(
      'The request has a field the server does not know: "admin".',
    );
    expect(await message({ exercise: EXERCISE, answer: { a: 1 } })).toBe(
      'The answer must be the typed text, or the numbers of the chosen options or steps.',
    );
    const join = await app.inject({ method: 'POST', url: `/api/rooms/${code}/join`, payload: { name: 'Ann\u0007' } });
    expect((json(join)['error'] as { message: string }).message).toBe('The name may not contain control characters.');
  });

  it('sends rate limits, unknown rooms, unknown addresses and a closed assignment in the one shape', async () => {
    const limited = await testClassroom({ answerLimit: { max: 2, windowMs: 60_000 } });
    try {
      const { code, teacherToken } = await createRoom(limited.app);
      const student = await joinRoom(limited.app, code);
      const opened = await limited.app.inject({
        method: 'POST',
        url: `/api/rooms/${code}/assignments`,
        headers: bearer(teacherToken),
        payload: { exercises: [EXERCISE] },
      });
      const id = (json(opened)['assignment'] as { id: number }).id;
      await limited.app.inject({
        method: 'POST',
        url: `/api/rooms/${code}/assignments/${id}/close`,
        headers: bearer(teacherToken),
      });
      const send = () =>
        limited.app.inject({
          method: 'POST',
          url: `/api/rooms/${code}/answers`,
          headers: bearer(student),
          payload: { exercise: EXERCISE, answer: RIGHT, assignment: id },
        });
      expectRefusal(await send(), 409, 'assignment-closed');
      await send();
      expectRefusal(await send(), 429, 'too-many-requests');
      expectRefusal(await limited.app.inject({ url: '/api/rooms/ZZZZZZ' }), 404, 'room-not-found');
      expectRefusal(await limited.app.inject({ url: '/api/nothing-here' }), 404, 'not-found');
      expectRefusal(await limited.app.inject({ url: `/api/rooms/${code}/assignments/abc` }), 400, 'invalid-request');
      expectRefusal(await limited.app.inject({ url: `/api/rooms/${code}/answers` }), 401, 'unauthorised');
    } finally {
      await limited.app.close();
    }
  });
});

describe('the client reads every body into the one error', () => {
  it('keeps the code and message of the one shape and names anything else an unexpected response', () => {
    expect(ApiError.fromResponse(409, { error: { code: 'assignment-closed', message: 'Closed.' } })).toMatchObject({
      status: 409,
      code: 'assignment-closed',
      message: 'Closed.',
    });
    for (const body of [
      {},
      null,
      '<html>Bad gateway</html>',
      { error: 'nope' },
      { error: { code: 'made-up', message: 'x' } },
      { error: { code: 'internal', message: '' } },
      { error: { code: 'internal', message: 'x', stack: 'at …' } },
      { statusCode: 429, code: 'too-many-requests', message: 'x' },
    ])
      expect(ApiError.fromResponse(502, body)).toMatchObject({ status: 502, code: 'unexpected-response' });
  });
});
