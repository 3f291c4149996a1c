import type { ClassroomAssignment } from '../components/classroom/classroom-question.ts';
import type { CatalogEntry } from './exercise-catalog.ts';
import { publicQuestion } from './public-question.ts';
import type { Assignment } from './storage/classroom-store.ts';

/**
 * The assignment as phones show it: each exercise instantiated with the assignment's seed, as a
 * {@link publicQuestion} (no key, no mistakes); the worked solutions once it is closed.
 */
export function publicAssignment(
  catalog: ReadonlyMap<string, CatalogEntry>,
  assignment: Assignment,
): ClassroomAssignment {
  const closed = assignment.closedAt !== null;
  return {
    id: assignment.id,
    title: assignment.title,
    seed: assignment.seed,
    closed,
    questions: assignment.exercises.flatMap((id) => {
      const entry = catalog.get(id);
      return entry === undefined
        ? []
        : [
            publicQuestion(entry, {
              exercise: id,
              seed: assignment.seed,
              openedAt: assignment.openedAt,
              revealed: closed,
            }),
          ];
    }),
  };
}
