import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import type {
  Assignment,
  ClassroomStore,
  NewAnswer,
  Room,
  RoomQuestion,
  Student,
  StoredAnswer,
} from './classroom-store.ts';

/**
 * The classroom store in one SQLite file through Node's built-in `node:sqlite` (no native build).
 * WAL journal with `synchronous = FULL`: every write is on disk (the WAL fsynced) when the
 * statement returns, so an answer the server acknowledged survives `kill -9` and a power cut.
 * `:memory:` gives a throwaway store for tests.
 */
export class SqliteStore implements ClassroomStore {
  readonly #db: DatabaseSync;
  readonly #insertAnswer;
  readonly #answerByClientId;
  readonly #pending: {
    answer: NewAnswer;
    resolve: (saved: { answer: StoredAnswer; duplicate: boolean }) => void;
    reject: (error: Error) => void;
  }[] = [];

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.#db = new DatabaseSync(path);
    this.#db.exec(`
      PRAGMA journal_mode = WAL;
      PRAGMA synchronous = FULL;
      PRAGMA foreign_keys = ON;
      PRAGMA busy_timeout = 5000;
      CREATE TABLE IF NOT EXISTS rooms (
        code TEXT PRIMARY KEY,
        teacher_token_hash TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        question TEXT
      );
      CREATE TABLE IF NOT EXISTS students (
        id INTEGER PRIMARY KEY,
        room_code TEXT NOT NULL REFERENCES rooms(code),
        token_hash TEXT NOT NULL UNIQUE,
        name TEXT,
        number INTEGER NOT NULL,
        joined_at INTEGER NOT NULL,
        UNIQUE (room_code, number)
      );
      CREATE TABLE IF NOT EXISTS answers (
        id INTEGER PRIMARY KEY,
        room_code TEXT NOT NULL REFERENCES rooms(code),
        student_id INTEGER NOT NULL REFERENCES students(id),
        client_id TEXT NOT NULL,
        exercise TEXT NOT NULL,
        seed TEXT NOT NULL,
        answer TEXT NOT NULL,
        status TEXT NOT NULL,
        feedback TEXT NOT NULL,
        mistake_key TEXT,
        mistake_name TEXT,
        received_at INTEGER NOT NULL,
        UNIQUE (student_id, client_id)
      );
      CREATE INDEX IF NOT EXISTS answers_by_room ON answers (room_code, exercise, id);
      CREATE TABLE IF NOT EXISTS assignments (
        id INTEGER PRIMARY KEY,
        room_code TEXT NOT NULL REFERENCES rooms(code),
        title TEXT NOT NULL,
        seed TEXT NOT NULL,
        exercises TEXT NOT NULL,
        opened_at INTEGER NOT NULL,
        closed_at INTEGER
      );
    `);
    // Files written before assignments existed get the column (NULL: an answer to the live question).
    const columns = this.#db.prepare('PRAGMA table_info(answers)').all();
    if (!columns.some((c) => c['name'] === 'assignment_id'))
      this.#db.exec('ALTER TABLE answers ADD COLUMN assignment_id INTEGER REFERENCES assignments(id)');
    this.#db.exec(
      'CREATE INDEX IF NOT EXISTS answers_by_assignment ON answers (assignment_id, student_id, id) WHERE assignment_id IS NOT NULL',
    );
    this.#insertAnswer = this.#db.prepare(`
      INSERT INTO answers (room_code, student_id, client_id, exercise, seed, assignment_id, answer, status,
                           feedback, mistake_key, mistake_name, received_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (student_id, client_id) DO NOTHING`);
    this.#answerByClientId = this.#db.prepare('SELECT * FROM answers WHERE student_id = ? AND client_id = ?');
  }

  createRoom(room: Room): Promise<void> {
    this.#db
      .prepare('INSERT INTO rooms (code, teacher_token_hash, created_at, expires_at, question) VALUES (?, ?, ?, ?, ?)')
      .run(room.code, room.teacherTokenHash, room.createdAt, room.expiresAt, questionJson(room.question));
    return Promise.resolve();
  }

  findRoom(code: string): Promise<Room | undefined> {
    const row = this.#db.prepare('SELECT * FROM rooms WHERE code = ?').get(code);
    return Promise.resolve(
      row === undefined
        ? undefined
        : {
            code: text(row, 'code'),
            teacherTokenHash: text(row, 'teacher_token_hash'),
            createdAt: Number(row['created_at']),
            expiresAt: Number(row['expires_at']),
            question: row['question'] === null ? null : (JSON.parse(text(row, 'question')) as RoomQuestion),
          },
    );
  }

  setQuestion(code: string, question: RoomQuestion | null): Promise<void> {
    this.#db.prepare('UPDATE rooms SET question = ? WHERE code = ?').run(questionJson(question), code);
    return Promise.resolve();
  }

  addStudent(student: Omit<Student, 'id' | 'number'>): Promise<Student> {
    // One statement, so the number is assigned atomically even with several processes on one file.
    const row = this.#db
      .prepare(
        `INSERT INTO students (room_code, token_hash, name, number, joined_at)
         VALUES (?, ?, ?, (SELECT COALESCE(MAX(number), 0) + 1 FROM students WHERE room_code = ?), ?)
         RETURNING *`,
      )
      .get(student.roomCode, student.tokenHash, student.name, student.roomCode, student.joinedAt);
    if (row === undefined) throw new Error('inserting a student returned no row');
    return Promise.resolve(studentFrom(row));
  }

  findStudent(tokenHash: string): Promise<Student | undefined> {
    const row = this.#db.prepare('SELECT * FROM students WHERE token_hash = ?').get(tokenHash);
    return Promise.resolve(row === undefined ? undefined : studentFrom(row));
  }

  students(code: string): Promise<Student[]> {
    const rows = this.#db.prepare('SELECT * FROM students WHERE room_code = ? ORDER BY number').all(code);
    return Promise.resolve(rows.map(studentFrom));
  }

  /**
   * Group commit: answers arriving in the same turn of the event loop are written in one
   * transaction, so one fsync covers them all; each promise resolves only after that COMMIT.
   */
  saveAnswer(answer: NewAnswer): Promise<{ answer: StoredAnswer; duplicate: boolean }> {
    return new Promise((resolve, reject) => {
      this.#pending.push({ answer, resolve, reject });
      if (this.#pending.length === 1) setImmediate(() => this.#flush());
    });
  }

  #flush(): void {
    const batch = this.#pending.splice(0);
    const results: { answer: StoredAnswer; duplicate: boolean }[] = [];
    try {
      this.#db.exec('BEGIN IMMEDIATE');
      for (const { answer } of batch) {
        const result = this.#insertAnswer.run(
          answer.roomCode,
          answer.studentId,
          answer.clientId,
          answer.exercise,
          answer.seed,
          answer.assignmentId,
          answer.answer,
          answer.status,
          answer.feedback,
          answer.mistakeKey,
          answer.mistakeName,
          answer.receivedAt,
        );
        const row = this.#answerByClientId.get(answer.studentId, answer.clientId);
        if (row === undefined) throw new Error('an answer just written cannot be read back');
        results.push({ answer: answerFrom(row), duplicate: result.changes === 0 });
      }
      this.#db.exec('COMMIT');
    } catch (error) {
      if (this.#db.isTransaction) this.#db.exec('ROLLBACK');
      for (const { reject } of batch) reject(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    batch.forEach(({ resolve }, i) => {
      const result = results[i];
      if (result !== undefined) resolve(result);
    });
  }

  answers(code: string, exercise?: string): Promise<StoredAnswer[]> {
    const rows =
      exercise === undefined
        ? this.#db.prepare('SELECT * FROM answers WHERE room_code = ? ORDER BY id').all(code)
        : this.#db
            .prepare('SELECT * FROM answers WHERE room_code = ? AND exercise = ? ORDER BY id')
            .all(code, exercise);
    return Promise.resolve(rows.map(answerFrom));
  }

  studentAnswers(studentId: number): Promise<StoredAnswer[]> {
    const rows = this.#db.prepare('SELECT * FROM answers WHERE student_id = ? ORDER BY id').all(studentId);
    return Promise.resolve(rows.map(answerFrom));
  }

  createAssignment(assignment: Omit<Assignment, 'id'>): Promise<Assignment> {
    const row = this.#db
      .prepare(
        `INSERT INTO assignments (room_code, title, seed, exercises, opened_at, closed_at)
         VALUES (?, ?, ?, ?, ?, ?) RETURNING *`,
      )
      .get(
        assignment.roomCode,
        assignment.title,
        assignment.seed,
        JSON.stringify(assignment.exercises),
        assignment.openedAt,
        assignment.closedAt,
      );
    if (row === undefined) throw new Error('inserting an assignment returned no row');
    return Promise.resolve(assignmentFrom(row));
  }

  findAssignment(code: string, id: number): Promise<Assignment | undefined> {
    const row = this.#db.prepare('SELECT * FROM assignments WHERE room_code = ? AND id = ?').get(code, id);
    return Promise.resolve(row === undefined ? undefined : assignmentFrom(row));
  }

  assignments(code: string): Promise<Assignment[]> {
    const rows = this.#db.prepare('SELECT * FROM assignments WHERE room_code = ? ORDER BY id').all(code);
    return Promise.resolve(rows.map(assignmentFrom));
  }

  closeAssignment(code: string, id: number, at: number): Promise<void> {
    this.#db
      .prepare('UPDATE assignments SET closed_at = ? WHERE room_code = ? AND id = ? AND closed_at IS NULL')
      .run(at, code, id);
    return Promise.resolve();
  }

  assignmentAnswers(id: number, studentId?: number): Promise<StoredAnswer[]> {
    const rows =
      studentId === undefined
        ? this.#db.prepare('SELECT * FROM answers WHERE assignment_id = ? ORDER BY id').all(id)
        : this.#db
            .prepare('SELECT * FROM answers WHERE assignment_id = ? AND student_id = ? ORDER BY id')
            .all(id, studentId);
    return Promise.resolve(rows.map(answerFrom));
  }

  close(): Promise<void> {
    if (this.#pending.length > 0) this.#flush();
    if (this.#db.isOpen) this.#db.close();
    return Promise.resolve();
  }
}

type Row = Record<string, SQLInputValue>;

const questionJson = (question: RoomQuestion | null): string | null =>
  question === null ? null : JSON.stringify(question);

const studentFrom = (row: Row): Student => ({
  id: Number(row['id']),
  roomCode: text(row, 'room_code'),
  tokenHash: text(row, 'token_hash'),
  name: nullableText(row, 'name'),
  number: Number(row['number']),
  joinedAt: Number(row['joined_at']),
});

/** A text column; anything else is a schema bug, not a value to stringify. */
function text(row: Row, column: string): string {
  const value = row[column];
  if (typeof value !== 'string') throw new Error(`column ${column} holds ${typeof value}, not text`);
  return value;
}

const nullableText = (row: Row, column: string): string | null =>
  row[column] === null || row[column] === undefined ? null : text(row, column);

const answerFrom = (row: Row): StoredAnswer => ({
  id: Number(row['id']),
  roomCode: text(row, 'room_code'),
  studentId: Number(row['student_id']),
  clientId: text(row, 'client_id'),
  exercise: text(row, 'exercise'),
  seed: text(row, 'seed'),
  assignmentId:
    row['assignment_id'] === null || row['assignment_id'] === undefined ? null : Number(row['assignment_id']),
  answer: text(row, 'answer'),
  status: text(row, 'status') as StoredAnswer['status'],
  feedback: text(row, 'feedback'),
  mistakeKey: nullableText(row, 'mistake_key'),
  mistakeName: nullableText(row, 'mistake_name'),
  receivedAt: Number(row['received_at']),
});

const assignmentFrom = (row: Row): Assignment => ({
  id: Number(row['id']),
  roomCode: text(row, 'room_code'),
  title: text(row, 'title'),
  seed: text(row, 'seed'),
  exercises: JSON.parse(text(row, 'exercises')) as string[],
  openedAt: Number(row['opened_at']),
  closedAt: row['closed_at'] === null ? null : Number(row['closed_at']),
});
