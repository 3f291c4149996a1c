/**
 * `node server/main.ts [--host 127.0.0.1] [--port 4322] [--db data/classroom.sqlite] [--dist dist]
 * [--no-build] [--room-hours 12]`: the classroom server. Serves the built site and /api on one port,
 * prints where it listens, the join address and a QR code for it. Builds the site first when
 * dist/ has none (unless --no-build). Stops gracefully on SIGINT/SIGTERM.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import QRCode from 'qrcode';
import { buildClassroom } from './app.ts';
import { loadExerciseCatalog } from './exercise-catalog.ts';
import { joinAddress, lanAddresses } from './join-address.ts';
import { SqliteStore } from './storage/sqlite-store.ts';

const { values } = parseArgs({
  options: {
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: '4322' },
    db: { type: 'string', default: 'data/classroom.sqlite' },
    dist: { type: 'string', default: 'dist' },
    'no-build': { type: 'boolean', default: false },
    'no-qr': { type: 'boolean', default: false },
    'room-hours': { type: 'string', default: '12' },
    // For the load bench only: joins and answers per client and window.
    'request-limit': { type: 'string' },
    'answer-limit': { type: 'string' },
  },
});

const root = resolve(import.meta.dirname, '..');
const dist = resolve(values.dist);
// Only the project's own dist/ is built automatically (astro build writes there).
if (!existsSync(join(dist, 'index.html')) && !values['no-build'] && dist === join(root, 'dist')) {
  console.log(`No built site in ${dist}: building it (astro build)…`);
  const built = spawnSync('npx', ['astro', 'build'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
if (!existsSync(join(dist, 'index.html')))
  console.log(`No built site in ${dist}: serving the classroom API only (build with npm run build).`);

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0…65535, not ${values.port}`);
const perMinute = (text: string | undefined) =>
  text === undefined ? undefined : { max: Number(text), windowMs: 60_000 };
const requestLimit = perMinute(values['request-limit']);
const answerLimit = perMinute(values['answer-limit']);

let joinUrl: string | null = null;
const store = new SqliteStore(resolve(values.db));
const app = await buildClassroom({
  store,
  catalog: loadExerciseCatalog(join(root, 'content/exercises')),
  dist,
  roomLifetimeMs: Number(values['room-hours']) * 3600_000,
  joinUrl: () => joinUrl,
  ...(requestLimit ? { requestLimit } : {}),
  ...(answerLimit ? { answerLimit } : {}),
});

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: closing the classroom server…`);
    void app.close().then(() => process.exit(0));
  });

await app.listen({ host: values.host, port });
const address = app.server.address();
const actualPort = typeof address === 'object' && address !== null ? address.port : port;
joinUrl = joinAddress(values.host, actualPort);
console.log(`Classroom server listening on ${values.host}:${actualPort} (database ${resolve(values.db)})`);
// On this laptop a wildcard address is no address to open: loopback reaches the server.
const local = values.host === '0.0.0.0' || values.host === '::' ? '127.0.0.1' : values.host;
const site = `http://${local.includes(':') ? `[${local}]` : local}:${actualPort}/`;
// Present mode and the assignments page share the teacher's room through this origin's storage: open both here.
console.log(`Site and present mode (this laptop): ${site}`);
console.log(`Assignments and scores (this laptop): ${site}classroom/`);
console.log(`Students join at: ${joinUrl}`);

if (values.host === '127.0.0.1' || values.host === 'localhost' || values.host === '::1')
  console.log(
    'Only this computer can reach it. To let phones on the local network in: npm run classroom -- --host 0.0.0.0',
  );
if (values.host === '0.0.0.0' || values.host === '::') {
  const lan = lanAddresses();
  if (lan.length === 0)
    console.log(
      'This computer has no local-network address: phones cannot reach it (see README, "When phones cannot connect").',
    );
  else if (lan.length > 1) console.log(`Other addresses of this computer: ${lan.slice(1).join(', ')}`);
}
if (!values['no-qr']) console.log(await QRCode.toString(joinUrl, { type: 'terminal', small: true }));
