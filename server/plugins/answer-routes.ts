import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { DEFAULT_SEED } from '../../components/exercise/instantiate.ts';
import { MAX_INPUT_LENGTH } from '../../src/symbolic/index.ts';
import { openRoom, requireStudent } from '../access.ts';
import { ClassroomError, type RouteContext } from '../app.ts';
import { gradeAnswer, type SentAnswer } from '../grade-answer.ts';
import { exerciseId, seedText } from './room-routes.ts';

interface AnswerBody {
  id?: string;
  exercise: string;
  answer: SentAnswer;
  seed?: string;
}

/**
 * `POST /api/rooms/:code/answers`: graded on the server by the one grader, stored durably, then
 * acknowledged. The phone's answer `id` makes a resend (after a lost acknowledgement) harmless:
 * the first verdict comes back and nothing is counted twice.
 */
export function answerRoutes(app: FastifyInstance, context: RouteContext): Promise<void> {
  app.post<{ Params: { code: string }; Body: AnswerBody }>(
    '/api/rooms/:code/answers',
    {
      schema: {
        params: {
          type: 'object',
          required: ['code'],
          properties: { code: { type: 'string', maxLength: 16 } },
        },
        body: {
          type: 'object',
          required: ['exercise', 'answer'],
          additionalProperties: false,
          properties: {
            id: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,64}$' },
            exercise: exerciseId,
            seed: seedText,
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
      if (entry === undefined) throw new ClassroomError(404, 'exercise-not-found', `There is no exercise ${id}.`);
      const seed = request.body.seed ?? (room.question?.exercise === id ? room.question.seed : DEFAULT_SEED);
      const verdict = gradeAnswer(entry.exercise, seed, answer);
      const saved = await context.store.saveAnswer({
        roomCode: room.code,
        studentId: student.id,
        clientId: request.body.id ?? randomUUID(),
        exercise: id,
        seed,
        answer: typeof answer === 'string' ? answer : JSON.stringify(answer),
        status: verdict.status,
        feedback: verdict.feedback,
        mistakeKey: verdict.mistakeKey,
        mistakeName: verdict.mistakeName,
        receivedAt: context.now(),
      });
      if (!saved.duplicate) context.events.publish(room.code, 'answered', { exercise: id });
      const stored = saved.answer;
      return reply.code(saved.duplicate ? 200 : 201).send({
        id: stored.clientId,
        exercise: stored.exercise,
        seed: stored.seed,
        status: stored.status,
        feedback: stored.feedback,
        ...(verdict.position === undefined || saved.duplicate ? {} : { position: verdict.position }),
        mistake: stored.mistakeName,
        duplicate: saved.duplicate,
      });
    },
  );
  return Promise.resolve();
}
