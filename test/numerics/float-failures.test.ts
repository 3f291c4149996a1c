import { describe, expect, it } from 'vitest';
import { FLOAT_FAILURES, float64Value, isBroken } from '../../components/numerics/float-failures.ts';
import { equivalent, makeScope } from '../../src/grading/equivalent.ts';
import { preciseEvaluator } from '../../src/grading/evaluate-precise.ts';
import { differentiate, parse } from '../../src/symbolic/index.ts';
import { ulpDistance } from '../support/float.ts';

// The stable-computation lesson's table of float64 failures (FloatFailures.astro): every formula it
// shows is the quantity of its row, every textbook result it prints is wrong, every stable one right.

const tree = (text: string) => {
  const parsed = parse(text, { derivatives: true });
  if (!parsed.ok) throw new Error(`cannot read "${text}": ${parsed.error.message}`);
  return parsed.tree;
};

/**
 * The quantity's value at z to 50 digits (src/grading's decimal evaluator), as a double; a
 * `d/dz(f)` is first differentiated by the site's symbolic rules (the decimal evaluator has no d/dz).
 */
function exact(definition: string, z: number): number {
  const inner = /^d\/dz\((.*)\)$/.exec(definition)?.[1];
  let expression = tree(definition);
  if (inner !== undefined) {
    const d = differentiate(inner);
    if (!d.ok) throw new Error(`cannot differentiate ${inner}`);
    expression = d.derivativeTree;
  }
  const at = preciseEvaluator(expression, makeScope({}));
  if (at === undefined) throw new Error(`no 50-digit evaluator for ${definition}`);
  const { value, trusted } = at(z);
  expect(trusted).toBe(true);
  return value.toNumber();
}

/** Each row's textbook formula written again as plain JavaScript, apart from the site's parser. */
const PLAIN_JS: Record<string, (z: number) => number> = {
  'σ(z)': (z) => Math.exp(z) / (1 + Math.exp(z)),
  'σ′(z)': (z) => Math.exp(-z) / (1 + Math.exp(-z)) ** 2,
  '1 − σ(z)': (z) => 1 - 1 / (1 + Math.exp(-z)),
  'ln(1 − σ(z))': (z) => Math.log(1 - 1 / (1 + Math.exp(-z))),
  'softplus(z)': (z) => Math.log(1 + Math.exp(z)),
  'ln σ(z)': (z) => Math.log(1 / (1 + Math.exp(-z))),
};

describe('the float64 failures table', () => {
  it('has the six rows the lesson discusses', () => {
    expect(FLOAT_FAILURES.map((r) => r.quantity)).toEqual([
      'σ(z)',
      'σ′(z)',
      '1 − σ(z)',
      'ln(1 − σ(z))',
      'softplus(z)',
      'ln σ(z)',
    ]);
  });

  for (const row of FLOAT_FAILURES) {
    describe(row.quantity, () => {
      it(`the textbook formula ${row.textbookFormula} is the quantity`, () => {
        expect(equivalent(tree(row.textbookFormula), tree(row.definition))).toMatchObject({ equal: true });
      });

      it(`the stable formula ${row.stableFormula} is the quantity${row.stableWhen ? ` (for ${row.stableWhen})` : ''}`, () => {
        const interval: [number, number] | undefined = row.stableWhen === 'z ≥ 0' ? [0, Infinity] : undefined;
        expect(equivalent(tree(row.stableFormula), tree(row.definition), interval ? { interval } : {})).toMatchObject({
          equal: true,
        });
      });

      it(`float64 gets the textbook formula wrong at z = ${row.z}`, () => {
        const truth = exact(row.definition, row.z);
        expect(Number.isFinite(truth)).toBe(true);
        // The shown formula as plain JavaScript float64 gives what the site's evaluator gave.
        expect(Object.is(row.textbook, PLAIN_JS[row.quantity]?.(row.z))).toBe(true);
        expect(isBroken(row)).toBe(true);
        // Wrong, not merely imprecise: not a number, infinite, or 0 in place of a non-zero value.
        expect(Number.isFinite(row.textbook) && row.textbook !== 0).toBe(false);
        if (row.textbook === 0) expect(truth).not.toBe(0);
      });

      it(`the stable value is right to 4 ulp at z = ${row.z}`, () => {
        const truth = exact(row.definition, row.z);
        expect(ulpDistance(row.stable, truth)).toBeLessThanOrEqual(4);
        // And evaluating the stable formula as shown gives it too (in float64, no overflow).
        if (row.stableWhen === undefined || row.z >= 0)
          expect(ulpDistance(float64Value(row.stableFormula, row.z), truth)).toBeLessThanOrEqual(4);
      });
    });
  }
});
