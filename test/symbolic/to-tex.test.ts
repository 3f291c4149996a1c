import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { call, changedNodes, constant, div, mul, name, num, parse, pow, sub, toTeX } from '../../src/symbolic/index.ts';
import type { Expr, ParseOptions } from '../../src/symbolic/index.ts';

const options: ParseOptions = { symbols: ['g', 'a', 'b', 'c', 'alpha', 'beta', 'lambda', 'x_1', 'rate'] };

function tree(text: string, o: ParseOptions = options): Expr {
  const r = parse(text, o);
  if (!r.ok) throw new Error(`${text}: ${r.error.message}`);
  return r.tree;
}

/**
 * Typesets with the site's strict settings; throws on any KaTeX error or strictness warning.
 * KaTeX's `strict: 'error'` also refuses `\htmlClass` (error code `htmlExtension`) even when
 * `trust` admits it, so highlighted TeX needs `strict` as a function that lets that one code
 * through; everything else is still an error.
 */
function typeset(tex: string): string {
  return katex.renderToString(tex, {
    displayMode: true,
    throwOnError: true,
    strict: tex.includes('\\htmlClass') ? (code: string) => (code === 'htmlExtension' ? 'ignore' : 'error') : 'error',
    trust: (context) => context.command === '\\htmlClass',
  });
}

const golden: [text: string, tex: string][] = [
  // The examples of the brief.
  ['1/(1+exp(-z))', '\\frac{1}{1+e^{-z}}'],
  ['exp(-z)/(1+exp(-z))^2', '\\frac{e^{-z}}{\\left(1+e^{-z}\\right)^{2}}'],
  ['2*z', '2z'],
  ['g*(1-g)', 'g\\left(1-g\\right)'],
  ['2*3', '2 \\cdot 3'],
  ['sigmoid(z)', '\\sigma(z)'],
  ['tanh(z)^2', '\\tanh^{2}(z)'],
  ['tanh^2(z)', '\\tanh^{2}(z)'],
  ['alpha', '\\alpha'],
  ['beta', '\\beta'],
  ['lambda', '\\lambda'],
  ['pi', '\\pi'],
  ['sqrt(z)', '\\sqrt{z}'],
  ['abs(z)', '\\lvert z\\rvert'],
  ['z > 0 ? 1 : 0', '\\begin{cases} 1 & z > 0 \\\\ 0 & \\text{otherwise} \\end{cases}'],
  ['z > 0 ? 1 : z < -1 ? -1 : 0', '\\begin{cases} 1 & z > 0 \\\\ -1 & z < -1 \\\\ 0 & \\text{otherwise} \\end{cases}'],
  ['a-(b-c)', 'a-\\left(b-c\\right)'],
  ['a-b-c', 'a-b-c'],
  ['(-z)^2', '\\left(-z\\right)^{2}'],
  ['-z^2', '-z^{2}'],
  ['exp(z)', 'e^{z}'],
  ['exp(-z^2/2)', '\\exp\\left(\\frac{-z^{2}}{2}\\right)'],
  // More.
  ['z exp(z)', 'ze^{z}'],
  ['(z+1)(z-1)', '\\left(z+1\\right)\\left(z-1\\right)'],
  ['2(z+1)', '2\\left(z+1\\right)'],
  ['0.01 z', '0.01z'],
  ['.5z', '0.5z'],
  ['1e-3', '10^{-3}'],
  ['2.5e3', '2.5 \\times 10^{3}'],
  ['z*2', 'z \\cdot 2'],
  ['2*(1/z)', '2 \\cdot \\frac{1}{z}'],
  ['z*(-2)', 'z\\left(-2\\right)'],
  ['z + -1', 'z+\\left(-1\\right)'],
  ['z - (-1)', 'z-\\left(-1\\right)'],
  ['-(z+1)', '-\\left(z+1\\right)'],
  ['-(-z)', '-\\left(-z\\right)'],
  ['-2z', '-2z'],
  ['a+(b+c)', 'a+b+c'],
  ['a*(b*c)', 'abc'],
  ['alpha*z', '\\alpha z'],
  ['beta z exp(-beta z)', '\\beta ze^{-\\beta z}'],
  ['lambda alpha', '\\lambda\\alpha'],
  ['x_1 + rate', 'x_{1}+\\mathit{rate}'],
  ['e^z', 'e^{z}'],
  ['2^z', '2^{z}'],
  ['z^(1/2)', 'z^{\\frac{1}{2}}'],
  ['(z^2)^3', '\\left(z^{2}\\right)^{3}'],
  ['(1/z)^2', '\\left(\\frac{1}{z}\\right)^{2}'],
  ['exp(z)^2', '\\left(e^{z}\\right)^{2}'],
  ['sigmoid(z)^2', '\\sigma^{2}(z)'],
  ['sigmoid(z)(1-sigmoid(z))', '\\sigma(z)\\left(1-\\sigma(z)\\right)'],
  ['sech(z)^2', '\\operatorname{sech}^{2}(z)'],
  ['cosh^2 z', '\\cosh^{2}(z)'],
  ['1 - tanh(z)^2', '1-\\tanh^{2}(z)'],
  ['tanh(z)^0.5', '\\tanh(z)^{0.5}'],
  ['sqrt(z)^2', '\\sqrt{z}^{2}'],
  ['abs(1/z)', '\\left\\lvert \\frac{1}{z}\\right\\rvert'],
  ['tanh(1/z)', '\\tanh\\left(\\frac{1}{z}\\right)'],
  ['log(z)', '\\ln(z)'],
  ['ln(1+exp(z))', '\\ln(1+e^{z})'],
  ['sign(z)', '\\operatorname{sign}(z)'],
  ['erf(z/sqrt(2))', '\\operatorname{erf}\\left(\\frac{z}{\\sqrt{2}}\\right)'],
  ['max(0, z)', '\\max(0, z)'],
  ['min(z, 6)', '\\min(z, 6)'],
  ['heaviside(z)', 'H(z)'],
  ['relu(z)', '\\operatorname{ReLU}(z)'],
  ['leaky_relu(z, 0.2)', '\\operatorname{LeakyReLU}(z, 0.2)'],
  ['gelu_tanh(z)', '\\operatorname{GELU}_{\\tanh}(z)'],
  ['relu6(z)', '\\operatorname{ReLU6}(z)'],
  ['0.5 z (1 + erf(z/sqrt(2)))', '0.5z\\left(1+\\operatorname{erf}\\left(\\frac{z}{\\sqrt{2}}\\right)\\right)'],
  ['z >= 0', 'z \\ge 0'],
  ['z <= 0', 'z \\le 0'],
  ['(z > 0) * z', '\\left(z > 0\\right)z'],
  ['2 (z > 0 ? 1 : 0)', '2\\left(\\begin{cases} 1 & z > 0 \\\\ 0 & \\text{otherwise} \\end{cases}\\right)'],
  [
    'z > 0 ? (z > 1 ? 2 : 1) : 0',
    '\\begin{cases} \\begin{cases} 2 & z > 1 \\\\ 1 & \\text{otherwise} \\end{cases} & z > 0 \\\\ 0 & \\text{otherwise} \\end{cases}',
  ],
  [
    'z > 0 ? z : alpha (exp(z) - 1)',
    '\\begin{cases} z & z > 0 \\\\ \\alpha\\left(e^{z}-1\\right) & \\text{otherwise} \\end{cases}',
  ],
  ['1/sqrt(2 pi) exp(-z^2/2)', '\\frac{1}{\\sqrt{2\\pi}}\\exp\\left(\\frac{-z^{2}}{2}\\right)'],
];

describe('toTeX: golden cases', () => {
  it.each(golden)('%s → %s', (text, tex) => {
    expect(toTeX(tree(text))).toBe(tex);
  });

  it('KaTeX refuses \\htmlClass under the plain strict: error setting (why typeset() relaxes one code)', () => {
    expect(() =>
      katex.renderToString('\\htmlClass{changed}{z}', { throwOnError: true, strict: 'error', trust: () => true }),
    ).toThrow(/htmlExtension/);
  });

  it.each(golden)('%s typesets with KaTeX (strict)', (text) => {
    expect(typeset(toTeX(tree(text)))).toContain('katex');
  });

  it('prints derivative nodes', () => {
    const t = tree('d/dz(sigmoid(z))', { derivatives: true });
    const tex = toTeX(t);
    expect(tex).toBe('\\frac{d}{dz}\\left(\\sigma(z)\\right)');
    expect(typeset(tex)).toContain('katex');
  });

  it('prints numbers built without source text and long exponents', () => {
    expect(toTeX(num(1e-7))).toBe('10^{-7}');
    expect(toTeX(num(1.5e21))).toBe('1.5 \\times 10^{21}');
    expect(toTeX(pow(constant('e'), mul(num(2), name('z'))))).toBe('e^{2z}');
    expect(toTeX(call('exp', [div(name('z'), num(2))]))).toBe('\\exp\\left(\\frac{z}{2}\\right)');
    const long = tree('exp(alpha beta lambda z + alpha beta)');
    expect(toTeX(long)).toMatch(/^\\exp\\left\(/);
  });
});

describe('toTeX: options', () => {
  it('uses symbolTeX for chosen names', () => {
    const t = tree('g(1-g)');
    expect(toTeX(t, { symbolTeX: { g: 'g(z)' } })).toBe('g(z)\\left(1-g(z)\\right)');
    // Not fooled by prototype names.
    expect(toTeX(tree('z'), { symbolTeX: {} })).toBe('z');
  });

  it('wraps highlighted nodes in \\htmlClass{changed}', () => {
    const before = tree('exp(-z)/(1+exp(-z))^2');
    const after = tree('exp(-z)/(1+exp(-z))^3');
    const highlight = changedNodes(before, after);
    const tex = toTeX(after, { highlight });
    expect(tex).toBe('\\frac{e^{-z}}{\\left(1+e^{-z}\\right)^{\\htmlClass{changed}{3}}}');
    expect(typeset(tex)).toContain('changed');
  });

  it.each([
    ['tanh(z)^2', 'sigmoid(z)^2'],
    ['2z', '3z'],
    ['2z', '2*(z+1)'],
    ['z > 0 ? 1 : z < 0 ? -1 : 0', 'z > 0 ? 1 : z < 0 ? -2 : 0'],
    ['z > 0 ? 1 : 0', 'z > 0 ? 1 : z < 0 ? -1 : 0'],
    ['sigmoid(z)(1-sigmoid(z))', 'g(1-g)'],
    ['exp(z)', 'exp(2z)'],
    ['a - b', 'a - -b'],
    ['1/(1+exp(-z))', '(1+exp(-z))^(-1)'],
  ])('highlighted TeX for %s → %s typesets', (a, b) => {
    const next = tree(b);
    const highlight = changedNodes(tree(a), next);
    expect(highlight.size).toBeGreaterThan(0);
    const tex = toTeX(next, { highlight });
    expect(tex).toContain('\\htmlClass{changed}{');
    expect(typeset(tex)).toContain('changed');
  });

  it('highlights a power base without breaking the superscript', () => {
    const base = call('tanh', [name('z')]);
    const t = pow(base, num(2));
    const tex = toTeX(t, { highlight: new Set<Expr>([base]) });
    expect(tex).toBe('{\\htmlClass{changed}{\\tanh(z)}}^{2}');
    expect(typeset(tex)).toContain('changed');
    const minus = sub(num(1), t);
    expect(typeset(toTeX(minus, { highlight: new Set<Expr>([t]) }))).toContain('changed');
  });
});
