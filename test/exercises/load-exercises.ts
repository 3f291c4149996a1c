import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYAML } from 'yaml';
import { exerciseFileSchema, type Exercise } from '../../src/content/exercise-schema.ts';
import { instantiate, type ExerciseInstance } from '../../components/exercise/instantiate.ts';

/** The lesson ids that must each have an exercise file. */
export const lessonIds = [
  'why-derivatives',
  'sigmoid',
  'tanh',
  'relu',
  'leaky-relu',
  'wider-family',
  'misbehaving-activations',
  'stable-computation',
  'output-layers',
  'backprop-through-a-layer',
  'initialisation',
] as const;

export const exercisesDir = 'content/exercises';

/** Every exercise file, raw (as YAML parsed it), by lesson id. */
export function readExerciseFiles(): { lesson: string; file: string; raw: unknown }[] {
  return readdirSync(exercisesDir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((file) => ({
      lesson: file.replace(/\.yaml$/, ''),
      file,
      raw: parseYAML(readFileSync(join(exercisesDir, file), 'utf8')) as unknown,
    }));
}

/** Every exercise of the course, validated, with its lesson. Throws (failing the test file) on a schema error. */
export function loadExercises(): { lesson: string; exercise: Exercise }[] {
  return readExerciseFiles().flatMap(({ lesson, file, raw }) => {
    const result = exerciseFileSchema.safeParse(raw);
    if (!result.success) throw new Error(`${file}: ${JSON.stringify(result.error.issues, null, 2)}`);
    return result.data.exercises.map((exercise) => ({ lesson, exercise }));
  });
}

/** Every distinct draw of an exercise's parameters (600 seeds: far more than any exercise has draws). */
export function draws(exercise: Exercise): ExerciseInstance[] {
  const seen = new Map<string, ExerciseInstance>();
  for (let k = 0; k < 600; k++) {
    const instance = instantiate(exercise, `draw-${String(k)}`);
    seen.set(JSON.stringify(instance.values), instance);
  }
  return [...seen.values()];
}
