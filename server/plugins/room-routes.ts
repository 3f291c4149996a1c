import type { FastifyInstance } from 'fastify';
import { DEFAULT_SEED } from '../../components/exercise/instantiate.ts';
import { existingRoom, isTeacher, openRoom, requireStudent, requireTeacher } from '../access.ts';
import type { RouteContext } from '../app.ts';
import { ApiError } from '../../components/classroom/api-error.ts';
import { toCsv } from '../csv.ts';
import { publicAssignment } from '../public-assignment.ts';
import { publicQuestion, type PublicQuestion } from '../public-question.ts';
import { summarise } from '../room-summary.ts';
import type { Room } from '../storage/classroom-store.ts';
import { codeParams } from '../route-params.ts';
import { hashToken, newRoomCode, newToken } from '../tokens.ts';

/** Exercise ids and seeds as in the content schema: kebab-case ids, short seeds. */
export const exerciseId = { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 80 } as const;
export const seedText = { type: 'string', pattern: '^[A-Za-z0-9_-]{1,32}$' } as const;

interface CodeParams {
  code: string;
}

/** Rooms: create, read, join, open a question, reveal, listen, summary, answers, export. */
export function roomRoutes(app: FastifyInstance, context: RouteContext): Promise<void> {
  const limit = (l = context.requestLimit) => ({ rateLimit: { max: l.max, timeWindow: l.windowMs } });

  const questionOf = (room: Room): PublicQuestion | null => {
    if (room.question === null) return null;
    const entry = context.catalog.get(room.question.exercise);
    return entry === undefined ? null : publicQuestion(entry, room.question);
  };

  app.post('/api/rooms', { config: limit() }, async (_request, reply) => {
    const teacherToken = newToken();
    const createdAt = context.now();
    // A fresh code is free with near certainty; retry the rare collision.
    for (let attempt = 0; attempt < 5; attempt++) {
      const code = newRoomCode();
      if ((await context.store.findRoom(code)) !== undefined) continue;
      const expiresAt = createdAt + context.roomLifetimeMs;
      await context.store.createRoom({
        code,
        teacherTokenHash: hashToken(teacherToken),
        createdAt,
        expiresAt,
        question: null,
      });
      return reply.code(201).send({ code, teacherToken, expiresAt });
    }
    throw new ApiError(503, 'no-free-code', 'Could not find a free room code; try again.');
  });

  app.get<{ Params: CodeParams }>(
    '/api/rooms/:code',
    { schema: { params: codeParams }, config: limit() },
    async (request) => {
      const room = await openRoom(context, request.params.code);
      return { code: room.code, expiresAt: room.expiresAt, question: questionOf(room) };
    },
  );

  app.post<{ Params: CodeParams; Body: { name?: string } }>(
    '/api/rooms/:code/join',
    {
      schema: {
        params: codeParams,
        body: {
          type: 'object',
          additionalProperties: false,
          // A display name: printable text, no control characters.
          properties: { name: { type: 'string', maxLength: 40, pattern: '^[^\\u0000-\\u001f\\u007f]*$' } },
        },
      },
      config: limit(),
    },
    async (request, reply) => {
      const room = await openRoom(context, request.params.code);
      const studentToken = newToken();
      const name = request.body.name?.trim() ?? '';
      const student = await context.store.addStudent({
        roomCode: room.code,
        tokenHash: hashToken(studentToken),
        name: name === '' ? null : name,
        joinedAt: context.now(),
      });
      // No name in the event (anyone with the code may listen): the teacher's screens fetch it.
      context.events.publish(room.code, 'joined', { student: student.number });
      return reply.code(201).send({ studentToken, number: student.number, question: questionOf(room) });
    },
  );

  app.put<{ Params: CodeParams; Body: { exercise: string; seed?: string } }>(
    '/api/rooms/:code/question',
    {
      schema: {
        params: codeParams,
        body: {
          type: 'object',
          required: ['exercise'],
          additionalProperties: false,
          properties: { exercise: exerciseId, seed: seedText },
        },
      },
      config: limit(),
    },
    async (request) => {
      const room = await openRoom(context, request.params.code);
      requireTeacher(room, request.headers.authorization);
      const entry = context.catalog.get(request.body.exercise);
      if (entry === undefined)
        throw new ApiError(404, 'exercise-not-found', `There is no exercise ${request.body.exercise}.`);
      const seed = request.body.seed ?? DEFAULT_SEED;
      // Opening the question already open (the speaker view's button, a second click) changes nothing.
      const same = room.question?.exercise === entry.exercise.id && room.question.seed === seed;
      const question =
        same && room.question
          ? room.question
          : { exercise: entry.exercise.id, seed, openedAt: context.now(), revealed: false };
      if (!same) await context.store.setQuestion(room.code, question);
      const shown = publicQuestion(entry, question);
      context.events.publish(room.code, 'question', shown);
      return { question: shown };
    },
  );

  app.post<{ Params: CodeParams }>(
    '/api/rooms/:code/reveal',
    { schema: { params: codeParams }, config: limit() },
    async (request) => {
      const room = await openRoom(context, request.params.code);
      requireTeacher(room, request.headers.authorization);
      if (room.question === null) throw new ApiError(409, 'no-question', 'No question is open in this room.');
      const question = { ...room.question, revealed: true };
      await context.store.setQuestion(room.code, question);
      const shown = questionOf({ ...room, question });
      context.events.publish(room.code, 'question', shown);
      return { question: shown };
    },
  );

  app.get<{ Params: CodeParams }>(
    '/api/rooms/:code/events',
    { schema: { params: codeParams }, config: limit() },
    async (request, reply) => {
      const room = await openRoom(context, request.params.code);
      if (!context.events.hasRoom(room.code))
        throw new ApiError(503, 'too-many-listeners', 'This room has too many open screens.');
      const open = (await context.store.assignments(room.code)).findLast((a) => a.closedAt === null);
      reply.hijack();
      context.events.subscribe(room.code, reply.raw, [
        { event: 'question', data: questionOf(room) },
        { event: 'assignment', data: open === undefined ? null : publicAssignment(context.catalog, open) },
      ]);
    },
  );

  app.get<{ Params: CodeParams; Querystring: { exercise: string } }>(
    '/api/rooms/:code/summary',
    {
      schema: {
        params: codeParams,
        querystring: {
          type: 'object',
          required: ['exercise'],
          additionalProperties: false,
          properties: { exercise: exerciseId },
        },
      },
      config: limit({ max: context.requestLimit.max * 10, windowMs: context.requestLimit.windowMs }),
    },
    async (request) => {
      const room = await openRoom(context, request.params.code);
      requireTeacher(room, request.headers.authorization);
      const [students, answers] = await Promise.all([
        context.store.students(room.code),
        context.store.answers(room.code, request.query.exercise),
      ]);
      const open = room.question?.exercise === request.query.exercise ? room.question.seed : undefined;
      return summarise(request.query.exercise, students, answers, open);
    },
  );

  // The teacher reads every answer (with names); a student reads only their own.
  app.get<{ Params: CodeParams }>(
    '/api/rooms/:code/answers',
    { schema: { params: codeParams }, config: limit() },
    async (request) => {
      const room = await openRoom(context, request.params.code);
      if (isTeacher(room, request.headers.authorization)) {
        const [students, answers] = await Promise.all([
          context.store.students(room.code),
          context.store.answers(room.code),
        ]);
        const byId = new Map(students.map((s) => [s.id, s]));
        return {
          answers: answers.map((a) => ({
            ...publicAnswer(a),
            student: byId.get(a.studentId)?.number ?? 0,
            name: byId.get(a.studentId)?.name ?? null,
          })),
        };
      }
      const student = await requireStudent(context, room, request.headers.authorization);
      return { answers: (await context.store.studentAnswers(student.id)).map(publicAnswer) };
    },
  );

  app.get<{ Params: CodeParams }>(
    '/api/rooms/:code/export.csv',
    { schema: { params: codeParams }, config: limit() },
    async (request, reply) => {
      // Exports stay readable after expiry: the teacher collects results when the lesson is over.
      const room = await existingRoom(context, request.params.code);
      requireTeacher(room, request.headers.authorization);
      const [students, answers] = await Promise.all([
        context.store.students(room.code),
        context.store.answers(room.code),
      ]);
      const byId = new Map(students.map((s) => [s.id, s]));
      const rows = answers.map((a) => [
        room.code,
        a.exercise,
        a.seed,
        byId.get(a.studentId)?.number ?? 0,
        byId.get(a.studentId)?.name ?? '',
        a.answer,
        a.status,
        a.mistakeName,
        new Date(a.receivedAt).toISOString(),
        // Which assignment it answered (empty: the live question), so live and assigned answers stay apart.
        a.assignmentId,
      ]);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="classroom-${room.code}.csv"`)
        .send(
          toCsv([
            ['room', 'exercise', 'seed', 'student', 'name', 'answer', 'status', 'mistake', 'received', 'assignment'],
            ...rows,
          ]),
        );
    },
  );
  return Promise.resolve();
}

/** An answer as its student (or the teacher) reads it back. */
export function publicAnswer(a: import('../storage/classroom-store.ts').StoredAnswer) {
  return {
    id: a.clientId,
    exercise: a.exercise,
    seed: a.seed,
    answer: a.answer,
    status: a.status,
    feedback: a.feedback,
    mistake: a.mistakeName,
    receivedAt: a.receivedAt,
  };
}
