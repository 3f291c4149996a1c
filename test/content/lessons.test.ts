import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { lessonSchema } from '../../src/content/lesson-schema.ts';
import { courseOrder } from '../../src/content/course.ts';

const dir = 'content/lessons';
const lessons = readdirSync(dir)
  .filter((file) => file.endsWith('.mdx'))
  .map((file) => {
    const { frontmatter } = parseFrontmatter(readFileSync(join(dir, file), 'utf8'));
    return { id: file.replace(/\.mdx$/, ''), file, raw: frontmatter };
  });

describe('the lessons in content/lessons', () => {
  it('exist', () => {
    expect(lessons.length).toBeGreaterThan(0);
  });

  it.each(lessons)('$file has valid frontmatter and a kebab-case file name', ({ id, raw }) => {
    const result = lessonSchema.safeParse(raw);
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
    expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  const parsed = lessons.map((l) => ({ id: l.id, data: lessonSchema.parse(l.raw) }));

  it('have unique orders', () => {
    expect(() => courseOrder(parsed, true)).not.toThrow();
  });

  it.each(parsed)('$id lists only earlier lessons as prerequisites', ({ id, data }) => {
    for (const prerequisite of data.prerequisites) {
      const found = parsed.find((l) => l.id === prerequisite);
      expect(found, `${id} → ${prerequisite}`).toBeDefined();
      expect(found?.data.order ?? Infinity).toBeLessThan(data.order);
    }
  });
});

describe('courseOrder', () => {
  const entry = (id: string, order: number, draft = false) => ({ id, data: { order, draft, title: id } });
  it('sorts by order and leaves drafts out unless asked', () => {
    const list = [entry('c', 3), entry('a', 1), entry('b', 2, true)];
    expect(courseOrder(list).map((l) => l.id)).toEqual(['a', 'c']);
    expect(courseOrder(list, true).map((l) => l.id)).toEqual(['a', 'b', 'c']);
  });
  it('refuses two lessons with the same order', () => {
    expect(() => courseOrder([entry('a', 1), entry('b', 1)])).toThrow(/both have order 1/);
  });
});
