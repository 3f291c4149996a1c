import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYAML } from 'yaml';
import { lessonIds, loadExercises } from './load-exercises.ts';

/**
 * Every objective a lesson promises is tested by at least one of its exercises, and every
 * exercise names objectives that exist. The table is printed, so the mapping is visible.
 */
function objectivesOf(lesson: string): string[] {
  const text = readFileSync(`content/lessons/${lesson}.mdx`, 'utf8');
  const front = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
  return (parseYAML(front) as { objectives: string[] }).objectives;
}

const exercises = loadExercises();

describe.each(lessonIds)('lesson %s', (lesson) => {
  const objectives = objectivesOf(lesson);
  const own = exercises.filter((e) => e.lesson === lesson).map((e) => e.exercise);

  it('has at least ten exercises', () => {
    expect(own.length).toBeGreaterThanOrEqual(10);
  });

  it('every exercise names objectives of its lesson', () => {
    for (const exercise of own)
      for (const n of exercise.objectives)
        expect(n, `${exercise.id} names objective ${n}`).toBeLessThanOrEqual(objectives.length);
  });

  it('every objective has at least one exercise that tests it', () => {
    const table = objectives.map((text, i) => ({
      objective: `${i + 1}. ${text}`,
      exercises: own.filter((e) => e.objectives.includes(i + 1)).map((e) => e.id),
    }));
    const review = own.filter((e) => e.objectives.length === 0).map((e) => e.id);
    console.log(
      `${lesson}: ${own.length} exercises\n` +
        table.map((row) => `  ${row.objective}\n    → ${row.exercises.join(', ') || 'NONE'}`).join('\n') +
        (review.length > 0 ? `\n  review (no objective of this lesson): ${review.join(', ')}` : ''),
    );
    expect(table.filter((row) => row.exercises.length === 0).map((row) => row.objective)).toEqual([]);
  });
});
