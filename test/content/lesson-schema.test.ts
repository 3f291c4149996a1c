import { describe, expect, it } from 'vitest';
import { lessonSchema } from '../../src/content/lesson-schema.ts';

const valid = {
  title: 'The sigmoid and its derivative',
  description: 'Derive the derivative of the logistic sigmoid step by step.',
  order: 2,
  activations: ['sigmoid'],
  objectives: ['Differentiate the sigmoid with the chain rule.'],
  prerequisites: ['why-derivatives'],
};

describe('lesson frontmatter schema', () => {
  it('accepts a complete lesson and fills defaults', () => {
    const parsed = lessonSchema.parse({ ...valid, prerequisites: undefined, activations: undefined });
    expect(parsed.draft).toBe(false);
    expect(parsed.prerequisites).toEqual([]);
    expect(parsed.activations).toEqual([]);
  });

  it.each([
    ['order', { order: 'second' }],
    ['order', { order: 1.5 }],
    ['order', { order: 0 }],
    ['title', { title: '' }],
    ['description', { description: 'too short' }],
    ['activations.0', { activations: ['sigmoidal'] }],
    ['objectives', { objectives: [] }],
    ['prerequisites.0', { prerequisites: ['Not Kebab'] }],
    ['draft', { draft: 'yes' }],
    ['objective', { objective: ['typo of objectives'] }],
  ])('rejects a bad %s and names the field', (field, change) => {
    const result = lessonSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) =>
      issue.path.length ? issue.path.join('.') : String(issue.message),
    );
    expect(paths?.join(' ')).toContain(field);
  });

  it('rejects a lesson without a title', () => {
    const { title: _title, ...rest } = valid;
    expect(lessonSchema.safeParse(rest).success).toBe(false);
  });
});
