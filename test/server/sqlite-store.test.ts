import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, expect, it } from 'vitest';
import { SqliteStore } from '../../server/storage/sqlite-store.ts';

const directory = mkdtempSync(join(tmpdir(), 'classroom-store-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

it('opens a file written before assignments existed, keeping its answers', async () => {
  const path = join(directory, 'old.sqlite');
  const old = new DatabaseSync(path);
  old.exec(`
    CREATE TABLE rooms (code TEXT PRIMARY KEY, teacher_token_hash TEXT NOT NULL, created_at INTEGER NOT NULL,
                        expires_at INTEGER NOT NULL, question TEXT);
    CREATE TABLE students (id INTEGER PRIMARY KEY, room_code TEXT NOT NULL REFERENCES rooms(code),
                           token_hash TEXT NOT NULL UNIQUE, name TEXT, number INTEGER NOT NULL,
                           joined_at INTEGER NOT NULL, UNIQUE (room_code, number));
    CREATE TABLE answers (id INTEGER PRIMARY KEY, room_code TEXT NOT NULL REFERENCES rooms(code),
                          student_id INTEGER NOT NULL REFERENCES students(id), client_id TEXT NOT NULL,
                          exercise TEXT NOT NULL, seed TEXT NOT NULL, answer TEXT NOT NULL, status TEXT NOT NULL,
                          feedback TEXT NOT NULL, mistake_key TEXT, mistake_name TEXT, received_at INTEGER NOT NULL,
                          UNIQUE (student_id, client_id));
    INSERT INTO rooms VALUES ('ABCDEF', 'hash', 1, 2, NULL);
    INSERT INTO students VALUES (1, 'ABCDEF', 'student-hash', 'Ann', 1, 1);
    INSERT INTO answers VALUES (1, 'ABCDEF', 1, 'old-answer-1', 'relu-derivative', '1', 'z', 'incorrect', 'no', NULL, NULL, 1);
  `);
  old.close();
  const store = new SqliteStore(path);
  const [kept] = await store.answers('ABCDEF');
  expect(kept).toMatchObject({ clientId: 'old-answer-1', assignmentId: null });
  const assignment = await store.createAssignment({
    roomCode: 'ABCDEF',
    title: 'After the upgrade',
    seed: '4',
    exercises: ['relu-derivative'],
    openedAt: 3,
    closedAt: null,
  });
  const saved = await store.saveAnswer({
    ...kept!,
    clientId: 'new-answer-1',
    assignmentId: assignment.id,
  });
  expect(saved.duplicate).toBe(false);
  expect(await store.assignmentAnswers(assignment.id)).toHaveLength(1);
  await store.close();
});
