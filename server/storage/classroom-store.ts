/**
 * The classroom's storage, behind one small interface so that a shared database can replace the
 * single-file SQLite store when a department runs many rooms (README: "A shared database").
 * Every method is asynchronous for that reason, although the SQLite store answers synchronously.
 *
 * Tokens are never stored: only their SHA-256 hashes, so a copied database file lets nobody in.
 */

/** The question a room is answering: an exercise id and the seed its parameters are drawn from. */
export interface RoomQuestion {
  readonly exercise: string;
  readonly seed: string;
  /** When the teacher opened it (ms since the epoch). */
  readonly openedAt: number;
  /** Whether the teacher has revealed the worked solution. */
  readonly revealed: boolean;
}

export interface Room {
  readonly code: string;
  readonly teacherTokenHash: string;
  readonly createdAt: number;
  /** After this instant (ms since the epoch) the code no longer admits anyone. */
  readonly expiresAt: number;
  readonly question: RoomQuestion | null;
}

export interface Student {
  readonly id: number;
  readonly roomCode: string;
  readonly tokenHash: string;
  /** The display name, or null for an anonymous student. */
  readonly name: string | null;
  /** 1, 2, 3… in joining order within the room: how the anonymised answer wall names students. */
  readonly number: number;
  readonly joinedAt: number;
}

/**
 * A set of exercises the teacher opened as an assignment: every student works through the same
 * exercises with the same numbers (one seed per assignment, fixed when it opens).
 */
export interface Assignment {
  /** Assigned by the store; unique across rooms. */
  readonly id: number;
  readonly roomCode: string;
  readonly title: string;
  /** The seed every exercise of the assignment is instantiated with (the practice page's `?seed=`). */
  readonly seed: string;
  /** Exercise ids, in the order the phones show them. */
  readonly exercises: readonly string[];
  readonly openedAt: number;
  /** When the teacher closed it (no more answers), or null while open. */
  readonly closedAt: number | null;
}

/** One graded answer as stored. */
export interface StoredAnswer {
  readonly id: number;
  readonly roomCode: string;
  readonly studentId: number;
  /** The id the phone gave the answer, so that a resend after a lost acknowledgement is not counted twice. */
  readonly clientId: string;
  readonly exercise: string;
  readonly seed: string;
  /** The assignment the answer belongs to, or null for an answer to the live question. */
  readonly assignmentId: number | null;
  /** The answer as sent: the typed text, or the selected/ordered indices as JSON. */
  readonly answer: string;
  readonly status: 'correct' | 'incorrect' | 'invalid';
  readonly feedback: string;
  /** A stable key grouping the same mistake (e.g. `listed:1`, `sign`), or null. */
  readonly mistakeKey: string | null;
  /** The mistake's name as the projector shows it, or null. */
  readonly mistakeName: string | null;
  readonly receivedAt: number;
}

export type NewAnswer = Omit<StoredAnswer, 'id'>;

export interface ClassroomStore {
  createRoom(room: Room): Promise<void>;
  findRoom(code: string): Promise<Room | undefined>;
  setQuestion(code: string, question: RoomQuestion | null): Promise<void>;
  /** Adds a student; the store assigns `id` and `number`. */
  addStudent(student: Omit<Student, 'id' | 'number'>): Promise<Student>;
  findStudent(tokenHash: string): Promise<Student | undefined>;
  /** The students of a room, in joining order. */
  students(code: string): Promise<Student[]>;
  /**
   * Stores an answer durably before resolving (the acknowledgement depends on it). If the student
   * already sent an answer with this `clientId`, stores nothing and returns the first one.
   */
  saveAnswer(answer: NewAnswer): Promise<{ answer: StoredAnswer; duplicate: boolean }>;
  /** A room's answers in the order received, optionally for one exercise only. */
  answers(code: string, exercise?: string): Promise<StoredAnswer[]>;
  /** One student's answers in the order received. */
  studentAnswers(studentId: number): Promise<StoredAnswer[]>;
  /** Adds an assignment; the store assigns `id`. */
  createAssignment(assignment: Omit<Assignment, 'id'>): Promise<Assignment>;
  /** The room's assignment with this id, if any. */
  findAssignment(code: string, id: number): Promise<Assignment | undefined>;
  /** The room's assignments, oldest first. */
  assignments(code: string): Promise<Assignment[]>;
  /** Marks an open assignment closed at `at`; a closed one stays as it was. */
  closeAssignment(code: string, id: number, at: number): Promise<void>;
  /** An assignment's answers in the order received, optionally one student's only. */
  assignmentAnswers(id: number, studentId?: number): Promise<StoredAnswer[]>;
  close(): Promise<void>;
}
