import { appendAttempt, entryStatus, repeatsNewest, type ProgressEntry } from '../src/progress/index.ts';
import type { Assignment, Student, StoredAnswer } from './storage/classroom-store.ts';
import type { ClassroomScore } from '../components/classroom/classroom-question.ts';

/**
 * One student's standing on one exercise of an assignment, by the site's own score rules: the shape
 * the phone and the teacher's page read (`ClassroomScore`), with the attempt that solved it so that
 * both can say why the score is what it is (`scoreReason` from src/progress).
 */
export type ExerciseScore = ClassroomScore;

/** One row of the teacher's table. */
export interface StudentResults {
  readonly student: number;
  readonly name: string | null;
  /** By exercise id; null where the student has not answered. */
  readonly scores: Readonly<Record<string, ExerciseScore | null>>;
  /** Sum of the scores (each exercise counts at most 1). */
  readonly total: number;
  readonly solved: number;
}

/**
 * A student's answers to one exercise as the progress entry the lesson page would have kept for
 * them: unreadable answers are not recorded (the site never records invalid input) and an answer
 * that repeats the newest attempt is not an attempt ({@link repeatsNewest}). No hints exist on the
 * phone, so every attempt has 0 hints. Returns the entry and the ids of the answers counted.
 */
export function entryFromAnswers(answers: readonly StoredAnswer[]): { entry: ProgressEntry; counted: Set<string> } {
  let entry: ProgressEntry = { attempts: [], omitted: 0, hintsUsed: 0, updatedAt: new Date(0).toISOString() };
  const counted = new Set<string>();
  for (const a of answers) {
    if (a.status === 'invalid' || repeatsNewest(entry, a.answer, { seed: a.seed })) continue;
    entry = appendAttempt(entry, {
      correct: a.status === 'correct',
      hints: 0,
      at: new Date(a.receivedAt).toISOString(),
      seed: a.seed,
      answer: a.answer,
    });
    counted.add(a.clientId);
  }
  return { entry, counted };
}

/** The score of one student on one exercise: {@link entryStatus} of {@link entryFromAnswers}. */
export function exerciseScore(answers: readonly StoredAnswer[]): ExerciseScore {
  const status = entryStatus(entryFromAnswers(answers).entry);
  return {
    score: status.score,
    solved: status.solved,
    attempts: status.attempts,
    ...(status.solvedOnAttempt === undefined ? {} : { solvedOnAttempt: status.solvedOnAttempt }),
  };
}

/**
 * The teacher's table: every student of the room (in joining order), their score per exercise of
 * the assignment and their total. `answers` are the assignment's answers in the order received.
 */
export function assignmentResults(
  assignment: Assignment,
  students: readonly Student[],
  answers: readonly StoredAnswer[],
): StudentResults[] {
  const byStudent = new Map<number, Map<string, StoredAnswer[]>>();
  for (const a of answers) {
    const perExercise = byStudent.get(a.studentId) ?? new Map<string, StoredAnswer[]>();
    byStudent.set(a.studentId, perExercise);
    perExercise.set(a.exercise, [...(perExercise.get(a.exercise) ?? []), a]);
  }
  return students.map((s) => {
    const scores: Record<string, ExerciseScore | null> = {};
    let total = 0;
    let solved = 0;
    for (const exercise of assignment.exercises) {
      const given = byStudent.get(s.id)?.get(exercise);
      const score = given === undefined ? null : exerciseScore(given);
      scores[exercise] = score;
      total += score?.score ?? 0;
      if (score?.solved) solved++;
    }
    return { student: s.number, name: s.name, scores, total: Math.round(total * 100) / 100, solved };
  });
}
