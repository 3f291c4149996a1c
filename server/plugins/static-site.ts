import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The built site (dist/) beside the API, the way a static host serves it: `/lessons/x/` maps to
 * its index.html, unknown paths outside /api get 404.html with status 404.
 */
export async function staticSite(app: FastifyInstance, options: { root: string }): Promise<void> {
  await app.register(fastifyStatic, { root: options.root, index: ['index.html'], redirect: true, wildcard: true });
  const notFound = await readFile(join(options.root, '404.html'), 'utf8').catch(() => 'Not found');
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/'))
      return reply
        .code(404)
        .send({ error: { code: 'not-found', message: `No route ${request.method} ${request.url}` } });
    return reply.code(404).type('text/html; charset=utf-8').send(notFound);
  });
}
