/**
 * The question as a phone shows it (built by server/public-question.ts, read by the join page and the
 * projector panel): prompt and inputs, never the key, the mistakes or (before the reveal) the solution.
 */
export interface ClassroomQuestion {
  readonly exercise: string;
  readonly lesson: string;
  readonly seed: string;
  readonly kind: 'expression' | 'numeric' | 'choice' | 'order';
  readonly prompt: string;
  readonly label?: string;
  /** Symbols the answer may use besides z (an expression exercise's `define`), for the live preview. */
  readonly symbols?: readonly string[];
  readonly choices?: readonly string[];
  readonly multiple?: boolean;
  /** Order exercises: the steps (TeX) in display order, with their original indices. */
  readonly steps?: readonly { readonly index: number; readonly tex: string }[];
  readonly revealed: boolean;
  /** The worked solution, once revealed. */
  readonly solution?: string;
  readonly openedAt: number;
}

/**
 * An assignment as a phone reads it (built by server/public-assignment.ts): the exercises in order,
 * all instantiated with the assignment's one seed. Solutions come once the teacher closes it.
 */
export interface ClassroomAssignment {
  readonly id: number;
  readonly title: string;
  readonly seed: string;
  readonly closed: boolean;
  readonly questions: readonly ClassroomQuestion[];
}

/**
 * One student's standing on one exercise (the site's score rules, `entryStatus`: the first correct
 * attempt's score), as server/assignment-scores.ts computes it and the phone and teacher's page show it.
 */
export interface ClassroomScore {
  /** The first correct attempt's score, 0 while unsolved. */
  readonly score: number;
  readonly solved: boolean;
  /** Graded attempts: unreadable answers and re-sent identical answers are not attempts. */
  readonly attempts: number;
  /** 1-based number of the attempt that solved it (what the score's reason names). */
  readonly solvedOnAttempt?: number;
}

/** A row of an assignment's results: the teacher reads every student's, a student only their own. */
export interface ClassroomResultsRow {
  readonly student: number;
  readonly name: string | null;
  readonly scores: Readonly<Record<string, ClassroomScore | null>>;
  readonly total: number;
  readonly solved: number;
}
