import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gradeExercise, numericKey } from '../../components/exercise/grade-exercise.ts';
import { twoUnitPass } from '../../components/numerics/two-unit-example.ts';
import { draws, loadExercises } from '../exercises/load-exercises.ts';
import { relativeError } from '../support/float.ts';

/**
 * Lessons 9–11 against test/reference/lesson-numbers.json, written by
 * test/reference/lesson-numbers.py (mpmath and sympy, from the mathematics, not from the site's
 * keys): every numeric key in every draw, the expression keys, every number the prose states and
 * the worked example's table.
 */
interface Row {
  readonly params: Readonly<Record<string, number>>;
}
interface Reference {
  keys: Record<string, (Row & { value: string })[]>;
  expressions: Record<string, (Row & { answer: string })[]>;
  prose: (
    | { file: string; quote: string; shown: string; value: string; relative?: number; order?: boolean; what: string }
    | { table: 'two-unit'; values: TableValues; what: string }
  )[];
}
interface TableValues {
  z: string[];
  a: string[];
  yHat: string;
  loss: string;
  outputError: string;
  gradW: string[][];
  gradV: string[];
}

const reference = JSON.parse(
  readFileSync(new URL('../reference/lesson-numbers.json', import.meta.url), 'utf8'),
) as Reference;
const LESSONS = ['output-layers', 'backprop-through-a-layer', 'initialisation'];
const exercises = loadExercises().filter((e) => LESSONS.includes(e.lesson));
const byId = new Map(exercises.map(({ exercise }) => [exercise.id, exercise]));
const same = (a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): boolean =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);

/**
 * Whether a number as the prose shows it (`4.54e-5`, `-0.99995`, `1491`) is the reference: within
 * half a unit in its last digit, or the stated relative error ("about"), or of the same order of
 * magnitude (log₁₀ rounded) where the prose states only that.
 */
export function agrees(shown: string, value: number, how: { relative?: number; order?: boolean } = {}): boolean {
  const x = Number(shown);
  if (!Number.isFinite(x)) return false;
  if (how.order === true) return Math.round(Math.log10(Math.abs(value))) === Math.round(Math.log10(Math.abs(x)));
  if (how.relative !== undefined) return Math.abs(x - value) <= how.relative * Math.abs(value);
  const [mantissa = '', exponent = '0'] = shown.toLowerCase().split('e');
  const decimals = mantissa.split('.')[1]?.length ?? 0;
  const unit = 10 ** (Number(exponent) - decimals);
  return Math.abs(x - value) <= 0.5 * unit * (1 + 1e-9);
}

describe('lessons 9–11 against mpmath and sympy (test/reference/lesson-numbers.json)', () => {
  const numeric = exercises.filter((e) => e.exercise.kind === 'numeric');

  it('has a reference for every numeric exercise of the three lessons, in every draw', () => {
    expect(numeric.length).toBeGreaterThanOrEqual(20);
    for (const { exercise } of numeric) {
      const rows = reference.keys[exercise.id] ?? [];
      for (const { values } of draws(exercise))
        expect(
          rows.some((r) => same(r.params, values)),
          `${exercise.id} ${JSON.stringify(values)}`,
        ).toBe(true);
    }
  });

  it.each(Object.entries(reference.keys))('%s: the key is the reference in every draw', (id, rows) => {
    const exercise = byId.get(id);
    if (exercise === undefined) throw new Error(`no exercise ${id}`);
    for (const row of rows) {
      const instance = draws(exercise).find(({ values }) => same(values, row.params));
      if (instance === undefined) throw new Error(`${id}: no draw ${JSON.stringify(row.params)}`);
      const e = instance.exercise;
      if (e.kind !== 'numeric') throw new Error(`${id} is not numeric`);
      const value = Number(row.value);
      const key = numericKey(e);
      const at = `${JSON.stringify(row.params)}: key ${String(key)}, reference ${row.value}`;
      if (value === 0) expect(Math.abs(key), at).toBeLessThan(1e-15);
      else expect(relativeError(key, value), at).toBeLessThan(1e-12);
      // And the grader takes the reference (the page's tolerance is about the student, not the key).
      expect(gradeExercise(e, { kind: 'text', text: row.value }).status, at).toBe('correct');
    }
  });

  it.each(Object.entries(reference.expressions))(
    '%s: the key derived by sympy grades correct against the site’s key',
    (id, rows) => {
      const exercise = byId.get(id);
      if (exercise === undefined) throw new Error(`no exercise ${id}`);
      const all = draws(exercise);
      expect(all.length).toBe(rows.length);
      for (const row of rows) {
        const instance = all.find(({ values }) => same(values, row.params));
        if (instance === undefined) throw new Error(`${id}: no draw ${JSON.stringify(row.params)}`);
        const verdict = gradeExercise(instance.exercise, { kind: 'text', text: row.answer });
        expect(verdict.status, `${JSON.stringify(row.params)}: ${row.answer} → ${verdict.feedback}`).toBe('correct');
      }
    },
  );

  const prose = reference.prose.flatMap((p) => ('file' in p ? [p] : []));
  it.each(prose.map((p) => [p.file, p.what, p] as const))('%s: %s', (_file, _what, p) => {
    const text = readFileSync(p.file, 'utf8').replace(/\s+/g, ' ');
    expect(text, `the quote is no longer in ${p.file}`).toContain(p.quote);
    expect(
      agrees(p.shown, Number(p.value), {
        ...(p.relative === undefined ? {} : { relative: p.relative }),
        order: p.order === true,
      }),
      `${p.quote}: shown ${p.shown}, reference ${p.value}`,
    ).toBe(true);
  });

  it('the worked 2-unit example’s table is the reference, entry by entry', () => {
    const table = reference.prose.find((p) => 'table' in p);
    if (table === undefined || !('table' in table)) throw new Error('no table');
    const t = table.values;
    const p = twoUnitPass();
    const close = (got: number, want: string, what: string): void => {
      expect(relativeError(got, Number(want)), what).toBeLessThan(1e-13);
    };
    [0, 1].forEach((i) => {
      close(p.z[i] ?? NaN, t.z[i] ?? '', `z${String(i)}`);
      close(p.a[i] ?? NaN, t.a[i] ?? '', `a${String(i)}`);
      close(p.gradV[i] ?? NaN, t.gradV[i] ?? '', `gradV${String(i)}`);
      [0, 1].forEach((j) => close(p.gradW[i]?.[j] ?? NaN, t.gradW[i]?.[j] ?? '', `gradW${String(i)}${String(j)}`));
    });
    close(p.yHat, t.yHat, 'ŷ');
    close(p.loss, t.loss, 'L');
    close(p.outputError, t.outputError, 'δ⁽²⁾');
  });

  it("the initialisation lesson's depth numbers are the mpmath recursion and moments (init-moments.json)", () => {
    const moments = JSON.parse(readFileSync(new URL('../reference/init-moments.json', import.meta.url), 'utf8')) as {
      moments: Record<string, { variance: string; dg2: string }[]>;
      depth: { activation: string; gain: number; signal: string[]; gradient: string[] }[];
    };
    const at20 = (activation: string, gain: number, of: 'signal' | 'gradient'): number =>
      Number(moments.depth.find((r) => r.activation === activation && r.gain === gain)?.[of][2]);
    const lesson = readFileSync('content/lessons/initialisation.mdx', 'utf8');
    const exercises = readFileSync('content/exercises/initialisation.yaml', 'utf8').replace(/\s+/g, ' ');
    const cases: [text: string, quote: string, shown: string, value: number, order?: boolean][] = [
      [lesson, 'to about 0.16 and 0.19 after 20 layers', '0.16', at20('tanh', 1, 'signal')],
      [lesson, 'to about 0.16 and 0.19 after 20 layers', '0.19', at20('tanh', 1, 'gradient')],
      [lesson, 'where ReLU with Xavier is at 10⁻³', '1e-3', at20('relu', 1, 'gradient'), true],
      [lesson, 'about 10⁸ after 20 layers', '1e8', at20('tanh', 100, 'gradient'), true],
      [
        exercises,
        "\\mathbb{E}[\\tanh'(z)^{2}] \\approx 0.46$",
        '0.46',
        Number(moments.moments['tanh']?.find((r) => r.variance === '1')?.dg2),
      ],
    ];
    for (const [text, quote, shown, value, order] of cases) {
      expect(text, quote).toContain(quote);
      expect(agrees(shown, value, { order: order === true }), `${quote}: ${shown} against ${String(value)}`).toBe(true);
    }
  });

  it('the comparison can fail: a digit off, a rounding too coarse for its digits, another order of magnitude', () => {
    expect(agrees('4.54e-5', 4.5397868702434395e-5)).toBe(true);
    expect(agrees('4.55e-5', 4.5397868702434395e-5)).toBe(false);
    expect(agrees('-0.99995', -0.9999546021312976)).toBe(true);
    expect(agrees('-0.99996', -0.9999546021312976)).toBe(false);
    expect(agrees('1490', 1491.479161252178)).toBe(false);
    expect(agrees('1e42', 2.98e42, { order: true })).toBe(true);
    expect(agrees('1e42', 4e42, { order: true })).toBe(false);
    expect(agrees('11000', 11014.2, { relative: 0.05 })).toBe(true);
    expect(agrees('10000', 11014.2, { relative: 0.05 })).toBe(false);
  });
});
