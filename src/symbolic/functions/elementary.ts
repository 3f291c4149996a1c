import erf from '@stdlib/math-base-special-erf';
import { call, constant, div, mul, neg, num, pow } from '../expr.ts';
import type { FunctionInfo } from './function-info.ts';

/** The elementary functions of the language (Math and erf), in help-popover order. */
export type ElementaryName =
  'exp' | 'log' | 'sqrt' | 'abs' | 'sign' | 'sinh' | 'cosh' | 'tanh' | 'sech' | 'erf' | 'heaviside';

const unary =
  (f: (x: number) => number) =>
  (args: readonly number[]): number =>
    f(args[0] ?? Number.NaN);

/** First-order error propagation |f′(x)|·eₓ, from x and v = f(x). */
const bySlope = (slope: (x: number, v: number) => number) => (x: number, v: number, ex: number) => slope(x, v) * ex;

// heaviside(0) = 1/2: the half-maximum convention, the midpoint of the jump (see README.md of this layer).
const heaviside = (x: number): number => (x > 0 ? 1 : x < 0 ? 0 : x === 0 ? 0.5 : Number.NaN);

/** 2/√π, the slope of erf at 0. */
const TWO_OVER_SQRT_PI = 1.1283791670955126;

export const elementaryFunctions: readonly (FunctionInfo & { readonly name: ElementaryName })[] = [
  {
    name: 'exp',
    minArgs: 1,
    maxArgs: 1,
    signature: 'exp(x)',
    description: 'e to the power x',
    tex: '\\exp',
    evaluate: unary(Math.exp),
    // (eˣ)′ = eˣ; eˣ > 0, so a 0 is an underflow.
    error: { kind: 'slope', propagate: bySlope((_x, v) => v), positive: true },
    precise: ([x], m) => m.exp(x ?? m.NAN),
    derivative: { outer: (u) => call('exp', [u]), rule: 'exponential', note: 'exp(u)' },
    kinks: [],
    feature: true,
  },
  {
    name: 'log',
    aliases: ['ln'],
    minArgs: 1,
    maxArgs: 1,
    signature: 'log(x) or ln(x)',
    description: 'natural logarithm (NaN for x < 0)',
    tex: '\\ln',
    texAliases: ['\\log'],
    evaluate: unary(Math.log),
    // (ln x)′ = 1/x
    error: { kind: 'slope', propagate: bySlope((x) => 1 / Math.abs(x)), edgeAtZero: true },
    precise: ([x], m) => (x === undefined || x.isNeg() ? m.NAN : x.isZero() ? new m.D(-Infinity) : m.D.ln(x)),
    // d/dz(log u) = u'/u
    derivative: { outer: (u) => div(num(1), u), rule: 'logarithm', note: '1/u' },
    kinks: [{ kind: 'pole', at: 0 }],
    feature: true,
  },
  {
    name: 'sqrt',
    minArgs: 1,
    maxArgs: 1,
    signature: 'sqrt(x)',
    description: 'square root',
    tex: '\\sqrt',
    evaluate: unary(Math.sqrt),
    // (√x)′ = 1/(2√x); at x = 0 the slope is infinite and √(x + eₓ) − √x ≤ √eₓ.
    error: {
      kind: 'slope',
      propagate: (x, v, ex) => (x === 0 ? Math.sqrt(ex) : (0.5 / v) * ex),
      edgeAtZero: true,
    },
    precise: ([x], m) => (x === undefined || x.isNeg() ? m.NAN : x.sqrt()),
    // d/dz(√u) = u'/(2√u)
    derivative: { outer: (u) => div(num(1), mul(num(2), call('sqrt', [u]))), rule: 'power', note: '1/(2·sqrt(u))' },
    kinks: [{ kind: 'pole', at: 0 }],
    feature: true,
  },
  {
    name: 'abs',
    minArgs: 1,
    maxArgs: 1,
    signature: 'abs(x)',
    description: 'absolute value |x|',
    tex: '\\lvert',
    evaluate: unary(Math.abs),
    error: { kind: 'slope', propagate: bySlope(() => 1) },
    precise: ([x], m) => (x ?? m.NAN).abs(),
    // d/dz|u| = sign(u)·u', undefined at u = 0
    derivative: {
      outer: (u) => call('sign', [u]),
      rule: 'piecewise',
      note: 'sign(u) (−1 or 1), undefined where u = 0',
    },
    kinks: [{ kind: 'kink', at: 0, left: -1, right: 1 }],
    feature: false,
  },
  // sign(0) = 0 and sign(NaN) = NaN, as Math.sign.
  {
    name: 'sign',
    aliases: ['sgn'],
    minArgs: 1,
    maxArgs: 1,
    signature: 'sign(x)',
    description: 'sign of x: −1, 0 or 1 (sign(0) = 0)',
    tex: '\\operatorname{sign}',
    evaluate: unary(Math.sign),
    error: { kind: 'spread' },
    precise: ([x], m) => (x === undefined || x.isNaN() ? m.NAN : x.isZero() ? m.ZERO : new m.D(x.s ?? 1)),
    // constant on each side of 0: derivative 0 away from the jump.
    derivative: { outer: () => num(0), rule: 'piecewise', note: '0 away from u = 0 (a jump there)' },
    kinks: [{ kind: 'jump', at: 0 }],
    feature: false,
  },
  {
    name: 'sinh',
    minArgs: 1,
    maxArgs: 1,
    signature: 'sinh(x)',
    description: 'hyperbolic sine',
    tex: '\\sinh',
    evaluate: unary(Math.sinh),
    error: { kind: 'slope', propagate: bySlope((x) => Math.cosh(x)) },
    precise: ([x], m) => m.sinh(x ?? m.NAN),
    derivative: { outer: (u) => call('cosh', [u]), rule: 'known-derivative', note: 'cosh(u)' },
    kinks: [],
    feature: true,
  },
  {
    name: 'cosh',
    minArgs: 1,
    maxArgs: 1,
    signature: 'cosh(x)',
    description: 'hyperbolic cosine',
    tex: '\\cosh',
    evaluate: unary(Math.cosh),
    error: { kind: 'slope', propagate: bySlope((x) => Math.abs(Math.sinh(x))) },
    precise: ([x], m) => m.cosh(x ?? m.NAN),
    derivative: { outer: (u) => call('sinh', [u]), rule: 'known-derivative', note: 'sinh(u)' },
    kinks: [],
    feature: true,
  },
  {
    name: 'tanh',
    minArgs: 1,
    maxArgs: 1,
    signature: 'tanh(x)',
    description: 'hyperbolic tangent',
    tex: '\\tanh',
    evaluate: unary(Math.tanh),
    // tanh′ = sech² = 1 − tanh²
    error: { kind: 'slope', propagate: bySlope((_x, v) => Math.max(0, 1 - v * v)) },
    precise: ([x], m) => m.tanh(x ?? m.NAN),
    derivative: { outer: (u) => pow(call('sech', [u]), num(2)), rule: 'known-derivative', note: 'sech(u)^2' },
    kinks: [],
    feature: true,
  },
  // sech x = 1/cosh x; for |x| > 710 cosh overflows to Infinity and 1/Infinity = 0, the right limit.
  {
    name: 'sech',
    minArgs: 1,
    maxArgs: 1,
    signature: 'sech(x)',
    description: 'hyperbolic secant 1/cosh(x)',
    tex: '\\operatorname{sech}',
    evaluate: unary((x) => 1 / Math.cosh(x)),
    // sech′ = −sech·tanh
    error: { kind: 'slope', propagate: bySlope((x, v) => v * Math.abs(Math.tanh(x))) },
    precise: ([x], m) => m.sech(x ?? m.NAN),
    derivative: {
      outer: (u) => neg(mul(call('sech', [u]), call('tanh', [u]))),
      rule: 'known-derivative',
      note: '−sech(u)·tanh(u)',
    },
    kinks: [],
    feature: true,
  },
  {
    name: 'erf',
    minArgs: 1,
    maxArgs: 1,
    signature: 'erf(x)',
    description: 'Gauss error function',
    tex: '\\operatorname{erf}',
    evaluate: unary(erf),
    // erf′ = (2/√π)e^(−x²)
    error: { kind: 'slope', propagate: bySlope((x) => TWO_OVER_SQRT_PI * Math.exp(-x * x)) },
    precise: ([x], m) => m.erf(x ?? m.NAN),
    derivative: {
      outer: (u) => mul(div(num(2), call('sqrt', [constant('pi')])), call('exp', [neg(pow(u, num(2)))])),
      rule: 'known-derivative',
      note: '2/sqrt(pi)·exp(−u^2)',
    },
    kinks: [],
    feature: true,
  },
  {
    name: 'heaviside',
    aliases: ['H', 'step', 'u'],
    minArgs: 1,
    maxArgs: 1,
    signature: 'heaviside(x)',
    description: 'step: 0 for x < 0, 1 for x > 0, 1/2 at 0',
    tex: 'H',
    evaluate: unary(heaviside),
    error: { kind: 'spread' },
    precise: ([x], m) => (x === undefined || x.isNaN() ? m.NAN : x.isZero() ? m.HALF : x.isPos() ? m.ONE : m.ZERO),
    derivative: { outer: () => num(0), rule: 'piecewise', note: '0 away from u = 0 (a jump there)' },
    kinks: [{ kind: 'jump', at: 0 }],
    feature: false,
  },
];
