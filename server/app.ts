import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CatalogEntry } from './exercise-catalog.ts';
import { roomRoutes } from './plugins/room-routes.ts';
import { answerRoutes } from './plugins/answer-routes.ts';
import { assignmentRoutes } from './plugins/assignment-routes.ts';
import { qrRoutes } from './plugins/qr-routes.ts';
import { staticSite } from './plugins/static-site.ts';
import { RoomEvents } from './room-events.ts';
import type { ClassroomStore } from './storage/classroom-store.ts';
import { bearerToken, hashToken } from './tokens.ts';
import { ApiError } from '../components/classroom/api-error.ts';
import { invalidRoomCode, toApiError } from './error-body.ts';
import { roomCode } from './route-params.ts';

/** Requests per window and client; a client is its bearer token, or its address before it has one. */
export interface Limit {
  readonly max: number;
  /** Window length in milliseconds. */
  readonly windowMs: number;
}

export interface ClassroomOptions {
  readonly store: ClassroomStore;
  readonly catalog: ReadonlyMap<string, CatalogEntry>;
  /** The built site to serve beside /api; none (API only) when missing. */
  readonly dist?: string;
  /** How long a room code admits students, in ms. Default 12 hours. */
  readonly roomLifetimeMs?: number;
  /** Largest request body in bytes. Default 4096. */
  readonly bodyLimit?: number;
  /** Answers per student. Default 30 per 10 s. */
  readonly answerLimit?: Limit;
  /** Room creations, joins and other requests per client. Default 60 per minute. */
  readonly requestLimit?: Limit;
  /** The address phones should open (printed and shown on the projector); known once the server listens. */
  readonly joinUrl?: () => string | null;
  /** The clock, for tests of expiry. Default `Date.now`. */
  readonly now?: () => number;
  readonly logger?: boolean;
}

/** What every route plugin receives. */
export interface RouteContext {
  readonly store: ClassroomStore;
  readonly catalog: ReadonlyMap<string, CatalogEntry>;
  readonly events: RoomEvents;
  readonly now: () => number;
  readonly roomLifetimeMs: number;
  readonly answerLimit: Limit;
  readonly requestLimit: Limit;
}

/**
 * The classroom server as a Fastify instance: a plugin per concern (rate limits, rooms, answers,
 * the static site), every route's body, params and query validated by JSON Schema, 4 KB bodies.
 * `inject()` drives it in tests; `server/main.ts` listens.
 */
export async function buildClassroom(options: ClassroomOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 4096,
    // On shutdown, idle keep-alive sockets close at once, requests in flight finish (their answers
    // are acknowledged), and the event streams are ended by the preClose hook below.
    forceCloseConnections: 'idle',
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false } },
    // A long room code reaches its schema (400 invalid-room-code, as any malformed code) rather than
    // the router's own 414; the URL as a whole is still held to Node's header limit.
    routerOptions: { maxParamLength: 2048 },
    // Errors the router raises before any route (a malformed URL) leave in the one shape too.
    frameworkErrors: (error, request, reply) => {
      const refusal = badCodeInUrl(request.url) ? invalidRoomCode() : toApiError(error);
      // The reply's generic types are unresolved at this point; it is an ordinary reply.
      void (reply as FastifyReply).code(refusal.status).send(refusal.toBody());
    },
  });
  // Bodies are JSON only: a text body gets 415 "Send JSON", not a schema error about its type.
  app.removeContentTypeParser('text/plain');
  const events = new RoomEvents();
  const context: RouteContext = {
    store: options.store,
    catalog: options.catalog,
    events,
    now: options.now ?? Date.now,
    roomLifetimeMs: options.roomLifetimeMs ?? 12 * 3600_000,
    answerLimit: options.answerLimit ?? { max: 30, windowMs: 10_000 },
    requestLimit: options.requestLimit ?? { max: 60, windowMs: 60_000 },
  };

  // Every refusal leaves in the one shape (components/classroom/api-error.ts), with a human message.
  app.setErrorHandler((error: FastifyError | ApiError, _request, reply) => {
    const refusal = toApiError(error);
    if (refusal.status >= 500) app.log.error(error);
    void reply.code(refusal.status).send(refusal.toBody());
  });
  const site =
    options.dist !== undefined && existsSync(resolve(options.dist, 'index.html')) ? resolve(options.dist) : undefined;
  const notFoundPage =
    site === undefined ? undefined : await readFile(resolve(site, '404.html'), 'utf8').catch(() => undefined);
  // The API answers JSON; any other unknown path gets the site's own 404 page, as a static host would.
  app.setNotFoundHandler((request, reply) => {
    if (notFoundPage !== undefined && !request.url.startsWith('/api/'))
      return reply.code(404).type('text/html; charset=utf-8').send(notFoundPage);
    return reply
      .code(404)
      .send(new ApiError(404, 'not-found', 'There is no such address on the classroom server.').toBody());
  });

  await app.register(rateLimit, {
    global: false,
    keyGenerator: (request) => {
      const token = bearerToken(request.headers.authorization);
      return token === undefined ? `ip:${request.ip}` : `token:${hashToken(token)}`;
    },
    errorResponseBuilder: (_request, limit) =>
      new ApiError(
        429,
        'too-many-requests',
        `Too many requests: at most ${limit.max} in ${limit.after}. Wait a moment and send again.`,
      ),
  });

  app.get('/api/health', () => ({ ok: true, joinUrl: options.joinUrl?.() ?? null }));
  // The static build ships classroom.json saying `server: false`; served from here it says true.
  app.get('/classroom.json', (_request, reply) =>
    reply.header('cache-control', 'no-store').send({ server: true, joinUrl: options.joinUrl?.() ?? null }),
  );
  // One room-code rule: a route under /api/rooms/:code that validates the code any other way (or
  // not at all) would answer a malformed code differently, so it fails here, at start-up.
  app.addHook('onRoute', (route) => {
    const params = route.schema?.params as { properties?: { code?: unknown } } | undefined;
    if (route.url.includes(':code') && params?.properties?.code !== roomCode)
      throw new Error(
        `${String(route.method)} ${route.url} must validate :code with roomCode (server/route-params.ts)`,
      );
  });
  await app.register(roomRoutes, context);
  await app.register(answerRoutes, context);
  await app.register(assignmentRoutes, context);
  await app.register(qrRoutes, { ...context, joinUrl: options.joinUrl ?? (() => null) });
  if (site !== undefined) await app.register(staticSite, { root: site });

  // Graceful shutdown: end the event streams first, or close() would wait for them forever.
  app.addHook('preClose', (done) => {
    events.close();
    done();
  });
  app.addHook('onClose', async () => {
    await options.store.close();
  });
  return app;
}

/** Whether the room-code segment of an /api/rooms/… URL is what the router could not decode. */
function badCodeInUrl(url: string): boolean {
  const segment = /^\/api\/rooms\/([^/?]*)/.exec(url)?.[1];
  if (segment === undefined) return false;
  try {
    decodeURIComponent(segment);
    return false;
  } catch {
    return true;
  }
}
