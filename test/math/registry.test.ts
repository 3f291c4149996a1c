import erf from '@stdlib/math-base-special-erf';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { activationIds, activations, resolveParams, type Activation, type Params } from '../../src/math/index.ts';
import { referenceMinValue } from './reference.ts';
import { ulpDistance } from '../support/float.ts';

const EXPECTED_IDS = [
  'sigmoid',
  'tanh',
  'relu',
  'leaky-relu',
  'elu',
  'selu',
  'softplus',
  'silu',
  'gelu',
  'gelu-tanh',
  'mish',
  'hard-sigmoid',
  'hard-swish',
  'softsign',
  'relu6',
];

describe('registry', () => {
  it('lists exactly the fifteen ids, each entry under its own id', () => {
    expect([...activationIds]).toEqual(EXPECTED_IDS);
    for (const id of activationIds) expect(activations[id].id).toBe(id);
  });

  it('has distinct display names and non-empty origins', () => {
    const names = activationIds.map((id) => activations[id].name);
    expect(new Set(names).size).toBe(names.length);
    for (const id of activationIds) {
      expect(activations[id].origin.note.length).toBeGreaterThan(20);
      expect(activations[id].origin.citation).toMatch(/(19|20)\d\d/);
    }
  });
});

/** Every TeX string of an entry, labelled. */
function texStrings(a: Activation): [string, string][] {
  const out: [string, string][] = [
    ['g', a.latex.g],
    ['derivative', a.latex.derivative],
  ];
  if (a.latex.inTermsOfG !== undefined) out.push(['inTermsOfG', a.latex.inTermsOfG]);
  for (const p of a.params) out.push([`param ${p.name}`, p.symbol]);
  return out;
}

describe.each(activationIds)('%s', (id) => {
  const a = activations[id];

  it.each(texStrings(a))('LaTeX %s typesets with KaTeX (strict)', (_label, tex) => {
    expect(() => katex.renderToString(tex, { strict: 'error', throwOnError: true, displayMode: true })).not.toThrow();
  });

  it('gives a form in terms of g in TeX, answer syntax and code together, or not at all', () => {
    const has = [a.latex.inTermsOfG !== undefined, a.inTermsOfG !== undefined, a.derivativeFromG !== undefined];
    expect(has).toEqual(has[0] === true ? [true, true, true] : [false, false, false]);
  });

  it('has parameter defaults inside their ranges, and resolveParams enforces the ranges', () => {
    const defaults: Record<string, number> = {};
    for (const p of a.params) {
      defaults[p.name] = p.default;
      expect(resolveParams(a, { [p.name]: p.default })[p.name]).toBe(p.default);
      if (p.adjustable) {
        if (Number.isFinite(p.max)) expect(() => resolveParams(a, { [p.name]: p.max + 1 })).toThrow(RangeError);
        expect(() => resolveParams(a, { [p.name]: p.min - 1 })).toThrow(RangeError);
        expect(() => resolveParams(a, { [p.name]: NaN })).toThrow(RangeError);
      } else {
        expect(() => resolveParams(a, { [p.name]: p.default * 1.01 })).toThrow(RangeError);
      }
    }
    expect(resolveParams(a)).toEqual(defaults);
    const unknown: Params = a.params.some((p) => p.name === 'beta') ? { lambda: 1 } : { beta: 1 };
    expect(() => resolveParams(a, unknown)).toThrow(RangeError);
  });

  it('declares smoothness consistently with its kinks', () => {
    const { smoothness } = a.properties;
    if (smoothness === 'Cinf') expect(a.kinks).toEqual([]);
    if (a.kinks.some((k) => k.left !== k.right)) expect(smoothness).toBe('C0');
    if (smoothness === 'C0') expect(a.kinks.some((k) => k.left !== k.right)).toBe(true);
  });

  it.each(a.kinks.map((k) => [k.at, k]))(
    'kink at %d: left/right match the one-sided derivatives; value is the convention',
    (_at, k) => {
      const g = (z: number): number => a.value(z);
      const h = 1e-5;
      // Second-order one-sided differences: f'(a∓) ≈ ±(3f(a) − 4f(a ∓ h) + f(a ∓ 2h)) / 2h.
      const left = (3 * g(k.at) - 4 * g(k.at - h) + g(k.at - 2 * h)) / (2 * h);
      const right = -(3 * g(k.at) - 4 * g(k.at + h) + g(k.at + 2 * h)) / (2 * h);
      expect(Math.abs(left - k.left)).toBeLessThan(1e-8);
      expect(Math.abs(right - k.right)).toBeLessThan(1e-8);
      // g' tends to left/right from each side, and at the kink it returns the recorded convention.
      expect(Math.abs(a.derivative(k.at - 1e-9) - k.left)).toBeLessThan(1e-8);
      expect(Math.abs(a.derivative(k.at + 1e-9) - k.right)).toBeLessThan(1e-8);
      expect(ulpDistance(a.derivative(k.at), k.value)).toBe(0);
      expect(k.convention).toMatch(/PyTorch/);
    },
  );
});

describe('PyTorch kink conventions named in the issue', () => {
  it.each([
    ['relu', 0, 0],
    ['leaky-relu', 0, 0.01],
    ['relu6', 0, 0],
    ['relu6', 6, 0],
    ['hard-sigmoid', -3, 0],
    ['hard-sigmoid', 3, 0],
    ['hard-swish', -3, -0.5],
    ['hard-swish', 3, 1.5],
    // λα = 1.7580993408473768599…, correctly rounded (the generator's mpmath product).
    ['selu', 0, 1.7580993408473768],
  ] as const)("%s'(%d) = %d", (id, z, want) => {
    expect(ulpDistance(activations[id].derivative(z), want)).toBeLessThanOrEqual(1);
    expect(activations[id].kinks.find((k) => k.at === z)?.value).toBe(activations[id].derivative(z));
  });
});

describe('ranges and extrema agree with the mpmath table', () => {
  it.each(Object.entries(referenceMinValue))('%s: range starts at the minimum of g', (id, e) => {
    const a = activations[id as keyof typeof activations];
    expect(ulpDistance(a.properties.range[0], e?.value ?? NaN)).toBeLessThanOrEqual(1);
    expect(ulpDistance(a.value(e?.z ?? NaN), e?.value ?? NaN)).toBeLessThanOrEqual(4);
  });

  it('SELU constants carry full double precision', () => {
    const [lambda, alpha] = activations.selu.params;
    expect(lambda?.default).toBe(1.0507009873554805);
    expect(alpha?.default).toBe(1.6732632423543772);
  });
});

// ---------------------------------------------------------------------------------------------
// Answer-syntax strings. Not a parser: the strings are written in the common subset of the course
// syntax and JavaScript (`^` aside), so transliterating `^` to `**` and evaluating with the
// course's function names in scope checks that the formulas mean what value/derivative compute.
// The symbolic engine's parser is the authority on the syntax itself.
// ---------------------------------------------------------------------------------------------

const FUNCTIONS: Record<string, (...x: number[]) => number> = {
  exp: Math.exp,
  log: Math.log,
  sqrt: Math.sqrt,
  abs: Math.abs,
  sign: Math.sign,
  sinh: Math.sinh,
  cosh: Math.cosh,
  tanh: Math.tanh,
  sech: (x) => 1 / Math.cosh(x),
  sigmoid: (x) => 1 / (1 + Math.exp(-x)),
  erf: (x) => erf(x),
  max: Math.max,
  min: Math.min,
  heaviside: (x) => (x > 0 ? 1 : x < 0 ? 0 : 0.5),
};
const VARIABLES = ['z', 'g', 'alpha', 'beta', 'lambda', 'e', 'pi'];
const VOCABULARY = new Set([...Object.keys(FUNCTIONS), ...VARIABLES]);

function compile(expression: string): (vars: Record<string, number>) => number {
  const names = [...Object.keys(FUNCTIONS), ...VARIABLES];
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- test-only transliteration, see above
  const f = new Function(...names, `return (${expression.replaceAll('^', '**')});`) as (...args: unknown[]) => number;
  return (vars) =>
    f(
      ...Object.values(FUNCTIONS),
      ...VARIABLES.map((v) => vars[v] ?? (v === 'e' ? Math.E : v === 'pi' ? Math.PI : NaN)),
    );
}

/** A second parameter setting per adjustable activation, so a string that drops a parameter fails. */
const ALTERNATE: Partial<Record<string, Params>> = {
  'leaky-relu': { alpha: 0.2 },
  elu: { alpha: 0.5 },
  softplus: { beta: 2 },
  silu: { beta: 2 },
};

function paramSettings(a: Activation): Params[] {
  const defaults: Params = Object.fromEntries(a.params.map((p) => [p.name, p.default]));
  const alternate = ALTERNATE[a.id];
  return alternate === undefined ? [defaults] : [defaults, { ...defaults, ...alternate }];
}

/** A fixed grid on [−6, 6] plus every kink, where the naive formulas are accurate. */
function grid(a: Activation): number[] {
  const zs = Array.from({ length: 97 }, (_, i) => -6 + i / 8);
  return [...zs, ...a.kinks.map((k) => k.at)];
}

function close(got: number, want: number): boolean {
  return Math.abs(got - want) <= 1e-12 * Math.max(1, Math.abs(want));
}

describe.each(activationIds)('%s answer-syntax strings', (id) => {
  const a = activations[id];
  const strings = [a.expression, a.derivativeExpression, ...(a.inTermsOfG === undefined ? [] : [a.inTermsOfG])];

  it.each(strings)('%s uses only the course vocabulary', (s) => {
    expect(s).toMatch(/^[0-9a-z.+\-*/^()<>=?:, ]+$/);
    for (const word of s.match(/[a-z]+/g) ?? []) expect(VOCABULARY.has(word), word).toBe(true);
  });

  /** [label, answer-syntax string, variables besides z, what it must equal]. */
  type Check = [string, string, (z: number, p: Params) => Params, (z: number, p: Params) => number];
  const checks: Check[] = [
    ['expression = value', a.expression, () => ({}), (z, p) => a.value(z, p)],
    ['derivativeExpression = derivative', a.derivativeExpression, () => ({}), (z, p) => a.derivative(z, p)],
  ];
  if (a.inTermsOfG !== undefined) {
    checks.push([
      'inTermsOfG (with g = value) = derivative',
      a.inTermsOfG,
      (z, p) => ({ g: a.value(z, p) }) as Params,
      (z, p) => a.derivative(z, p),
    ]);
  }
  it.each(checks)('%s on a grid and at the kinks, for each parameter setting', (_label, expression, extra, want) => {
    const f = compile(expression);
    expect(paramSettings(a).length).toBe(ALTERNATE[id] === undefined ? 1 : 2);
    for (const p of paramSettings(a)) {
      for (const z of grid(a)) {
        const got = f({ ...p, ...extra(z, p), z });
        expect(close(got, want(z, p)), `z = ${z}, ${JSON.stringify(p)}`).toBe(true);
      }
    }
  });
});
