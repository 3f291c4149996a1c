import { z } from 'astro/zod';
import { activationIds, type ActivationId } from '../math/index.ts';

/** Stable kebab-case ids: progress and links are stored under them, so they never change. */
export const kebabId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case id such as "leaky-relu"');

/** The activation ids a lesson may cover: exactly the math core's registry. */
export { activationIds };
const activationId = z.enum(activationIds as [ActivationId, ...ActivationId[]]);

/**
 * Frontmatter of a lesson in `content/lessons/*.mdx`. Strict: an unknown or misspelt field is an
 * error, not silently ignored, so a typo cannot hide a lesson's objectives or order.
 */
export const lessonSchema = z
  .object({
    /** Shown as the page title and in the course list. */
    title: z.string().min(3).max(80),
    /** One or two sentences: what the student will be able to do. Used for the course list and meta description. */
    description: z.string().min(20).max(240),
    /** Position in the course, starting at 1. Lessons are listed and linked (previous/next) in this order; no two may share it. */
    order: z.number().int().positive(),
    /** Registry ids of the activation functions the lesson covers; may be empty for overview lessons. */
    activations: z.array(activationId).default([]),
    /** What a student can do after the lesson, each a short sentence starting with a verb. At least one. */
    objectives: z.array(z.string().min(5)).min(1),
    /** Ids of lessons to read first (file names without extension). Each must exist and come earlier. */
    prerequisites: z.array(kebabId).default([]),
    /** Drafts are built in development but left out of the production site and its navigation. */
    draft: z.boolean().default(false),
  })
  .strict();

export type LessonFrontmatter = z.infer<typeof lessonSchema>;
