import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * The built site (dist/) beside the API, the way a static host serves it: `/lessons/x/` maps to
 * its index.html (unknown paths get the site's 404 page: see the not-found handler in app.ts).
 */
export async function staticSite(app: FastifyInstance, options: { root: string }): Promise<void> {
  await app.register(fastifyStatic, { root: options.root, index: ['index.html'], redirect: true, wildcard: true });
}
