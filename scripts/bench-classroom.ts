/**
 * `npm run bench:classroom`: 300 simulated students on 127.0.0.1 answer at once, three rounds, and
 * the acknowledged latency (request sent → graded, stored durably, acknowledged) is printed as
 * p50/p95/max, first for the live question, then for an open assignment (each answer also scored).
 * Bounded: 1800 answers, and the whole run stops after 90 s. A benchmark, not a test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call, startClassroom, stopClassroom } from './classroom-process.ts';

const STUDENTS = 300;
const ROUNDS = 3;
const EXERCISE = 'sigmoid-derivative-in-z';
const ANSWERS = ['sigmoid(z)*(1-sigmoid(z))', '-1/(1+exp(-z))^2', 'exp(-z)/(1+exp(-z))', '-exp(-z)/(1+exp(-z))^2'];

const directory = mkdtempSync(join(tmpdir(), 'classroom-bench-'));
// All 300 students share 127.0.0.1 here, so the per-address join limit is raised for the bench.
const server = await startClassroom(join(directory, 'classroom.sqlite'), ['--request-limit', '100000']);
const deadline = setTimeout(() => {
  console.error('bench:classroom: stopped after 90 s');
  void stopClassroom(server, 'SIGKILL').then(() => process.exit(1));
}, 90_000);

try {
  const room = await call(`${server.url}/api/rooms`, 'POST');
  const code = String(room.body['code']);
  const teacher = String(room.body['teacherToken']);
  await call(`${server.url}/api/rooms/${code}/question`, 'PUT', { exercise: EXERCISE }, teacher);
  const tokens = await Promise.all(
    Array.from({ length: STUDENTS }, async () =>
      String((await call(`${server.url}/api/rooms/${code}/join`, 'POST', {})).body['studentToken']),
    ),
  );
  const room_ = { code, teacher };
  // The live question, then the same load on an open assignment (each answer also scored by entryStatus).
  await measure('live question', tokens, room_, undefined);
  const opened = await call(`${server.url}/api/rooms/${code}/assignments`, 'POST', { exercises: [EXERCISE] }, teacher);
  const assignment = Number((opened.body['assignment'] as { id: number }).id);
  await measure('assignment', tokens, room_, assignment);
  const t0 = performance.now();
  const table = await call(
    `${server.url}/api/rooms/${code}/assignments/${assignment}/results`,
    'GET',
    undefined,
    teacher,
  );
  console.log(
    `teacher's results table (${(table.body['students'] as unknown[]).length} students × ${ROUNDS} answers): ${(performance.now() - t0).toFixed(0)} ms`,
  );
} finally {
  clearTimeout(deadline);
  await stopClassroom(server);
  rmSync(directory, { recursive: true, force: true });
}

/** ROUNDS rounds of every student answering at once; prints the acknowledged latency. */
async function measure(
  label: string,
  tokens: readonly string[],
  room: { code: string },
  assignment: number | undefined,
): Promise<void> {
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  for (let round = 0; round < ROUNDS; round++) {
    await Promise.all(
      tokens.map(async (token, s) => {
        const t0 = performance.now();
        const reply = await call(
          `${server.url}/api/rooms/${room.code}/answers`,
          'POST',
          {
            id: `bench-${label.replace(/\W/g, '')}-${s}-${round}`,
            exercise: EXERCISE,
            answer: ANSWERS[(s + round) % ANSWERS.length],
            ...(assignment === undefined ? {} : { assignment }),
          },
          token,
        );
        if (reply.status === 201) latencies.push(performance.now() - t0);
        else failures++;
      }),
    );
  }
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  console.log(
    `bench:classroom (${label}): ${tokens.length} students × ${ROUNDS} rounds at once on 127.0.0.1: ${latencies.length} acknowledged, ${failures} failed, ` +
      `${(latencies.length / elapsed).toFixed(0)} answers/s`,
  );
  console.log(
    `  acknowledged latency: p50 ${at(0.5).toFixed(0)} ms, p95 ${at(0.95).toFixed(0)} ms, max ${at(1).toFixed(0)} ms`,
  );
}
