import type { Student, StoredAnswer } from './storage/classroom-store.ts';

/** One mistake and how many students' latest answers made it. */
export interface MistakeCount {
  readonly key: string;
  readonly name: string;
  readonly count: number;
}

/** One entry of the answer wall: a student's latest answer, anonymised to their number. */
export interface WallAnswer {
  readonly id: number;
  readonly student: number;
  readonly answer: string;
  readonly status: StoredAnswer['status'];
  readonly mistakeKey: string | null;
  readonly receivedAt: number;
}

export interface RoomSummary {
  readonly exercise: string;
  readonly joined: number;
  /** Students who answered at least once. */
  readonly answered: number;
  /** Every answer received, retries included. */
  readonly attempts: number;
  /** By each student's latest answer. */
  readonly counts: { readonly correct: number; readonly incorrect: number; readonly invalid: number };
  /** By each student's latest incorrect answer, most common first. */
  readonly mistakes: readonly MistakeCount[];
  readonly answers: readonly WallAnswer[];
}

/**
 * The projector's numbers for one exercise asked live. A student counts once, by their latest
 * answer: the panel shows where the room is now, not how often it tried (`attempts` says that).
 * Answers given in an assignment are not answers to the live question (they have their own table),
 * and when `seed` is given (the open question's), answers graded on other numbers are left out too:
 * a phone still showing an earlier asking, or a forged seed, cannot add to the projector's counts.
 */
export function summarise(
  exercise: string,
  students: readonly Student[],
  answers: readonly StoredAnswer[],
  seed?: string,
): RoomSummary {
  const numberOf = new Map(students.map((s) => [s.id, s.number]));
  const latest = new Map<number, StoredAnswer>();
  let attempts = 0;
  for (const answer of answers) {
    if (answer.exercise !== exercise || answer.assignmentId !== null) continue;
    if (seed !== undefined && answer.seed !== seed) continue;
    attempts++;
    latest.set(answer.studentId, answer);
  }
  const counts = { correct: 0, incorrect: 0, invalid: 0 };
  const mistakes = new Map<string, { name: string; count: number }>();
  for (const answer of latest.values()) {
    counts[answer.status]++;
    if (answer.mistakeKey === null) continue;
    const entry = mistakes.get(answer.mistakeKey) ?? { name: answer.mistakeName ?? answer.mistakeKey, count: 0 };
    entry.count++;
    mistakes.set(answer.mistakeKey, entry);
  }
  return {
    exercise,
    joined: students.length,
    answered: latest.size,
    attempts,
    counts,
    mistakes: [...mistakes]
      .map(([key, { name, count }]) => ({ key, name, count }))
      .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)),
    answers: [...latest.values()]
      .sort((a, b) => a.id - b.id)
      .map((a) => ({
        id: a.id,
        student: numberOf.get(a.studentId) ?? 0,
        answer: a.answer,
        status: a.status,
        mistakeKey: a.mistakeKey,
        receivedAt: a.receivedAt,
      })),
  };
}
