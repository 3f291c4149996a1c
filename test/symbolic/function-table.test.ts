import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { compileChecked, stateAt } from '../../src/grading/evaluate-with-derivatives.ts';
import { preciseEvaluator } from '../../src/grading/evaluate-precise.ts';
import { findKinks } from '../../src/grading/find-kinks.ts';
import {
  compile,
  differentiate,
  equalTrees,
  functionList,
  FUNCTIONS,
  locateKinks,
  parse,
  readTeX,
  toTeX,
  toText,
} from '../../src/symbolic/index.ts';
import type { Expr, FunctionInfo } from '../../src/symbolic/index.ts';
import { expectClose } from '../support/float.ts';

/**
 * Every entry of the function table, whatever it is, goes through every layer: parsed (name and
 * aliases), printed (text and TeX, read back), evaluated (float64, checked with an error bound,
 * 50 digits), differentiated (against a numeric derivative), and its kinks found (one-sided
 * slopes, the grader's scan, the derivation's locator). A newcomer's entry is tested by being
 * added: nothing here lists functions.
 */

const scope = { variable: 'z', params: new Map<string, number>(), define: new Map<string, Expr>() };

/** `f(u)`, or `f(u, 0.7)` for a function of two or more arguments. */
const callText = (f: FunctionInfo, u: string): string => (f.minArgs >= 2 ? `${f.name}(${u}, 0.7)` : `${f.name}(${u})`);

const tree = (text: string): Expr => {
  const r = parse(text);
  if (!r.ok) throw new Error(`${text}: ${r.error.message}`);
  return r.tree;
};

/** Points away from every kink, jump and pole the table has (at 0, ±3, 6 and 0.7). */
const SMOOTH_POINTS = [-4.2, -1.3, 0.45, 1.9, 4.4, 7.5];

describe.each(functionList.map((f) => [f.name, f] as const))('function table entry %s', (_name, f) => {
  it('parses by its name and each alias, and prints back to the canonical text', () => {
    const t = tree(callText(f, 'z'));
    expect(t.kind === 'call' && t.name === f.name).toBe(true);
    expect(toText(t)).toBe(callText(f, 'z'));
    for (const alias of f.aliases ?? []) {
      const a = tree(f.minArgs >= 2 ? `${alias}(z, 0.7)` : `${alias}(z)`);
      expect(equalTrees(a, t), alias).toBe(true);
    }
    expect(FUNCTIONS.get(f.name)).toBe(f);
  });

  it('prints TeX that KaTeX typesets strictly and that reads back as the same function', () => {
    const t = tree(callText(f, 'z'));
    const tex = toTeX(t);
    expect(() => katex.renderToString(tex, { strict: 'error', throwOnError: true })).not.toThrow();
    const back = readTeX(tex);
    expect(back.ok, `${tex}: ${back.ok ? '' : back.error.message}`).toBe(true);
    if (!back.ok) return;
    // exp(z) reads back as e^z: the same function, not the same tree.
    const [g, h] = [compile(t), compile(back.tree)];
    for (const z of SMOOTH_POINTS) expectClose(h({ z }), g({ z }), 1e-15, `${tex} at ${z}`);
  });

  it.each([
    // u = z/3 + 0.1 rounds a little: float64 and 50 digits agree closely.
    ['z/3 + 0.1', (z: number) => z / 3 + 0.1, 1e-14],
    // u = (z + 1e8) − 1e8 loses ~1e-8 to rounding: the checker's bound must propagate it through f.
    ['(z + 1e8) - 1e8', (z: number) => z + 1e8 - 1e8, 1e-6],
  ] as const)(
    'evaluates the same in the tree walk, the checker (with an error bound) and in 50 digits at u = %s',
    (u, uAt, rel) => {
      const t = tree(callText(f, u));
      const plain = compile(t);
      const checked = compileChecked(t, scope);
      const precise = preciseEvaluator(t, scope);
      expect(precise, 'a 50-digit evaluation exists').toBeDefined();
      for (const z of SMOOTH_POINTS) {
        const x = uAt(z);
        const v = f.evaluate(f.minArgs >= 2 ? [x, 0.7] : [x]);
        expectClose(plain({ z }), v, 0, `tree walk at ${z}`);
        const s = stateAt(z);
        expectClose(checked(s), v, 0, `checker at ${z}`);
        const exact = precise?.(z).value.toNumber() ?? Number.NaN;
        if (Number.isNaN(v)) {
          // Outside the domain (log, sqrt of a negative): NaN in 50 digits too.
          expect(exact, `50 digits at ${z}`).toBeNaN();
          continue;
        }
        // The checker's bound covers the true error (with the checker's own safety factor 4).
        expect(Math.abs(v - exact), `error bound at ${z}: ${s.err}`).toBeLessThanOrEqual(4 * s.err + 1e-300);
        expectClose(exact, v, rel, `50 digits at ${z}`);
      }
    },
  );

  it('differentiates to a derivative that matches a numeric one away from kinks', () => {
    const text = callText(f, '0.8*z + 0.05');
    const d = differentiate(text);
    expect(d.ok, d.ok ? '' : d.error.message).toBe(true);
    if (!d.ok) return;
    const g = compile(tree(text));
    const dg = compile(d.derivativeTree);
    for (const z of SMOOTH_POINTS) {
      const h = 1e-4;
      // Five-point central difference, error O(h⁴).
      const numeric =
        (-g({ z: z + 2 * h }) + 8 * g({ z: z + h }) - 8 * g({ z: z - h }) + g({ z: z - 2 * h })) / (12 * h);
      if (Number.isNaN(g({ z }))) continue; // outside the domain
      expect(Math.abs(dg({ z }) - numeric), `${d.derivative} at ${z}`).toBeLessThanOrEqual(
        1e-7 * Math.max(1, Math.abs(numeric)),
      );
    }
  });

  it("has the kinks its entry lists: one-sided slopes, the grader's scan and the derivation's locator", () => {
    const shift = 0.3;
    const t = tree(callText(f, `z - ${shift}`));
    const g = compile(t);
    const kinks = f.kinks.filter((k) => k.kind !== 'pole').map((k) => k.at + shift);
    if (f.switches !== undefined) kinks.push(0.7 + shift);
    const scanned = findKinks([t], scope);
    const d = differentiate(toText(t));
    const located = d.ok ? locateKinks(d.kinks).map((k) => k.z) : [];
    for (const at of kinks) {
      expect(
        scanned.some((k) => Math.abs(k - at) < 1e-9),
        `findKinks ${scanned.join(', ')} has ${at}`,
      ).toBe(true);
      expect(
        located.some((k) => Math.abs(k - at) < 1e-9),
        `locateKinks ${located.join(', ')} has ${at}`,
      ).toBe(true);
    }
    const h = 1e-7;
    for (const k of f.kinks) {
      const at = k.at + shift;
      if (k.kind === 'kink') {
        expectClose((g({ z: at }) - g({ z: at - h })) / h, k.left, 1e-5, `left slope at ${at}`);
        expectClose((g({ z: at + h }) - g({ z: at })) / h, k.right, 1e-5, `right slope at ${at}`);
      } else if (k.kind === 'jump') {
        expect(Math.abs(g({ z: at + h }) - g({ z: at - h }))).toBeGreaterThan(0.5);
      } else {
        // Beyond a pole or domain edge the value or the slope is not finite.
        expect(Number.isFinite(g({ z: at - h })) && Number.isFinite(g({ z: at }))).toBe(false);
      }
    }
    // No kink where the entry lists none: the derivative is continuous on the smooth points' span.
    if (kinks.length === 0 && f.kinks.length === 0) expect(located).toEqual([]);
  });
});

// Entries whose argument's near-zero is a feature (the others' non-smooth points are switches, tested above).
describe.each(functionList.filter((f) => f.feature).map((f) => [f.name, f] as const))(
  'feature entry %s',
  (_name, f) => {
    it('makes the near-zero of its argument a feature the grader samples', () => {
      // u = (z − 1.234)·(z − 1.234) has no sign change and, a product, is no feature itself: only the
      // search for a minimum of |u|, under the entry's feature flag, finds 1.234.
      const t = tree(callText(f, '(z - 1.234)*(z - 1.234)'));
      const found = findKinks([t], scope);
      expect(
        found.some((k) => Math.abs(k - 1.234) < 1e-5),
        found.join(', '),
      ).toBe(true);
    });
  },
);
