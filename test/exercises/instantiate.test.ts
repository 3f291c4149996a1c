import { describe, expect, it } from 'vitest';
import type { Exercise } from '../../src/content/exercise-schema.ts';
import {
  DEFAULT_SEED,
  fill,
  fillComputed,
  formatValue,
  instantiate,
  pickPractice,
  shuffledOrder,
} from '../../components/exercise/instantiate.ts';
import { loadExercises } from './load-exercises.ts';
import { numericKey } from '../../components/exercise/grade-exercise.ts';
import { formatNumberTeX } from '../../src/grading/format-number.ts';

const numeric: Exercise = {
  kind: 'numeric',
  id: 'slope-at',
  prompt: "Compute $\\sigma'({{z0}})$.",
  label: 'σ′(z₀) ≈',
  objectives: [1],
  hints: ['Use $g(1-g)$ at {{z0}}.'],
  solution: 'At $z = {{z0}}$.',
  params: { z0: { min: -3, max: 3, step: 0.5 } },
  answer: 'sigmoid({{z0}})*(1-sigmoid({{z0}}))',
  tolerance: { digits: 3 },
  check: { activation: 'sigmoid', of: 'derivative', at: '{{z0}}' },
};

describe('fill', () => {
  it.each([
    ['z^{{p}}', { p: -2 }, true, 'z^(-2)'],
    ['z^{{p}}', { p: -2 }, false, 'z^-2'],
    ['2*{{p}} + {{q}}', { p: 0.5, q: 3 }, true, '2*0.5 + 3'],
    ['{{missing}}', { p: 1 }, true, '{{missing}}'],
    ['no placeholders', { p: 1 }, false, 'no placeholders'],
  ])('fill(%j, %j, answerSyntax=%s) = %j', (text, values, answerSyntax, expected) => {
    expect(fill(text, values, answerSyntax)).toBe(expected);
  });

  it('prints values without float noise', () => {
    expect(formatValue(0.1 * 3)).toBe('0.3');
    expect(formatValue(-1.5)).toBe('-1.5');
  });
});

describe('instantiate', () => {
  it('draws the same values for the same seed and fills every field', () => {
    const a = instantiate(numeric, 'abc');
    const b = instantiate(numeric, 'abc');
    expect(a).toEqual(b);
    const z0 = a.values['z0'];
    expect(z0).toBeDefined();
    expect(JSON.stringify(a.exercise)).not.toContain('{{');
    expect(a.exercise.prompt).toBe(`Compute $\\sigma'(${formatValue(z0 ?? Number.NaN)})$.`);
  });

  it('draws values on the declared grid, and different seeds give different values', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 40; i++) {
      const z0 = instantiate(numeric, `seed-${i}`).values['z0'] ?? Number.NaN;
      expect(z0).toBeGreaterThanOrEqual(-3);
      expect(z0).toBeLessThanOrEqual(3);
      expect(Number.isInteger(z0 * 2)).toBe(true);
      seen.add(z0);
    }
    expect(seen.size).toBeGreaterThan(3);
  });

  it('gives each exercise on a page its own draw from the one page seed', () => {
    const other = { ...numeric, id: 'another-id' };
    const draws = Array.from({ length: 10 }, (_, i) => [
      instantiate(numeric, String(i)).values['z0'],
      instantiate(other, String(i)).values['z0'],
    ]);
    expect(draws.some(([x, y]) => x !== y)).toBe(true);
  });

  it('leaves an exercise without parameters unchanged (but for defaults and worked numbers)', () => {
    for (const { exercise } of loadExercises().filter(
      (e) =>
        e.exercise.params === undefined && e.exercise.kind !== 'order' && !JSON.stringify(e.exercise).includes('{{='),
    )) {
      expect(instantiate(exercise, DEFAULT_SEED).exercise).toEqual(exercise);
    }
  });
});

describe('shuffledOrder', () => {
  it.each([3, 4, 5, 8])('is a permutation of %i steps that never starts solved', (n) => {
    for (let s = 0; s < 30; s++) {
      const order = shuffledOrder(n, `s${s}`);
      expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
      expect(order).not.toEqual(Array.from({ length: n }, (_, i) => i));
    }
  });

  it('is reproducible', () => {
    expect(shuffledOrder(6, 'x')).toEqual(shuffledOrder(6, 'x'));
  });
});

describe('pickPractice', () => {
  const pools = [
    { lesson: 'a', ids: ['a1', 'a2', 'a3'] },
    { lesson: 'b', ids: ['b1', 'b2'] },
    { lesson: 'c', ids: ['c1', 'c2', 'c3', 'c4'] },
  ];

  it('picks distinct ids, in course order, mixing lessons', () => {
    for (let s = 0; s < 20; s++) {
      const picked = pickPractice(pools, `s${s}`, 5);
      expect(picked).toHaveLength(5);
      expect(new Set(picked).size).toBe(5);
      const all = pools.flatMap((p) => p.ids);
      expect(picked).toEqual(all.filter((id) => picked.includes(id)));
      // Round-robin over the lessons: with 5 picks from 3 lessons every lesson appears.
      expect(new Set(picked.map((id) => id[0])).size).toBe(3);
    }
  });

  it('is reproducible and depends on the seed', () => {
    expect(pickPractice(pools, 'x', 4)).toEqual(pickPractice(pools, 'x', 4));
    const sets = new Set(Array.from({ length: 20 }, (_, s) => pickPractice(pools, `s${s}`, 4).join()));
    expect(sets.size).toBeGreaterThan(1);
  });

  it('returns everything when asked for more than there is', () => {
    expect(pickPractice(pools, 'x', 50)).toHaveLength(9);
  });
});

describe('worked numbers ({{= … }})', () => {
  it.each([
    ['$\\sigma({{z0}}) \\approx {{= sigmoid(z0)}}$', { z0: 2 }, '$\\sigma({{z0}}) \\approx 0.8808$'],
    ['${{= 4^(-n)}}$', { n: 10 }, '$9.537 \\times 10^{-7}$'],
    ['${{= z0 > 0 ? 1 : a}}$', { z0: -1, a: 0.02 }, '$0.02$'],
    ['${{= nonsense( }}$', { z0: 1 }, '${{= nonsense( }}$'],
  ])('%s with %j reads %s', (text, values, expected) => {
    expect(fillComputed(text, values)).toBe(expected);
  });

  const all = loadExercises();
  const seeds = ['1', '2', '3', '7', 'share-me', '2026'];
  it.each(all.map(({ exercise }) => [exercise.id, exercise] as const))(
    '%s leaves no placeholder unfilled, and a numeric solution with worked numbers shows its key',
    (_id, template) => {
      for (const seed of seeds) {
        const { exercise } = instantiate(template, seed);
        const texts = [exercise.prompt, exercise.solution, ...exercise.hints];
        if (exercise.kind === 'choice') texts.push(...exercise.choices.flatMap((c) => [c.text, c.feedback]));
        for (const t of texts) expect(t, `seed ${seed}`).not.toMatch(/\{\{/);
        if (exercise.kind === 'numeric' && template.solution.includes('{{=')) {
          const key = formatNumberTeX(numericKey(exercise), 4);
          expect(exercise.solution, `seed ${seed}: the key ${key}`).toContain(key);
        }
      }
    },
  );
});
