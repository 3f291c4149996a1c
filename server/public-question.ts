import type { ClassroomQuestion as PublicQuestion } from '../components/classroom/classroom-question.ts';
import { instantiate } from '../components/exercise/instantiate.ts';
import type { CatalogEntry } from './exercise-catalog.ts';
import type { RoomQuestion } from './storage/classroom-store.ts';

/** The question as a phone shows it (one shape with the client's, components/classroom/classroom-question.ts). */
export type { PublicQuestion };

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
