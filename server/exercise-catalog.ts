import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { exerciseFileSchema, type Exercise } from '../src/content/exercise-schema.ts';

/** An exercise as authored, with the lesson it belongs to. */
export interface CatalogEntry {
  readonly lesson: string;
  readonly exercise: Exercise;
}

/**
 * Every exercise of the course, read from `content/exercises/*.yaml` and validated by the same
 * schema as the site's build (a broken file stops the server at start, naming it).
 */
export function loadExerciseCatalog(directory: string): ReadonlyMap<string, CatalogEntry> {
  const catalog = new Map<string, CatalogEntry>();
  for (const file of readdirSync(directory)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    const lesson = basename(file, '.yaml');
    const parsed = exerciseFileSchema.safeParse(parseYaml(readFileSync(join(directory, file), 'utf8')));
    if (!parsed.success) throw new Error(`${join(directory, file)}: ${parsed.error.message}`);
    for (const exercise of parsed.data.exercises) catalog.set(exercise.id, { lesson, exercise });
  }
  return catalog;
}
