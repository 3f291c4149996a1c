import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

/** A classroom server running as its own process on 127.0.0.1 (crash test, bench, browser test). */
export interface ClassroomProcess {
  readonly child: ChildProcess;
  readonly url: string;
  /** Everything it printed so far. */
  readonly output: () => string;
}

/**
 * Starts `node server/main.ts` on 127.0.0.1 and a free port and resolves once it prints where it
 * listens. Extra arguments go to the server (e.g. `--dist`, limits).
 */
export function startClassroom(db: string, extra: readonly string[] = []): Promise<ClassroomProcess> {
  const root = resolve(import.meta.dirname, '..');
  const child = spawn(
    process.execPath,
    ['server/main.ts', '--host', '127.0.0.1', '--port', '0', '--db', db, '--no-build', '--no-qr', ...extra],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`the classroom server did not start:\n${output}`)), 20_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on 127\.0\.0\.1:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        done({ child, url: `http://127.0.0.1:${match[1]}`, output: () => output });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`the classroom server exited (${code}) before listening:\n${output}`));
    });
  });
}

/** Stops the server: SIGTERM (graceful) or SIGKILL, and waits for the exit. */
export function stopClassroom(server: ClassroomProcess, signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    server.child.once('exit', () => done());
    server.child.kill(signal);
  });
}

/** A JSON request to the server; resolves with the status and the parsed body. */
export async function call(
  url: string,
  method: string,
  body?: unknown,
  token?: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
