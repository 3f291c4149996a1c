import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { lessonSchema } from './content/lesson-schema.ts';

/**
 * One collection: the lessons, one MDX file each in content/lessons/. The entry id is the file
 * name (kebab-case), which is also the lesson's URL and its key in saved progress.
 * LESSONS_DIR lets the build tests point the site at fixture lessons (e.g. a broken frontmatter).
 */
const lessons = defineCollection({
  loader: glob({ pattern: '*.mdx', base: process.env['LESSONS_DIR'] ?? './content/lessons' }),
  schema: lessonSchema,
});

export const collections = { lessons };
