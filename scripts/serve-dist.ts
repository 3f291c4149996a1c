import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

async function fileFor(root: string, urlPath: string): Promise<string | undefined> {
  const path = normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, '');
  const candidate = join(root, path);
  if (!candidate.startsWith(root)) return undefined;
  for (const option of [candidate, join(candidate, 'index.html'), `${candidate}.html`]) {
    const info = await stat(option).catch(() => undefined);
    if (info?.isFile()) return option;
  }
  return undefined;
}

/** Types a static host compresses (text; images and fonts are compressed already). */
const compressible = /^(text\/|application\/(json|xml|manifest\+json)|image\/svg\+xml)/;

/**
 * Serves the built site (dist/) on 127.0.0.1 the way a static host would: directory URLs map to
 * index.html, unknown paths get 404.html with status 404, and text is sent gzip-compressed (level 6,
 * as common hosts do) to clients that accept it, so page-weight and Lighthouse figures are the ones
 * readers get. Used by the browser tests, the benches and the audit.
 */
export function serveDist(
  root = resolve('dist'),
  port = 0,
  options: { compress?: boolean } = {},
): Promise<{ server: Server; url: string }> {
  const compressed = new Map<string, Buffer>();
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    void fileFor(root, url.pathname).then(async (file) => {
      const served = file ?? join(root, '404.html');
      const body = await readFile(served).catch(() => Buffer.from('Not found'));
      const type = types[extname(served)] ?? 'application/octet-stream';
      const gzip =
        options.compress !== false &&
        compressible.test(type) &&
        /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
      const headers: Record<string, string> = { 'content-type': type, vary: 'accept-encoding' };
      let payload: Buffer = body;
      if (gzip) {
        payload = compressed.get(served) ?? gzipSync(body, { level: 6 });
        compressed.set(served, payload);
        headers['content-encoding'] = 'gzip';
      }
      response.writeHead(file ? 200 : 404, headers);
      response.end(payload);
    });
  });
  return new Promise((done) => {
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      done({ server, url: `http://127.0.0.1:${actual}` });
    });
  });
}

// `node scripts/serve-dist.ts [port] [directory]` serves a build by hand (default: dist/ on 4321).
if (import.meta.url === `file://${process.argv[1]}`) {
  const root = resolve(process.argv[3] ?? 'dist');
  const { url } = await serveDist(root, Number(process.argv[2] ?? 4321));
  console.log(`Serving ${root} on ${url}`);
}
