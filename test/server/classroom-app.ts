import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildClassroom, type ClassroomOptions } from '../../server/app.ts';
import { loadExerciseCatalog } from '../../server/exercise-catalog.ts';
import { SqliteStore } from '../../server/storage/sqlite-store.ts';

export const catalog = loadExerciseCatalog(resolve(import.meta.dirname, '../../content/exercises'));

/** A classroom app on an in-memory store, with a clock the test can move. */
export async function testClassroom(options: Partial<ClassroomOptions> = {}) {
  const clock = { now: 1_800_000_000_000 };
  const app = await buildClassroom({
    store: new SqliteStore(':memory:'),
    catalog,
    now: () => clock.now,
    ...options,
  });
  return { app, clock };
}

export const json = (response: { body: string }) => JSON.parse(response.body) as Record<string, unknown>;

/** Creates a room and returns its code and teacher token. */
export async function createRoom(app: FastifyInstance): Promise<{ code: string; teacherToken: string }> {
  const response = await app.inject({ method: 'POST', url: '/api/rooms' });
  return json(response) as { code: string; teacherToken: string };
}

export async function joinRoom(app: FastifyInstance, code: string, name?: string): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: `/api/rooms/${code}/join`,
    payload: name === undefined ? {} : { name },
    remoteAddress: `10.0.0.${Math.floor(Math.random() * 250) + 1}`,
  });
  return (json(response) as { studentToken: string }).studentToken;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
