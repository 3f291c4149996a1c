import { describe, expect, it } from 'vitest';
import {
  compile,
  differentiate,
  equalTrees,
  locateKinks,
  parse,
  parseWithParameters,
  simplify,
  toText,
} from '../../src/symbolic/index.ts';
import { expectClose } from '../support/float.ts';

/** The simplified derivative, in the answer syntax, of inputs a student would type. */
const derivatives: readonly [string, string][] = [
  ['z^2', '2*z'],
  ['3*z^3 - z', '9*z^2 - 1'],
  ['z*sigmoid(b*z)', 'sigmoid(b*z) + b*z*sigmoid(b*z)*(1 - sigmoid(b*z))'],
  ['relu(z) + 0.1*tanh(z)', '(z > 0 ? 1 : 0) + 0.1*sech(z)^2'],
  ['max(0, z)', 'z > 0 ? 1 : 0'],
  ['abs(z)', 'sign(z)'],
  ['exp(-z^2)', '-(2*exp(-z^2)*z)'],
  ['log(1 + exp(z))', 'exp(z)/(1 + exp(z))'],
  ['1/(1 + exp(-z))', 'exp(-z)/(1 + exp(-z))^2'],
  ['sigmoid(z)', 'sigmoid(z)*(1 - sigmoid(z))'],
  ['tanh(a*z)', 'a*sech(a*z)^2'],
  ['sqrt(z)', '1/(2*sqrt(z))'],
  ['z^z', 'z^z*(log(z) + 1)'],
  ['2^z', 'log(2)*2^z'],
  ['elu(z, alpha)', 'z > 0 ? 1 : alpha*exp(z)'],
  ['softplus(z)', 'sigmoid(z)'],
  ['z > 0 ? z^2 : -z', 'z > 0 ? 2*z : -1'],
  ['erf(z)', '2*exp(-z^2)/sqrt(pi)'],
  ['7', '0'],
  ['z', '1'],
];

describe('differentiate', () => {
  it.each(derivatives)('d/dz(%s) = %s', (input, expected) => {
    const r = differentiate(input);
    expect(r.ok).toBe(true);
    expect(r.derivative).toBe(expected);
  });

  it('names the rule of every step: first the set-up, then one rule per line', () => {
    const r = differentiate('z*sigmoid(b*z)');
    expect(r.steps.map((s) => s.rule)).toEqual(['setup', 'product', 'chain', 'constant-multiple', 'simplification']);
    expect(r.steps[0]?.expression).toBe('d/dz(z*sigmoid(b*z))');
    expect(r.steps[1]?.expression).toBe('sigmoid(b*z) + z*d/dz(sigmoid(b*z))');
  });

  it.each([
    ['relu(z)', 'piecewise'],
    ['softplus(z)', 'known-derivative'],
    ['exp(z)', 'exponential'],
    ['log(z)', 'logarithm'],
    ['z^3', 'power'],
    ['z/(1+z)', 'quotient'],
    ['z + z^2', 'sum'],
    ['-z', 'constant-multiple'],
    ['leaky_relu(z, z)', 'definition'],
  ] as const)('%s: the first rule is %s', (input, rule) => {
    expect(differentiate(input).steps[1]?.rule).toBe(rule);
  });

  it('reads every step back with parse(…, { derivatives: true }) to the same tree', () => {
    for (const [input] of derivatives) {
      const r = differentiate(input);
      if (!r.ok) throw new Error(input);
      for (const step of r.steps) {
        const back = parse(step.expression, { symbols: r.parameters, derivatives: true });
        expect(back.ok && equalTrees(back.tree, step.tree), step.expression).toBe(true);
      }
    }
  });

  it('reads single letters and Greek names as parameters, in order of appearance', () => {
    const r = differentiate('alpha*z + relu(b*z)');
    expect(r.ok && r.parameters).toEqual(['alpha', 'b']);
    expect(r.derivative).toBe('alpha + b*(b*z > 0 ? 1 : 0)');
  });

  it('differentiates by another variable', () => {
    const r = differentiate('x^2 + z*x', { variable: 'x' });
    expect(r.ok && r.parameters).toEqual(['z']);
    expect(r.derivative).toBe('2*x + z');
    expect(r.steps[0]?.expression).toBe('d/dx(x^2 + z*x)');
  });

  it.each([
    ['', 0, 'the expression is empty'],
    ['z +', 3, 'ends too early'],
    ['sin(z)', 0, 'unknown function'],
    ['bz', 0, 'unknown name'],
    ['foo', 0, 'unknown name'],
    ['(z', 0, 'never closed'],
    ['d/dz(z)', 0, 'derivative notation'],
  ] as const)('refuses %j with a positioned error, never an exception', (input, position, message) => {
    const r = differentiate(input);
    expect(r.ok).toBe(false);
    expect(r.derivative).toBe('');
    expect(r.steps).toEqual([]);
    if (!r.ok) {
      expect(r.error.position).toBe(position);
      expect(r.error.message).toContain(message);
    }
  });

  it('hints b*z for run-together parameter names', () => {
    const r = differentiate('z*sigmoid(bz)');
    expect(!r.ok && r.error.hint).toBe('put a * between names: b*z');
  });

  it('names the kinks of piecewise functions and locates them', () => {
    const r = differentiate('relu6(z) + abs(z - 1)');
    if (!r.ok) throw new Error('relu6');
    expect(r.kinks.map((k) => k.description)).toEqual([
      'relu6 has a kink where z = 0',
      'relu6 has a kink where z = 6',
      'abs has a kink where z - 1 = 0',
    ]);
    const located = locateKinks(r.kinks).map((k) => k.z);
    expect(located).toEqual([0, 1, 6]);
  });

  it('marks where the derivative is undefined as a pole', () => {
    const r = differentiate('log(z^2 - 4)');
    if (!r.ok) throw new Error('log');
    const poles = locateKinks(r.kinks).filter((k) => k.kind === 'pole');
    expect(poles.length).toBe(2);
    expectClose(poles[0]?.z ?? 0, -2, 1e-12);
    expectClose(poles[1]?.z ?? 0, 2, 1e-12);
  });

  it('gives a derivative that evaluates to the textbook value', () => {
    const r = differentiate('softplus(z)*tanh(softplus(z))');
    if (!r.ok) throw new Error('mish');
    const d = compile(r.derivativeTree);
    // (sp·tanh(sp))' = σ·tanh(sp) + sp·sech²(sp)·σ with sp = softplus(1) = ln(1 + e), σ = σ(1).
    const sp = Math.log1p(Math.E);
    const s = 1 / (1 + Math.exp(-1));
    const expected = s * Math.tanh(sp) + sp * (1 / Math.cosh(sp)) ** 2 * s;
    expectClose(d({ z: 1 }), expected, 1e-14);
  });
});

describe('differentiate: constants folded in the result', () => {
  it.each([
    ['z^(1/3)', 'z^(-2/3)/3'],
    ['z^(2/3)', '2*z^(-1/3)/3'],
  ])('%s → %s', (f, expected) => {
    const r = differentiate(f);
    expect(r.ok && r.derivative).toBe(expected);
  });
});

describe('simplify', () => {
  const cases: readonly [string, string][] = [
    // Fractions folded exactly, as a teacher writes them.
    ['1/3 - 1', '-2/3'],
    ['1/2 + 1/3', '5/6'],
    ['2/4', '1/2'],
    ['(1/2)/(1/4)', '2'],
    ['z^(1/3 - 1)/3', 'z^(-2/3)/3'],
    ['z/z', '1'],
    ['z*1 + 0', 'z'],
    ['0*z + z^1', 'z'],
    ['-(-z)', 'z'],
    ['z + -y', 'z - y'],
    ['z - -y', 'z + y'],
    ['z*z', 'z^2'],
    ['z^2*z', 'z^3'],
    ['2*3*z', '6*z'],
    ['z + z', '2*z'],
    ['3*z - z', '2*z'],
    ['z*b', 'b*z'],
    ['z^(-2)', '1/z^2'],
    ['2*z^2/z', '2*z'],
    ['1/2', '1/2'],
    ['6/3', '2'],
    ['log(exp(z))', 'z'],
    ['sqrt(z)^2', 'z'],
    ['sqrt(z^2)', 'abs(z)'],
    ['z > 0 ? z : z', 'z'],
    ['z*(1/(1 + z))', 'z/(1 + z)'],
  ];
  it.each(cases)('%s → %s', (input, expected) => {
    const r = parseWithParameters(input);
    if (!r.ok) throw new Error(input);
    expect(toText(simplify(r.tree))).toBe(expected);
  });

  it('keeps d/dz(…) nodes exactly as they are', () => {
    const r = parseWithParameters('d/dz(z*1) + 0', { derivatives: true });
    if (!r.ok) throw new Error('parse');
    expect(toText(simplify(r.tree))).toBe('d/dz(z*1)');
  });
});
