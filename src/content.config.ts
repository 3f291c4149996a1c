import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { derivationSchema } from './content/derivation-schema.ts';
import { lessonSchema } from './content/lesson-schema.ts';
import { exerciseFileSchema } from './content/exercise-schema.ts';

/**
 * The lessons, one MDX file each in content/lessons/. The entry id is the file
 * name (kebab-case), which is also the lesson's URL and its key in saved progress.
 * LESSONS_DIR lets the build tests point the site at fixture lessons (e.g. a broken frontmatter).
 */
const lessons = defineCollection({
  loader: glob({ pattern: '*.mdx', base: process.env['LESSONS_DIR'] ?? './content/lessons' }),
  schema: lessonSchema,
});

/**
 * The derivations, one YAML file each in content/derivations/. A lesson places one with
 * `<Derivation id="…" />`; test/lessons/derivations.test.ts checks every step of every file.
 */
const derivations = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/derivations' }),
  schema: derivationSchema,
});

/**
 * The exercises, one YAML file per lesson in content/exercises/, named after the lesson id
 * (`sigmoid.yaml` holds the exercises of `lessons/sigmoid`); a lesson places them with
 * `<Exercises lesson="sigmoid" />`. Schema and placeholder rules: src/content/exercise-schema.ts.
 */
const exercises = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/exercises' }),
  schema: exerciseFileSchema,
});

export const collections = { lessons, derivations, exercises };
