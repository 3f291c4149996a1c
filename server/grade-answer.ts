import { gradeExercise, type ExerciseResponse, type ExerciseVerdict } from '../components/exercise/grade-exercise.ts';
import { instantiate } from '../components/exercise/instantiate.ts';
import type { Exercise } from '../src/content/exercise-schema.ts';
import type { MistakeKind } from '../src/grading/index.ts';

/** What a phone sends as the answer: typed text, or the indices of the selected choices / ordered steps. */
export type SentAnswer = string | readonly number[];

/** A verdict with the mistake named, as the projector groups it. */
export interface ClassroomVerdict {
  readonly status: ExerciseVerdict['status'];
  readonly feedback: string;
  readonly position?: number;
  /** Groups answers that made the same mistake: `listed:<index>`, a detector's kind, or `choice:<indices>`. */
  readonly mistakeKey: string | null;
  /** The mistake's name for the projector (text with `$TeX$`). */
  readonly mistakeName: string | null;
}

/** Names of the grader's generic detectors (the listed mistakes are named by their own feedback). */
const DETECTOR_NAMES: Record<Exclude<MistakeKind, 'listed'>, string> = {
  sign: 'the sign is flipped',
  'factor-2': 'twice the answer (a factor counted twice)',
  'factor-half': 'half the answer (a factor of 2 dropped, often the chain rule)',
  'half-positive': 'right for z > 0 only (piecewise half done)',
  'half-negative': 'right for z < 0 only (piecewise half done)',
  undefined: 'undefined where the answer is defined',
  imprecise: 'close, but not equal',
  counterexample: 'a different function',
};

/**
 * Grades an answer exactly as the lesson page does: the exercise instantiated for the seed
 * ({@link instantiate}), then the one grader ({@link gradeExercise}). Never throws.
 *
 * The grader's verdict says *that* a listed mistake matched (`mistake: 'listed'`) but not which:
 * its feedback begins with that mistake's feedback, so the listed entry is found by that prefix.
 */
export function gradeAnswer(exercise: Exercise, seed: string, answer: SentAnswer): ClassroomVerdict {
  const instance = instantiate(exercise, seed).exercise;
  const response = responseFor(instance, answer);
  if (response === undefined)
    return {
      status: 'invalid',
      feedback: 'This answer does not fit the exercise.',
      mistakeKey: null,
      mistakeName: null,
    };
  const verdict = gradeExercise(instance, response);
  const base = {
    status: verdict.status,
    feedback: verdict.feedback,
    ...(verdict.position === undefined ? {} : { position: verdict.position }),
  };
  if (verdict.status !== 'incorrect') return { ...base, mistakeKey: null, mistakeName: null };
  return { ...base, ...nameMistake(instance, verdict, response) };
}

function responseFor(exercise: Exercise, answer: SentAnswer): ExerciseResponse | undefined {
  if (typeof answer === 'string')
    return exercise.kind === 'expression' || exercise.kind === 'numeric' ? { kind: 'text', text: answer } : undefined;
  if (exercise.kind === 'choice') return { kind: 'choice', selected: answer };
  if (exercise.kind === 'order') return { kind: 'order', order: answer };
  return undefined;
}

function nameMistake(
  exercise: Exercise,
  verdict: ExerciseVerdict,
  response: ExerciseResponse,
): Pick<ClassroomVerdict, 'mistakeKey' | 'mistakeName'> {
  if (exercise.kind === 'expression' && verdict.mistake !== undefined) {
    if (verdict.mistake === 'listed') {
      const index = exercise.mistakes.findIndex((m) => verdict.feedback.startsWith(m.feedback));
      const listed = exercise.mistakes[index];
      if (listed !== undefined) return { mistakeKey: `listed:${index}`, mistakeName: listed.feedback };
    } else {
      return { mistakeKey: verdict.mistake, mistakeName: DETECTOR_NAMES[verdict.mistake] };
    }
  }
  if (exercise.kind === 'choice' && response.kind === 'choice') {
    const wrong = [...(verdict.wrongChoices ?? [])].sort((a, b) => a - b);
    const missed = [...(verdict.missedChoices ?? [])].sort((a, b) => a - b);
    const names = [
      ...wrong.map((i) => `chose “${exercise.choices[i]?.text ?? i}”`),
      ...missed.map((i) => `missed “${exercise.choices[i]?.text ?? i}”`),
    ];
    return { mistakeKey: `choice:${wrong.join(',')}/${missed.join(',')}`, mistakeName: names.join(', ') };
  }
  if (exercise.kind === 'order') return { mistakeKey: 'order', mistakeName: 'steps out of order' };
  if (exercise.kind === 'numeric') return { mistakeKey: 'numeric', mistakeName: 'a different number' };
  return { mistakeKey: 'other', mistakeName: 'a different answer' };
}
