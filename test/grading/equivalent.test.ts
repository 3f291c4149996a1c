import { describe, expect, it } from 'vitest';
import { equivalent, findKinks, samplePoints, FIXED_POINTS } from '../../src/grading/index.ts';
import type { EquivalenceOptions } from '../../src/grading/index.ts';
import { activations, activationIds } from '../../src/math/index.ts';
import { parse } from '../../src/symbolic/index.ts';
import type { Expr } from '../../src/symbolic/index.ts';
import { makeScope } from '../../src/grading/equivalent.ts';

/** Parses authoring text (symbols and d/dz allowed) or fails the test with the parser's message. */
function tree(text: string, symbols: readonly string[] = []): Expr {
  const r = parse(text, { symbols, derivatives: true });
  if (!r.ok) throw new Error(`${text}: ${r.error.message} at ${r.error.position}`);
  return r.tree;
}

function eq(a: string, b: string, options: EquivalenceOptions = {}): ReturnType<typeof equivalent> {
  const symbols = [...Object.keys(options.define ?? {}), ...Object.keys(options.params ?? {})];
  return equivalent(tree(a, symbols), tree(b, symbols), options);
}

const sigmoidG: EquivalenceOptions = { define: { g: 'sigmoid(z)' } };

describe('equivalent: tolerance', () => {
  // Each pair is equal; the answer scaled by 1 + 1e-9 must be rejected, the exact one accepted.
  const equalPairs: [string, string, EquivalenceOptions][] = [
    ['g*(1-g)', 'sigmoid(z)*(1-sigmoid(z))', sigmoidG],
    ['1 - tanh(z)^2', 'sech(z)^2', {}],
    ['exp(z)', 'e^z', {}],
    ['3*z^2', 'z^2 + z^2 + z^2', {}],
    ['gelu(z)', 'z*(1 + erf(z/sqrt(2)))/2', {}],
    ['softplus(z)', 'log(1 + exp(z))', {}],
    ['z > 0 ? 1 : alpha', 'leaky_relu(z, alpha)/z', { params: { alpha: 0.2 } }],
  ];
  it.each(equalPairs)('%s equals %s', (a, b, options) => {
    expect(eq(a, b, options).equal).toBe(true);
    expect(eq(b, a, options).equal).toBe(true);
  });
  it.each(equalPairs)('(1 + 1e-9)·(%s) does not equal %s', (a, b, options) => {
    const r = eq(`(1 + 1e-9)*(${a})`, b, options);
    expect(r.equal).toBe(false);
    expect(r.counterexample).toBeDefined();
  });
  it.each(equalPairs)('%s + 1e-9·|%s| does not equal it', (a, b, options) => {
    expect(eq(`${a} + 1e-9*abs(${b})`, b, options).equal).toBe(false);
  });

  it('accepts g − g² for g·(1 − g) at z ≈ 20, where float64 cancels', () => {
    const g = 1 / (1 + Math.exp(-20));
    // The two forms really do differ in float64 by more than 1e-9 relative there.
    expect(Math.abs(g - g * g - g * (1 - g)) / (g * (1 - g))).toBeGreaterThan(1e-9);
    // Only the points 19.5 ± 0.0195 and 20 itself.
    const near20: EquivalenceOptions = { ...sigmoidG, kinks: [19.5], interval: [18.5, 21.5] };
    expect(eq('g - g^2', 'g*(1-g)', near20).equal).toBe(true);
    // …and still tells a wrong form apart in the same place.
    expect(eq('g + g^2', 'g*(1-g)', near20).equal).toBe(false);
  });

  it('refuses to be fooled by huge cancelling terms', () => {
    const r = eq('1e20 + z - 1e20', '2*z');
    expect(r.equal).toBe(false);
    expect(eq('1e20 + 2*z - 1e20', '2*z').equal).toBe(false);
  });

  it('NaN never equals NaN', () => {
    expect(eq('sqrt(-1 - z^2)', 'sqrt(-1 - z^2)').equal).toBe(false);
    expect(eq('log(-abs(z) - 1)', 'sqrt(-1 - z^2)').equal).toBe(false);
  });
});

describe('equivalent: domains and isolated points', () => {
  it('compares only where the reference is defined', () => {
    expect(eq('1/(2*sqrt(abs(z)))', '1/(2*sqrt(z))').equal).toBe(true);
  });
  it('rejects an answer undefined where the reference is defined', () => {
    const r = eq('1/(2*sqrt(z))', '1/(2*sqrt(abs(z)))');
    expect(r.equal).toBe(false);
    expect(Number.isNaN(r.counterexample?.left)).toBe(true);
    expect(r.counterexample?.z).toBeLessThan(0);
  });
  it('ignores isolated removable points', () => {
    expect(eq('z/z', '1').equal).toBe(true);
    expect(eq('(z^2 - 1)/(z - 1)', 'z + 1').equal).toBe(true);
  });
  it('tells sqrt(z^2) from z and from abs(z)', () => {
    expect(eq('sqrt(z^2)', 'z').equal).toBe(false);
    expect(eq('sqrt(z^2)', 'abs(z)').equal).toBe(true);
  });
  it('does not count float64 overflow as "undefined"', () => {
    // exp(z)/(1+exp(z))^2 overflows to NaN for large z where σ(1 − σ) is tiny but defined.
    expect(eq('exp(z)/(1+exp(z))^2', 'sigmoid(z)*(1 - sigmoid(z))', { kinks: [700] }).equal).toBe(true);
  });
  it('respects an interval', () => {
    expect(eq('z', 'abs(z)', { interval: [0, Number.POSITIVE_INFINITY] }).equal).toBe(true);
    expect(eq('z', 'abs(z)', { interval: [Number.NEGATIVE_INFINITY, 0] }).equal).toBe(false);
  });
});

describe('equivalent: determinism and counterexamples', () => {
  it('gives the same verdict and counterexample on every call', () => {
    const a = eq('g*(1+g)', 'g*(1-g)', sigmoidG);
    const b = eq('g*(1+g)', 'g*(1-g)', sigmoidG);
    expect(a).toEqual(b);
    expect(a.counterexample?.z).toBe(1); // the simplest point comes first
  });
  it('reports left = first expression, right = second', () => {
    const r = eq('2*z', 'z');
    expect(r.counterexample).toEqual({ z: 1, left: 2, right: 1 });
  });
  it('throws for a name the options do not define (a caller bug)', () => {
    const r = parse('g', { symbols: ['g'] });
    if (!r.ok) throw new Error('parse');
    expect(() => equivalent(r.tree, r.tree)).toThrow(/no value for the name `g`/);
    expect(() => makeScope({ define: { g: 'sigmoid(' } })).toThrow(/does not parse/);
    expect(() => eq('g', 'z', { define: { g: 'h', h: 'g' } })).toThrow(/refers to itself/);
  });
});

describe('equivalent: kinks', () => {
  it('finds kinks of abs, max, relu6, comparisons and non-linear switches', () => {
    const scope = makeScope({});
    const kinks = (text: string): number[] => findKinks([tree(text)], scope);
    expect(kinks('abs(z - 1.5)')).toEqual([1.5]);
    expect(kinks('max(z, 2 - z)')).toEqual([1]);
    expect(kinks('relu6(z)')).toEqual([0, 6]);
    expect(kinks('hard_sigmoid(z)')).toEqual([-3, 3]);
    // ±√2 from the comparison, and 0 where the base z of z² vanishes (a feature, sampled beside).
    const roots = kinks('z^2 > 2 ? 1 : 0');
    expect(roots).toHaveLength(3);
    expect(Math.abs((roots[2] ?? 0) - Math.SQRT2)).toBeLessThan(1e-14);
    expect(Math.abs((roots[0] ?? 0) + Math.SQRT2)).toBeLessThan(1e-14);
    expect(kinks('exp(z) + 1')).toEqual([0]);
    expect(kinks('exp(2) + 1')).toEqual([]);
  });
  it('finds narrow features: bump centres, spikes, far-tail switches', () => {
    const scope = makeScope({});
    const kinks = (text: string): number[] => findKinks([tree(text)], scope);
    const near = (xs: readonly number[], x: number): boolean =>
      xs.some((k) => Math.abs(k - x) < 1e-9 * Math.max(1, Math.abs(x)));
    expect(near(kinks('exp(-1e8*(z-1.234)^2)'), 1.234)).toBe(true);
    expect(near(kinks('1/(1 + 1e10*(z-0.77)^2)'), 0.77)).toBe(true);
    expect(near(kinks('sech(1e6*(z+2.5))'), -2.5)).toBe(true);
    expect(near(kinks('min(z, 41)'), 41)).toBe(true);
    expect(near(kinks('min(relu(z), 41)'), 41)).toBe(true);
    expect(near(kinks('z > 45 ? 5 : 0'), 45)).toBe(true);
    expect(near(kinks('min(relu(z), 1e4)'), 1e4)).toBe(true);
  });
  it('finds kinks inside defined symbols', () => {
    expect(findKinks([tree('a', ['a'])], makeScope({ define: { a: 'relu(z - 2)' } }))).toEqual([2]);
  });
  it('samples inside every interval between kinks, however narrow', () => {
    const points = samplePoints({ kinks: [0, 1e-6, 6, 6.005] }).map((p) => p.z);
    expect(points.some((z) => z > 0 && z < 1e-6)).toBe(true);
    expect(points.some((z) => z > 6 && z < 6.005)).toBe(true);
    expect(points.some((z) => z > 45)).toBe(true);
    expect(points.some((z) => z < -45)).toBe(true);
  });
  it('never samples exactly at a kink, and samples both sides of it', () => {
    const points = samplePoints({ kinks: [0, 2.5] }).map((p) => p.z);
    expect(points).not.toContain(0);
    expect(points).not.toContain(2.5);
    // Offsets scale with max(1, |kink|).
    for (const side of [2.5 - 2.5e-3, 2.5 + 2.5e-3, -1e-3, 1e-3]) expect(points).toContain(side);
    expect(samplePoints().map((p) => p.z)).toContain(0);
    expect(samplePoints().length).toBeGreaterThan(FIXED_POINTS.length);
  });
  it('checks both sides of a kink the author gives', () => {
    // Differs from abs only on (0, 1e-2): caught by the points just right of the kink at 0.
    expect(eq('z < 0.01 ? -z : z', 'abs(z)', { samples: 0 }).equal).toBe(false);
  });
  it('is deterministic in its pseudo-random points', () => {
    expect(samplePoints({ samples: 50 })).toEqual(samplePoints({ samples: 50 }));
  });
});

describe('equivalent: derivative nodes (Richardson extrapolation)', () => {
  it('checks a derivation step by differentiating', () => {
    expect(eq('d/dz(z^3)', '3*z^2').equal).toBe(true);
    expect(eq('d/dz(z^3)', '3.000003*z^2').equal).toBe(false);
    expect(eq('d/dz(sigmoid(z))', 'g*(1-g)', sigmoidG).equal).toBe(true);
    expect(eq('d/dz(g)', 'g*(1-g)', sigmoidG).equal).toBe(true);
    expect(eq('d/dz(g)', '1.000001*g*(1-g)', sigmoidG).equal).toBe(false);
    expect(eq('d/dz(d/dz(z^4))', '12*z^2').equal).toBe(true);
  });
  it('respects kinks: d/dz(relu(z)) is the step, d/dz(abs(z-1)) is sign(z-1)', () => {
    expect(eq('d/dz(relu(z))', 'z > 0 ? 1 : 0').equal).toBe(true);
    expect(eq('d/dz(abs(z - 1))', 'sign(z - 1)').equal).toBe(true);
    expect(eq('d/dz(abs(z - 1))', 'sign(z)').equal).toBe(false);
  });

  // Every activation in the registry: d/dz of its expression equals its derivative expression.
  const withExpressions = activationIds.filter((id) => activations[id].expression !== '');
  it.each(withExpressions)('d/dz(%s) matches the registry derivative expression', (id) => {
    const a = activations[id];
    const params = Object.fromEntries(a.params.map((p) => [p.name, p.default]));
    const options: EquivalenceOptions = { params, kinks: a.kinks.map((k) => k.at) };
    const names = Object.keys(params);
    const d = tree(`d/dz(${a.expression})`, names);
    const r = equivalent(d, tree(a.derivativeExpression, names), options);
    expect(r.equal, r.reason).toBe(true);
    // …and the check has teeth: the derivative off by one part in a million is refused.
    expect(equivalent(d, tree(`1.000001*(${a.derivativeExpression})`, names), options).equal).toBe(false);
  });
});

describe('functions that are 0 on whole intervals', () => {
  // [a, b, options]: equal as functions, with both sides 0 (or a numeric derivative's ~1e-15) on an interval.
  const zeroPairs: readonly (readonly [string, string, EquivalenceOptions])[] = [
    ['d/dz(0.1)', '0', {}],
    ['d/dz(3*pi)', '0', {}],
    ['1 + (-z > z ? -1 : 1)', '1 + (-z > z ? d/dz(-z) : 1)', {}],
    ['d/dz(z > 1 ? 2 : 0.3)', '0', { kinks: [1] }],
    ['d/dz(0.1*relu(z))', 'z > 0 ? 0.1 : 0', { kinks: [0] }],
    ['max(0.1*z, 0) - 0.1*relu(z)', '0', {}],
    ['0.1*z - 0.1*z', '0', {}],
    ['z > 0 ? 0.3*z - 0.3*z : 0', '0', {}],
    ['d/dz(g) - g*(1-g)', '0', sigmoidG],
  ];

  it.each(zeroPairs)('%s equals %s', (a, b, options) => {
    const r = eq(a, b, options);
    expect(r.equal, r.reason).toBe(true);
  });

  // [a, b]: different functions that are tiny, or 0, only near 0 or on part of the line.
  const differentPairs: readonly (readonly [string, string])[] = [
    ['1e-10*z', '0'],
    ['z^2', '0'],
    ['1e-10*z^3', '0'],
    ['d/dz(1e-10*z^2)', '0'],
    ['d/dz(z^3)', '0'],
    ['relu(z)', '0'],
    ['d/dz(0.1*relu(z))', 'z > 0 ? 0.1000001 : 0'],
    ['1 + (-z > z ? -1 : 1)', '1 + (-z > z ? d/dz(-1.000001*z) : 1)'],
    ['1e20 + z - 1e20', 'z'],
    ['1e20 + z - 1e20', '1e20 + 2*z - 1e20'],
  ];

  it.each(differentPairs)('%s does not equal %s', (a, b) => {
    expect(eq(a, b).equal).toBe(false);
    expect(eq(b, a).equal).toBe(false);
  });

  it('reports the first disagreement beside an interval of zeros', () => {
    const r = eq('z > 0 ? 0.1*z - 0.1*z : 1e-9', '0');
    expect(r.equal).toBe(false);
    expect(r.counterexample?.z).toBeLessThan(0);
  });
});
