import { randomInt } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { existingRoom, isTeacher, openRoom, requireStudent, requireTeacher } from '../access.ts';
import type { RouteContext } from '../app.ts';
import { ApiError } from '../../components/classroom/api-error.ts';
import { assignmentResults } from '../assignment-scores.ts';
import { toCsv } from '../csv.ts';
import { publicAssignment } from '../public-assignment.ts';
import type { Assignment, Room } from '../storage/classroom-store.ts';
import { codeParams } from '../route-params.ts';
import { exerciseId, seedText } from './room-routes.ts';

/** At most this many exercises in one assignment (a practice set has 10, a lesson 10). */
export const MAX_ASSIGNMENT_EXERCISES = 20;

const assignmentParams = {
  type: 'object',
  required: ['code', 'id'],
  additionalProperties: false,
  properties: { ...codeParams.properties, id: { type: 'string', pattern: '^[1-9][0-9]{0,9}$' } },
} as const;

interface AssignmentParams {
  code: string;
  id: string;
}

interface AssignmentBody {
  title?: string;
  exercises: string[];
  seed?: string;
}

/** The teacher's view of an assignment: the stored fields as they are. */
const teacherView = (a: Assignment) => ({
  id: a.id,
  title: a.title,
  seed: a.seed,
  exercises: a.exercises,
  openedAt: a.openedAt,
  closedAt: a.closedAt,
});

/**
 * Assignments: the teacher opens a set of exercises (a lesson's, or a practice set) with one seed
 * for everyone; phones work through it one exercise after another; the teacher's table shows each
 * student's score per exercise by the site's rules (`entryStatus`), and exports it as CSV.
 */
export function assignmentRoutes(app: FastifyInstance, context: RouteContext): Promise<void> {
  const limit = (l = context.requestLimit) => ({ rateLimit: { max: l.max, timeWindow: l.windowMs } });

  const findAssignment = async (room: Room, id: string): Promise<Assignment> => {
    const assignment = await context.store.findAssignment(room.code, Number(id));
    if (assignment === undefined)
      throw new ApiError(404, 'assignment-not-found', `Room ${room.code} has no assignment ${id}.`);
    return assignment;
  };

  /** Every student's row of the assignment: what the teacher's results table and CSV show. */
  const everyStudent = async (room: Room, assignment: Assignment) => {
    const [students, answers] = await Promise.all([
      context.store.students(room.code),
      context.store.assignmentAnswers(assignment.id),
    ]);
    return assignmentResults(assignment, students, answers);
  };

  app.post<{ Params: { code: string }; Body: AssignmentBody }>(
    '/api/rooms/:code/assignments',
    {
      schema: {
        params: codeParams,
        body: {
          type: 'object',
          required: ['exercises'],
          additionalProperties: false,
          properties: {
            title: { type: 'string', minLength: 1, maxLength: 80, pattern: '^[^\\u0000-\\u001f\\u007f]*$' },
            exercises: {
              type: 'array',
              minItems: 1,
              maxItems: MAX_ASSIGNMENT_EXERCISES,
              uniqueItems: true,
              items: exerciseId,
            },
            seed: seedText,
          },
        },
      },
      config: limit(),
    },
    async (request, reply) => {
      const room = await openRoom(context, request.params.code);
      requireTeacher(room, request.headers.authorization);
      const unknown = request.body.exercises.filter((id) => !context.catalog.has(id));
      if (unknown.length > 0)
        throw new ApiError(404, 'exercise-not-found', `There is no exercise ${unknown.join(', ')}.`);
      const now = context.now();
      // One assignment at a time on the phones: opening one closes the one before.
      for (const open of await context.store.assignments(room.code))
        if (open.closedAt === null) await context.store.closeAssignment(room.code, open.id, now);
      const assignment = await context.store.createAssignment({
        roomCode: room.code,
        title: request.body.title?.trim() || `Assignment of ${new Date(now).toISOString().slice(0, 10)}`,
        // Fixed here, once: the same numbers for every student (a number, so /practice/?seed=… shows them).
        seed: request.body.seed ?? String(randomInt(2, 100_000)),
        exercises: request.body.exercises,
        openedAt: now,
        closedAt: null,
      });
      context.events.publish(room.code, 'assignment', publicAssignment(context.catalog, assignment));
      return reply.code(201).send({ assignment: teacherView(assignment) });
    },
  );

  app.get<{ Params: { code: string } }>(
    '/api/rooms/:code/assignments',
    { schema: { params: codeParams }, config: limit() },
    async (request) => {
      const room = await openRoom(context, request.params.code);
      requireTeacher(room, request.headers.authorization);
      return { assignments: (await context.store.assignments(room.code)).map(teacherView) };
    },
  );

  // What the phones show: anyone with the room code (like the open question), no answers, no names.
  app.get<{ Params: AssignmentParams }>(
    '/api/rooms/:code/assignments/:id',
    { schema: { params: assignmentParams }, config: limit() },
    async (request) => {
      const room = await openRoom(context, request.params.code);
      return { assignment: publicAssignment(context.catalog, await findAssignment(room, request.params.id)) };
    },
  );

  app.post<{ Params: AssignmentParams }>(
    '/api/rooms/:code/assignments/:id/close',
    { schema: { params: assignmentParams }, config: limit() },
    async (request) => {
      const room = await openRoom(context, request.params.code);
      requireTeacher(room, request.headers.authorization);
      await findAssignment(room, request.params.id);
      await context.store.closeAssignment(room.code, Number(request.params.id), context.now());
      const closed = await findAssignment(room, request.params.id);
      context.events.publish(room.code, 'assignment', publicAssignment(context.catalog, closed));
      return { assignment: teacherView(closed) };
    },
  );

  // The teacher reads every student's row (also after the room expired: results are collected
  // when the lesson is over); a student reads only their own, while the room is open.
  app.get<{ Params: AssignmentParams }>(
    '/api/rooms/:code/assignments/:id/results',
    {
      schema: { params: assignmentParams },
      config: limit({ max: context.requestLimit.max * 10, windowMs: context.requestLimit.windowMs }),
    },
    async (request) => {
      const room = await existingRoom(context, request.params.code);
      if (isTeacher(room, request.headers.authorization)) {
        const assignment = await findAssignment(room, request.params.id);
        return { assignment: teacherView(assignment), students: await everyStudent(room, assignment) };
      }
      await openRoom(context, room.code);
      const student = await requireStudent(context, room, request.headers.authorization);
      const assignment = await findAssignment(room, request.params.id);
      const answers = await context.store.assignmentAnswers(assignment.id, student.id);
      return { assignment: teacherView(assignment), students: assignmentResults(assignment, [student], answers) };
    },
  );

  app.get<{ Params: AssignmentParams }>(
    '/api/rooms/:code/assignments/:id/export.csv',
    { schema: { params: assignmentParams }, config: limit() },
    async (request, reply) => {
      const room = await existingRoom(context, request.params.code);
      requireTeacher(room, request.headers.authorization);
      const assignment = await findAssignment(room, request.params.id);
      const rows = (await everyStudent(room, assignment)).map((r) => [
        r.student,
        r.name ?? '',
        ...assignment.exercises.map((id) => r.scores[id]?.score ?? null),
        r.total,
        r.solved,
      ]);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="assignment-${room.code}-${assignment.id}.csv"`)
        .send(toCsv([['student', 'name', ...assignment.exercises, 'total', 'solved'], ...rows]));
    },
  );
  return Promise.resolve();
}
