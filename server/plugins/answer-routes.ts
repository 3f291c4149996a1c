import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { DEFAULT_SEED } from '../../components/exercise/instantiate.ts';
import { MAX_INPUT_LENGTH } from '../../src/symbolic/index.ts';
import { openRoom, requireStudent } from '../access.ts';
import type { RouteContext } from '../app.ts';
import { ApiError } from '../../components/classroom/api-error.ts';
import { gradeAnswer, type SentAnswer } from '../grade-answer.ts';
import { entryFromAnswers, exerciseScore } from '../assignment-scores.ts';
import type { Room } from '../storage/classroom-store.ts';
import { codeParams } from '../route-params.ts';
import { exerciseId, seedText } from './room-routes.ts';

interface AnswerBody {
  id?: string;
  exercise: string;
  answer: SentAnswer;
  seed?: string;
  assignment?: number;
}

/**
 * `POST /api/rooms/:code/answers`: graded on the server by the one grader, stored durably, then
 * acknowledged. The phone's answer `id` makes a resend (after a lost acknowledgement) harmless:
 * the first verdict comes back and nothing is counted twice.
 */
export function answerRoutes(app: FastifyInstance, context: RouteContext): Promise<void> {
  /**
   * The room's assignment holding the exercise: 404 or 400 otherwise, and 409 once closed, except
   * for a resend of an answer it already holds (the first verdict comes back, as for any resend).
   */
  const openAssignment = async (room: Room, id: number, exercise: string, student: number, clientId?: string) => {
    const assignment = await context.store.findAssignment(room.code, id);
    if (assignment === undefined)
      throw new ApiError(404, 'assignment-not-found', `Room ${room.code} has no assignment ${id}.`);
    if (!assignment.exercises.includes(exercise))
      throw new ApiError(400, 'not-in-assignment', `Exercise ${exercise} is not part of this assignment.`);
    if (assignment.closedAt !== null) {
      const held =
        clientId !== undefined &&
        (await context.store.assignmentAnswers(id, student)).some((a) => a.clientId === clientId);
      if (!held) throw new ApiError(409, 'assignment-closed', 'Your teacher has closed this assignment.');
    }
    return assignment;
  };
  app.post<{ Params: { code: string }; Body: AnswerBody }>(
    '/api/rooms/:code/answers',
    {
      schema: {
        params: codeParams,
        body: {
          type: 'object',
          required: ['exercise', 'answer'],
          additionalProperties: false,
          properties: {
            id: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,64}$' },
            exercise: exerciseId,
            seed: seedText,
            assignment: { type: 'integer', minimum: 1 },
            // The same length limit as the site's parser; choices and orders as small index lists.
            answer: {
              oneOf: [
                { type: 'string', maxLength: MAX_INPUT_LENGTH },
                { type: 'array', maxItems: 32, items: { type: 'integer', minimum: 0, maximum: 99 } },
              ],
            },
          },
        },
      },
      config: { rateLimit: { max: context.answerLimit.max, timeWindow: context.answerLimit.windowMs } },
    },
    async (request, reply) => {
      const room = await openRoom(context, request.params.code);
      const student = await requireStudent(context, room, request.headers.authorization);
      const { exercise: id, answer } = request.body;
      const entry = context.catalog.get(id);
      if (entry === undefined) throw new ApiError(404, 'exercise-not-found', `There is no exercise ${id}.`);
      const assignment =
        request.body.assignment === undefined
          ? undefined
          : await openAssignment(room, request.body.assignment, id, student.id, request.body.id);
      if (assignment !== undefined && request.body.seed !== undefined && request.body.seed !== assignment.seed)
        throw new ApiError(400, 'seed-mismatch', `This assignment's numbers come from seed ${assignment.seed}.`);
      const seed =
        assignment?.seed ?? request.body.seed ?? (room.question?.exercise === id ? room.question.seed : DEFAULT_SEED);
      const verdict = gradeAnswer(entry.exercise, seed, answer);
      const saved = await context.store.saveAnswer({
        roomCode: room.code,
        studentId: student.id,
        clientId: request.body.id ?? randomUUID(),
        exercise: id,
        seed,
        assignmentId: assignment?.id ?? null,
        answer: typeof answer === 'string' ? answer : JSON.stringify(answer),
        status: verdict.status,
        feedback: verdict.feedback,
        mistakeKey: verdict.mistakeKey,
        mistakeName: verdict.mistakeName,
        receivedAt: context.now(),
      });
      const stored = saved.answer;
      if (!saved.duplicate)
        context.events.publish(room.code, 'answered', {
          exercise: id,
          ...(stored.assignmentId === null ? {} : { assignment: stored.assignmentId }),
        });
      // In an assignment the phone shows its own score, by the site's rules (`entryStatus`).
      const score =
        stored.assignmentId === null
          ? undefined
          : await context.store
              .assignmentAnswers(stored.assignmentId, student.id)
              .then((all) => all.filter((a) => a.exercise === stored.exercise))
              .then((mine) => ({
                ...exerciseScore(mine),
                counted: entryFromAnswers(mine).counted.has(stored.clientId),
              }));
      return reply.code(saved.duplicate ? 200 : 201).send({
        id: stored.clientId,
        exercise: stored.exercise,
        seed: stored.seed,
        status: stored.status,
        feedback: stored.feedback,
        ...(verdict.position === undefined || saved.duplicate ? {} : { position: verdict.position }),
        mistake: stored.mistakeName,
        duplicate: saved.duplicate,
        ...(stored.assignmentId === null ? {} : { assignment: stored.assignmentId, score }),
      });
    },
  );
  return Promise.resolve();
}
