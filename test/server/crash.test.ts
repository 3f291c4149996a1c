import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { call, startClassroom, stopClassroom, type ClassroomProcess } from '../../scripts/classroom-process.ts';

/**
 * Nothing acknowledged is lost: a real server process takes answers from many students at once,
 * is killed with SIGKILL mid-load, restarts on the same database file, and must hold every answer
 * it acknowledged. Only ever against 127.0.0.1.
 */
const STUDENTS = 40;
const EXERCISE = 'sigmoid-derivative-in-z';
const ANSWERS = ['sigmoid(z)*(1-sigmoid(z))', '-1/(1+exp(-z))^2', 'exp(-z)/(1+exp(-z))', 'exp(-z'];
// Joins all come from 127.0.0.1 here, so the per-address limit is raised for this test only.
const LIMITS = ['--request-limit', '100000', '--answer-limit', '100000'];

const directory = mkdtempSync(join(tmpdir(), 'classroom-crash-'));
const servers: ClassroomProcess[] = [];
afterAll(async () => {
  for (const server of servers) await stopClassroom(server, 'SIGKILL');
  rmSync(directory, { recursive: true, force: true });
});

it('keeps every acknowledged answer through kill -9 and a restart', async () => {
  const db = join(directory, 'classroom.sqlite');
  const first = await startClassroom(db, LIMITS);
  servers.push(first);
  const room = await call(`${first.url}/api/rooms`, 'POST');
  const code = String(room.body['code']);
  const teacher = String(room.body['teacherToken']);
  await call(`${first.url}/api/rooms/${code}/question`, 'PUT', { exercise: EXERCISE }, teacher);
  // Half the students answer an open assignment instead of the live question.
  const opened = await call(`${first.url}/api/rooms/${code}/assignments`, 'POST', { exercises: [EXERCISE] }, teacher);
  const assignment = Number((opened.body['assignment'] as { id: number }).id);
  const tokens = await Promise.all(
    Array.from({ length: STUDENTS }, async (_, i) => {
      const joined = await call(`${first.url}/api/rooms/${code}/join`, 'POST', { name: `student ${i}` });
      return String(joined.body['studentToken']);
    }),
  );

  let sent = 0;
  const acknowledged = new Set<string>();
  let killed = false;
  // Every student keeps answering until the server dies; the kill comes after 150 acknowledgements.
  const kill = new Promise<void>((done) => {
    const check = setInterval(() => {
      if (acknowledged.size >= 150) {
        clearInterval(check);
        killed = true;
        first.child.kill('SIGKILL');
        done();
      }
    }, 2);
  });
  const students = tokens.map(async (token, s) => {
    for (let n = 0; !killed && n < 1000; n++) {
      const id = `s${s}-answer-${n}`;
      sent++;
      try {
        const reply = await call(
          `${first.url}/api/rooms/${code}/answers`,
          'POST',
          {
            id,
            exercise: EXERCISE,
            answer: ANSWERS[n % ANSWERS.length],
            ...(s % 2 === 0 ? { assignment } : {}),
          },
          token,
        );
        if (reply.status === 201 && reply.body['id'] === id) acknowledged.add(id);
      } catch {
        return; // the server is gone: this answer was sent but never acknowledged
      }
    }
  });
  await kill;
  await Promise.all(students);
  await stopClassroom(first, 'SIGKILL');

  const second = await startClassroom(db, LIMITS);
  servers.push(second);
  const stored = await call(`${second.url}/api/rooms/${code}/answers`, 'GET', undefined, teacher);
  const present = new Set((stored.body['answers'] as { id: string }[]).map((a) => a.id));
  // The assignment survived too, and its table counts exactly the stored gradable answers.
  const results = await call(
    `${second.url}/api/rooms/${code}/assignments/${assignment}/results`,
    'GET',
    undefined,
    teacher,
  );
  const rows = results.body['students'] as { student: number; scores: Record<string, { attempts: number } | null> }[];
  const tableAttempts = rows.reduce((sum, r) => sum + (r.scores[EXERCISE]?.attempts ?? 0), 0);
  const storedGradable = (stored.body['answers'] as { id: string; status: string }[]).filter(
    (a) => Number(/^s(\d+)-/.exec(a.id)?.[1]) % 2 === 0 && a.status !== 'invalid',
  ).length;
  const missing = [...acknowledged].filter((id) => !present.has(id));
  console.log(
    `crash test: ${sent} sent, ${acknowledged.size} acknowledged, ${present.size} present after kill -9 and restart, ${missing.length} acknowledged missing; assignment table: ${tableAttempts} attempts of ${storedGradable} stored gradable assignment answers`,
  );
  expect(results.status).toBe(200);
  expect(rows).toHaveLength(STUDENTS);
  expect(tableAttempts).toBe(storedGradable);
  expect(storedGradable).toBeGreaterThan(0);
  expect(acknowledged.size).toBeGreaterThanOrEqual(150);
  expect(missing).toEqual([]);
  // Nothing appears that was never sent.
  expect(present.size).toBeLessThanOrEqual(sent);
  await stopClassroom(second);
}, 60_000);
