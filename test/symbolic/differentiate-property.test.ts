import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPair } from '../../components/lab/check-steps.ts';
import {
  call,
  children,
  compare,
  compile,
  cond,
  constant,
  derivative,
  differentiate,
  equalTrees,
  locateKinks,
  name,
  neg,
  num,
  binary,
  parse,
  toText,
} from '../../src/symbolic/index.ts';
import type { Differentiation, Expr, FunctionName } from '../../src/symbolic/index.ts';

/**
 * Property tests of `differentiate` over random expressions of the lab's grammar:
 * 1. the symbolic derivative equals an independent high-order numerical derivative (Richardson
 *    extrapolation of central differences, written here, not the grader's) at sample points away
 *    from kinks and where the function is defined;
 * 2. every consecutive pair of generated steps passes THE step checker (`equivalent`);
 * 3. every step's text parses back (with `derivatives: true`) to the step's tree.
 */

const B = 0.7;
const SAMPLE_Z = [-3.7, -2.15, -1.3, -0.61, -0.2, 0.35, 0.9, 1.55, 2.8, 4.1];
const RUNS = 600;

const ONE_ARG: readonly FunctionName[] = [
  'exp',
  'log',
  'sqrt',
  'abs',
  'sinh',
  'cosh',
  'tanh',
  'sech',
  'sigmoid',
  'erf',
  'relu',
  'selu',
  'gelu',
  'gelu_tanh',
  'mish',
  'hard_sigmoid',
  'hard_swish',
  'softsign',
  'relu6',
  'sign',
  'heaviside',
];
const WITH_PARAM: readonly FunctionName[] = ['leaky_relu', 'elu', 'softplus', 'silu', 'swish'];

const leaf: fc.Arbitrary<Expr> = fc.oneof(
  { weight: 4, arbitrary: fc.constant<Expr>(name('z')) },
  { weight: 2, arbitrary: fc.constantFrom<Expr>(num(1), num(2), num(3), num(0.5), num(0.1)) },
  { weight: 1, arbitrary: fc.constantFrom<Expr>(name('b'), constant('pi'), constant('e')) },
);

/** Random trees over the answer syntax the lab differentiates (parameter `b`). */
const exprArbitrary: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => {
  const sub = tie('e');
  return {
    e: fc.oneof(
      { depthSize: 'small', maxDepth: 4 },
      { weight: 3, arbitrary: leaf },
      { weight: 1, arbitrary: sub.map((a) => neg(a)) },
      {
        weight: 4,
        arbitrary: fc
          .tuple(fc.constantFrom<'add' | 'sub' | 'mul' | 'div'>('add', 'sub', 'mul', 'div'), sub, sub)
          .map(([k, l, r]) => binary(k, l, r)),
      },
      {
        weight: 1,
        arbitrary: fc
          .tuple(sub, fc.constantFrom<Expr>(num(2), num(3), num(0.5), neg(num(1)), name('b')))
          .map(([l, r]) => binary('pow', l, r)),
      },
      { weight: 1, arbitrary: sub.map((r) => binary('pow', num(2), r)) },
      {
        weight: 4,
        arbitrary: fc.tuple(fc.constantFrom(...ONE_ARG), sub).map(([f, a]) => call(f, [a])),
      },
      {
        weight: 1,
        arbitrary: fc
          .tuple(
            fc.constantFrom(...WITH_PARAM),
            sub,
            fc.option(fc.constantFrom<Expr>(name('b'), num(0.2)), { nil: undefined }),
          )
          .map(([f, a, p]) => call(f, p === undefined ? [a] : [a, p])),
      },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.constantFrom<FunctionName>('max', 'min'), fc.array(sub, { minLength: 2, maxLength: 3 }))
          .map(([f, args]) => call(f, args)),
      },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.constantFrom<'<' | '>' | '<=' | '>='>('<', '>', '<=', '>='), sub, sub, sub, sub)
          .map(([op, l, r, a, b]) => cond(compare(op, l, r), a, b)),
      },
    ),
  };
}).e;

type Fn = (z: number) => number;

function compiled(e: Expr): Fn {
  const f = compile(e);
  return (z) => {
    try {
      return f({ z, b: B });
    } catch {
      return Number.NaN;
    }
  };
}

/**
 * f'(z) by Richardson extrapolation of central differences (step halved five times, Neville
 * tableau to order h^10). Undefined (NaN) when f is not finite on the stencil or the tableau does
 * not settle (a kink or pole too close).
 */
function numericDerivative(f: Fn, z: number): { value: number; error: number } {
  const rows = 6;
  let h = 0.05 * Math.max(1, Math.abs(z));
  const table: number[][] = [];
  let best = { value: Number.NaN, error: Number.POSITIVE_INFINITY };
  for (let i = 0; i < rows; i++, h /= 2) {
    const up = f(z + h);
    const down = f(z - h);
    if (!Number.isFinite(up) || !Number.isFinite(down)) return { value: Number.NaN, error: Number.POSITIVE_INFINITY };
    const row = [(up - down) / (2 * h)];
    for (let k = 1; k <= i; k++) {
      const factor = 4 ** k;
      const previous = table[i - 1]?.[k - 1] ?? Number.NaN;
      row.push((factor * (row[k - 1] ?? Number.NaN) - previous) / (factor - 1));
    }
    table.push(row);
    if (i > 0) {
      const error = Math.abs((row[i] ?? Number.NaN) - (table[i - 1]?.[i - 1] ?? Number.NaN));
      if (error < best.error) best = { value: row[i] ?? Number.NaN, error };
    }
  }
  return best;
}

/** True when some kink expression has a zero (sign change or near-zero value) within `radius` of z. */
function nearKink(kinks: readonly Fn[], z: number, radius: number): boolean {
  return kinks.some((k) => {
    const xs = Array.from({ length: 21 }, (_, i) => z - radius + (i * radius) / 10);
    const ys = xs.map(k);
    if (ys.some((y) => !Number.isFinite(y) || Math.abs(y) < 1e-9)) return true;
    return ys.some((y, i) => i > 0 && Math.sign(y) !== Math.sign(ys[i - 1] ?? y));
  });
}

interface Stats {
  tried: number;
  degenerate: number;
  compared: number;
  steps: number;
  slowestMs: number;
  slowestInput: string;
}

/** Step-checker failures, gathered so that one run reports them all. */
const failures: string[] = [];
const stats: Stats = { tried: 0, degenerate: 0, compared: 0, steps: 0, slowestMs: 0, slowestInput: '' };

/** `z - z`, `z/z`, `z < z`: a variable-free quantity in disguise (its chain rule meets 0·∞). */
function degenerate(e: Expr): boolean {
  if ((e.kind === 'sub' || e.kind === 'div' || e.kind === 'compare') && equalTrees(e.left, e.right)) return true;
  if (e.kind === 'call' && (e.name === 'max' || e.name === 'min')) {
    if (e.args.some((a, i) => e.args.some((b, j) => j > i && equalTrees(a, b)))) return true;
  }
  return children(e).some(degenerate);
}

/**
 * A branch point or pole expression that is exactly 0 on a whole interval: a condition that holds
 * with equality there (`max(z, z^0.5) >= z` on z ≥ 1, `1 > hard_sigmoid(z)` on z ≥ 3), or a root of
 * a function that is 0 there (`(-relu(z))^0.5`, or gelu_tanh(z) underflowing to −0 below z ≈ −27).
 * There the chain-rule form is 0·∞ and the checker's error bounds cover the jump: nothing to check.
 */
function vanishesOnInterval(f: Fn): boolean {
  let previous = Number.NaN;
  for (let i = 0; i <= 800; i++) {
    const y = f(-40 + i / 10);
    if (y === 0 && previous === 0) return true;
    previous = y;
  }
  return false;
}

/** Inputs the checks can say something about: finite and moderate at most sample points, not degenerate. */
function usable(e: Expr): boolean {
  if (degenerate(e)) return false;
  const f = compiled(e);
  const ok = SAMPLE_Z.filter((z) => {
    const y = f(z);
    return Number.isFinite(y) && Math.abs(y) < 1e6;
  });
  return ok.length >= SAMPLE_Z.length / 2;
}

function derivation(text: string): Differentiation {
  const t0 = performance.now();
  const r = differentiate(text);
  const ms = performance.now() - t0;
  if (ms > stats.slowestMs) {
    stats.slowestMs = ms;
    stats.slowestInput = text;
  }
  if (!r.ok) throw new Error(`differentiate(${text}) failed: ${r.error.message}`);
  return r;
}

describe('differentiate on random expressions', () => {
  // One call before timing, so "slowest" measures a derivation and not the first parse of the registry.
  differentiate('relu6(z) + selu(z)');

  it(`agrees with a numerical derivative and every step passes the checker (${RUNS} expressions)`, () => {
    fc.assert(
      fc.property(exprArbitrary.filter(usable), (tree) => {
        const text = toText(tree);
        const r = derivation(text);
        // Degenerate in a way a float64 checker cannot see through (see vanishesOnInterval): skipped, counted.
        if (r.kinks.some((k) => vanishesOnInterval(compiled(k.at)))) {
          stats.degenerate++;
          return;
        }
        stats.tried++;
        stats.steps += r.steps.length;
        const f = compiled(r.input);
        const df = compiled(r.derivativeTree);
        const kinks = r.kinks.map((k) => compiled(k.at));
        for (const z of SAMPLE_Z) {
          const radius = 0.05 * Math.max(1, Math.abs(z)) * 1.2;
          if (nearKink(kinks, z, radius)) continue;
          const fz = f(z);
          if (!Number.isFinite(fz) || Math.abs(fz) > 1e6) continue;
          const symbolic = df(z);
          const numeric = numericDerivative(f, z);
          const scale = 1 + Math.abs(numeric.value) + Math.abs(fz);
          // The tableau did not settle (pole or steep region nearby): this point checks nothing.
          if (!Number.isFinite(numeric.value) || numeric.error > 1e-7 * scale) continue;
          stats.compared++;
          expect(
            Math.abs(symbolic - numeric.value) <= 1e-6 * scale,
            `${text}: at z = ${z}, symbolic ${r.derivative} = ${symbolic}, numeric ${numeric.value}`,
          ).toBe(true);
        }
        const kinkPoints = locateKinks(r.kinks, { params: { b: B } }).map((k) => k.z);
        for (let i = 1; i < r.steps.length; i++) {
          const previous = r.steps[i - 1];
          const step = r.steps[i];
          if (previous === undefined || step === undefined) continue;
          const verdict = checkPair(step.tree, previous.tree, { params: { b: B }, kinks: kinkPoints });
          if (!verdict.ok) {
            failures.push(
              `${text}: step ${i + 1} (${step.rule}) ${step.expression} ≠ ${previous.expression}: ${verdict.reason ?? ''} ${JSON.stringify(verdict.counterexample)}`,
            );
          }
        }
        for (const step of r.steps) {
          const back = parse(step.expression, { symbols: r.parameters, derivatives: true });
          expect(
            back.ok && equalTrees(back.tree, step.tree),
            `${text}: step ${step.expression} does not read back`,
          ).toBe(true);
        }
      }),
      { numRuns: RUNS, seed: 20261124 },
    );
    expect(failures, failures.slice(0, 20).join('\n')).toEqual([]);
    // The property must have exercised the comparison, not skipped every point.
    expect(stats.tried).toBeGreaterThanOrEqual(RUNS * 0.9);
    expect(stats.compared).toBeGreaterThan(RUNS * 2);
    console.info(
      `differentiate property: ${stats.tried + stats.degenerate} random expressions (${stats.degenerate} degenerate, skipped), ${stats.steps} steps checked, ` +
        `${stats.compared} points compared; slowest derivation ${stats.slowestMs.toFixed(1)} ms (${stats.slowestInput})`,
    );
  }, 300_000);

  it('the derivative of a d/dz-free input never contains d/dz', () => {
    fc.assert(
      fc.property(exprArbitrary, (tree) => {
        const r = differentiate(toText(tree));
        expect(r.ok).toBe(true);
        if (r.ok) expect(r.derivative.includes('d/dz')).toBe(false);
        if (r.ok) expect(equalTrees(derivative('z', r.input), r.steps[0]?.tree ?? num(0))).toBe(true);
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});
