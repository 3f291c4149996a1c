import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activationIds, activations } from '../../src/math/index.ts';
import {
  compile,
  derivative,
  evaluate,
  EvaluationError,
  functionList,
  name,
  num,
  parse,
} from '../../src/symbolic/index.ts';
import type { Env, Expr } from '../../src/symbolic/index.ts';
import { expectClose } from '../support/float.ts';
import { exprArbitrary } from './arbitrary.ts';

const symbols = ['g', 'alpha', 'beta', 'lambda'];

function tree(text: string): Expr {
  const r = parse(text, { symbols });
  if (!r.ok) throw new Error(`${text}: ${r.error.message}`);
  return r.tree;
}

// References: closed forms by Math where exact to a few ulp, otherwise mpmath at 40 digits.
const cases: [text: string, env: Env, expected: number, rel?: number][] = [
  ['2z + 1', { z: 3 }, 7],
  ['1/2z', { z: 4 }, 2],
  ['2^3^2', { z: 0 }, 512],
  ['-z^2', { z: 3 }, -9],
  ['(-z)^2', { z: 3 }, 9],
  ['z^-1', { z: 4 }, 0.25],
  ['1e-3 z', { z: 2 }, 0.002],
  ['e', { z: 0 }, Math.E],
  ['pi', { z: 0 }, Math.PI],
  ['1/(1+exp(-z))', { z: 0.7 }, 1 / (1 + Math.exp(-0.7))],
  ['exp(-z)/(1+exp(-z))^2', { z: 0.7 }, 0.22171287329310904, 1e-14],
  ['sigmoid(z)', { z: -3 }, 0.04742587317756678, 1e-14],
  ['σ(z)(1-σ(z))', { z: 0.7 }, 0.22171287329310904, 1e-14],
  ['g(1-g)', { z: 0, g: 0.25 }, 0.1875],
  ['sech(z)^2', { z: 1.5 }, 0.4250960349422805 ** 2, 1e-14],
  ['sech(z)', { z: 1000 }, 0],
  ['tanh^2(z)', { z: 0.5 }, Math.tanh(0.5) ** 2],
  ['sinh(z) + cosh(z)', { z: 0.3 }, Math.exp(0.3), 1e-15],
  ['erf(z)', { z: 0.5 }, 0.5204998778130465, 1e-15],
  ['log(z)', { z: -1 }, Number.NaN],
  ['ln(z)', { z: Math.E }, 1],
  ['log(0)', { z: 0 }, Number.NEGATIVE_INFINITY],
  ['sqrt(z)', { z: -4 }, Number.NaN],
  ['1/z', { z: 0 }, Number.POSITIVE_INFINITY],
  ['abs(z)', { z: -2.5 }, 2.5],
  ['sign(z)', { z: 0 }, 0],
  ['sign(z)', { z: -3 }, -1],
  ['heaviside(z)', { z: 0 }, 0.5],
  ['heaviside(z)', { z: -1e-300 }, 0],
  ['heaviside(z)', { z: 2 }, 1],
  ['max(0, z)', { z: -2 }, 0],
  ['max(0, z, 3)', { z: 2 }, 3],
  ['min(z, 6)', { z: 7 }, 6],
  ['z > 0', { z: 1 }, 1],
  ['z > 0', { z: 0 }, 0],
  ['z >= 0', { z: 0 }, 1],
  ['z < 0', { z: Number.NaN }, 0],
  ['z <= 0', { z: -1 }, 1],
  ['z > 0 ? 1 : z < 0 ? -1 : 0', { z: -5 }, -1],
  ['z > 0 ? 1 : z < 0 ? -1 : 0', { z: 0 }, 0],
  ['z ? 1 : 2', { z: Number.NaN }, Number.NaN],
  ['z ? 1 : 2', { z: 0 }, 2],
  ['z ? 1 : 2', { z: -0.5 }, 1],
  ['relu(z)', { z: -1 }, 0],
  ['relu6(z)', { z: 7 }, 6],
  ['leaky_relu(z)', { z: -2 }, -0.02],
  ['leaky_relu(z, 0.2)', { z: -2 }, -0.4, 1e-15],
  ['elu(z, 0.5)', { z: -1 }, -0.31606027941427883, 1e-14],
  ['elu(z, alpha)', { z: -1, alpha: 0.5 }, -0.31606027941427883, 1e-14],
  ['selu(z)', { z: -1 }, -1.1113307378125628, 1e-14],
  ['softplus(z)', { z: 0.7 }, 1.103186048885458, 1e-14],
  ['silu(z)', { z: 0.7 }, 0.46773144051771626, 1e-14],
  ['swish(z, 2)', { z: 0.7 }, 0.5615287219910072, 1e-14],
  ['swish(z, beta)', { z: 0.7, beta: 2 }, 0.5615287219910072, 1e-14],
  ['gelu(z)', { z: 0.7 }, 0.5306254434438489, 1e-14],
  ['gelu_tanh(z)', { z: 0.7 }, 0.5305701347051167, 1e-14],
  ['mish(z)', { z: 0.7 }, 0.561148377643852, 1e-14],
  ['hard_sigmoid(z)', { z: 1.5 }, 0.75],
  ['hard_swish(z)', { z: 1.5 }, 1.125],
  ['softsign(z)', { z: -3 }, -0.75],
  ['tanh(z)', { z: 0.5 }, Math.tanh(0.5)],
];

describe('evaluate', () => {
  it.each(cases)('%s at %j', (text, env, expected, rel = 1e-15) => {
    const t = tree(text);
    expectClose(evaluate(t, env), expected, rel, text);
    expectClose(compile(t)(env), expected, rel, `${text} (compiled)`);
  });

  it('throws a typed EvaluationError for derivative nodes, when called, not when compiled', () => {
    const t = derivative('z', name('z'));
    expect(() => evaluate(t, { z: 1 })).toThrow(EvaluationError);
    const f = compile(t);
    expect(() => f({ z: 1 })).toThrow(expect.objectContaining({ reason: 'derivative' }));
  });

  it.each(['g', 'constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'throws EvaluationError unbound-name for %s when the env has no own number for it',
    (n) => {
      const t = name(n);
      expect(() => evaluate(t, { z: 1 })).toThrow(expect.objectContaining({ reason: 'unbound-name' }));
      expect(() => compile(t)({ z: 1 })).toThrow(EvaluationError);
    },
  );

  it('reads a custom variable name', () => {
    const r = parse('x^2 + 1', { variable: 'x' });
    expect(r.ok && evaluate(r.tree, { x: 3 })).toBe(10);
  });

  it('evaluates every function in the table to a finite number at an ordinary point', () => {
    for (const f of functionList) {
      const args = Array.from({ length: f.minArgs }, (_, i) => num(0.3 + i));
      const v = evaluate({ kind: 'call', name: f.name, args }, { z: 0 });
      expect(Number.isFinite(v), f.name).toBe(true);
    }
  });
});

describe('compile agrees with evaluate', () => {
  it('on random trees and points (bitwise, including NaN)', () => {
    fc.assert(
      fc.property(exprArbitrary({ derivatives: false }), fc.double({ min: -20, max: 20, noNaN: true }), (t, zValue) => {
        const env = { z: zValue, g: 0.3, alpha: 0.1 };
        const a = evaluate(t, env);
        const b = compile(t)(env);
        expect(Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b)), `${a} vs ${b}`).toBe(true);
      }),
      { numRuns: 2000, seed: 20251124 },
    );
  });
});

describe('the registry’s expression strings, parsed and evaluated, match the math core', () => {
  const zs = [-2.7, -1.3, -0.4, 0.35, 1.1, 2.6];
  it.each(activationIds)('%s', (id) => {
    const a = activations[id];
    const env: Record<string, number> = {};
    for (const p of a.params) env[p.name] = p.default;
    const opts = { symbols: [...a.params.map((p) => p.name), 'g'] };
    const parsed = (text: string): Expr => {
      const r = parse(text, opts);
      if (!r.ok) throw new Error(`${id}: ${text}: ${r.error.message} at ${r.error.position}`);
      return r.tree;
    };
    const g = compile(parsed(a.expression));
    const dg = compile(parsed(a.derivativeExpression));
    const inG = a.inTermsOfG === undefined ? undefined : compile(parsed(a.inTermsOfG));
    for (const z of zs) {
      const value = a.value(z);
      expectClose(g({ ...env, z, g: 0 }), value, 1e-12, `${id} g(${z})`);
      expectClose(dg({ ...env, z, g: 0 }), a.derivative(z), 1e-12, `${id} g'(${z})`);
      if (inG !== undefined) expectClose(inG({ ...env, z, g: value }), a.derivative(z), 1e-9, `${id} g'(g(${z}))`);
    }
  });
});

// The time per plot is a benchmark (test/symbolic/evaluate.bench.ts prints it); this is a hang guard.
describe('speed', () => {
  it('compiles once and evaluates at 400 points without re-walking the tree', () => {
    const t = tree('exp(-z)/(1+exp(-z))^2 + z > 0 ? gelu(z) : silu(z)');
    const f = compile(t);
    const start = performance.now();
    let sum = 0;
    for (let round = 0; round < 100; round++) for (let i = 0; i < 400; i++) sum += f({ z: -8 + i / 25 });
    const perPlot = (performance.now() - start) / 100;
    expect(Number.isFinite(sum)).toBe(true);
    // Generous (the benchmark measures ~0.05 ms): only re-parsing or quadratic work comes near it.
    expect(perPlot).toBeLessThan(50);
  });
});
