import { instantiate } from '../components/exercise/instantiate.ts';
import type { CatalogEntry } from './exercise-catalog.ts';
import type { RoomQuestion } from './storage/classroom-store.ts';

/** The question as a phone shows it: prompt and inputs, never the key, the mistakes or (before the reveal) the solution. */
export interface PublicQuestion {
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

export function publicQuestion(entry: CatalogEntry, question: RoomQuestion): PublicQuestion {
  const { exercise, order } = instantiate(entry.exercise, question.seed);
  const base = {
    exercise: exercise.id,
    lesson: entry.lesson,
    seed: question.seed,
    kind: exercise.kind,
    prompt: exercise.prompt,
    revealed: question.revealed,
    openedAt: question.openedAt,
    ...(question.revealed ? { solution: exercise.solution } : {}),
  };
  switch (exercise.kind) {
    case 'expression':
      return { ...base, label: exercise.label, symbols: Object.keys(exercise.define ?? {}) };
    case 'numeric':
      return { ...base, label: exercise.label };
    case 'choice':
      return { ...base, choices: exercise.choices.map((c) => c.text), multiple: exercise.multiple };
    case 'order':
      return { ...base, steps: order.map((index) => ({ index, tex: exercise.steps[index] ?? '' })) };
  }
}
