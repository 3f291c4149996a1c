import { describe, expect, it } from 'vitest';
import {
  add,
  call,
  compile,
  compare,
  cond,
  constant,
  derivative,
  div,
  equalTrees,
  MAX_DEPTH,
  MAX_INPUT_LENGTH,
  mul,
  name,
  neg,
  num,
  parse,
  pow,
  sub,
  toText,
} from '../../src/symbolic/index.ts';
import type { Expr, ParseOptions } from '../../src/symbolic/index.ts';

const z = name('z');
const g = name('g');

function tree(text: string, options?: ParseOptions): Expr {
  const r = parse(text, options);
  if (!r.ok) throw new Error(`${text}: ${r.error.message} at ${r.error.position}`);
  return r.tree;
}

describe('parse: valid input, compared with hand-built trees', () => {
  const cases: [string, Expr, ParseOptions?][] = [
    ['2', num(2)],
    ['0.01', num(0.01)],
    ['1e-3', num(0.001)],
    ['2.5E+2', num(250)],
    ['.5', num(0.5)],
    ['5.', num(5)],
    ['z', z],
    ['e', constant('e')],
    ['pi', constant('pi')],
    ['π', constant('pi')],
    ['1+2*3', add(num(1), mul(num(2), num(3)))],
    ['a-b-c', sub(sub(name('a'), name('b')), name('c')), { symbols: ['a', 'b', 'c'] }],
    ['a-(b-c)', sub(name('a'), sub(name('b'), name('c'))), { symbols: ['a', 'b', 'c'] }],
    ['1/2z', mul(div(num(1), num(2)), z)],
    ['2^3^2', pow(num(2), pow(num(3), num(2)))],
    ['2**z', pow(num(2), z)],
    ['-z^2', neg(pow(z, num(2)))],
    ['(-z)^2', pow(neg(z), num(2))],
    ['z^-2', pow(z, neg(num(2)))],
    ['-2z', mul(neg(num(2)), z)],
    ['2*-z', mul(num(2), neg(z))],
    ['--z', neg(neg(z))],
    ['+z', z],
    ['2z', mul(num(2), z)],
    ['0.01 z', mul(num(0.01), z)],
    ['g(1-g)', mul(g, sub(num(1), g)), { symbols: ['g'] }],
    ['2(z+1)', mul(num(2), add(z, num(1)))],
    ['(z+1)(z-1)', mul(add(z, num(1)), sub(z, num(1)))],
    ['z exp(z)', mul(z, call('exp', [z]))],
    ['2e', mul(num(2), constant('e'))],
    ['2e-z', sub(mul(num(2), constant('e')), z)],
    ['2 z^2 g', mul(mul(num(2), pow(z, num(2))), g), { symbols: ['g'] }],
    ['z^2 exp(z)', mul(pow(z, num(2)), call('exp', [z]))],
    ['e^(2z)', pow(constant('e'), mul(num(2), z))],
    ['log(z)', call('log', [z])],
    ['ln(z)', call('log', [z])],
    ['sgn(z)', call('sign', [z])],
    ['σ(z)', call('sigmoid', [z])],
    ['tanh^2(z)', pow(call('tanh', [z]), num(2))],
    ['sech^2(z)', pow(call('sech', [z]), num(2))],
    ['cosh^2 z', pow(call('cosh', [z]), num(2))],
    ['tanh^(2)(z)', pow(call('tanh', [z]), num(2))],
    ['tanh(z)^2', pow(call('tanh', [z]), num(2))],
    ['exp z', call('exp', [z])],
    ['exp z + 1', add(call('exp', [z]), num(1))],
    ['max(0, z)', call('max', [num(0), z])],
    ['max(0, z, 1)', call('max', [num(0), z, num(1)])],
    ['leaky_relu(z, 0.2)', call('leaky_relu', [z, num(0.2)])],
    ['elu(z, alpha)', call('elu', [z, name('alpha')]), { symbols: ['alpha'] }],
    ['z > 0', compare('>', z, num(0))],
    ['z >= 0', compare('>=', z, num(0))],
    ['z ≤ 0', compare('<=', z, num(0))],
    ['z > 0 ? 1 : 0', cond(compare('>', z, num(0)), num(1), num(0))],
    [
      'z > 0 ? 1 : z < 0 ? -1 : 0',
      cond(compare('>', z, num(0)), num(1), cond(compare('<', z, num(0)), neg(num(1)), num(0))),
    ],
    ['z > 0 ? z > 1 ? 2 : 1 : 0', cond(compare('>', z, num(0)), cond(compare('>', z, num(1)), num(2), num(1)), num(0))],
    ['z+1 > 2z ? 1 : 0', cond(compare('>', add(z, num(1)), mul(num(2), z)), num(1), num(0))],
    ['2 − z', sub(num(2), z)],
    ['2 × z', mul(num(2), z)],
    ['2 · z', mul(num(2), z)],
    ['z²', pow(z, num(2))],
    ['  z\t+\n1 ', add(z, num(1))],
    ['x^2', pow(name('x'), num(2)), { variable: 'x' }],
    ['d/dz(z^2)', derivative('z', pow(z, num(2))), { derivatives: true }],
    ['2 d/dz(tanh(z))', mul(num(2), derivative('z', call('tanh', [z]))), { derivatives: true }],
  ];
  it.each(cases)('%s', (text, expected, options) => {
    const t = tree(text, options);
    expect(equalTrees(t, expected), `${toText(t)} vs ${toText(expected)}`).toBe(true);
  });

  it('keeps the original text of numbers', () => {
    const t = tree('.5');
    expect(t.kind === 'number' && t.text).toBe('.5');
  });

  it('returns frozen (immutable) nodes', () => {
    const t = tree('1 + tanh(z)');
    expect(Object.isFrozen(t)).toBe(true);
    expect(t.kind === 'add' && Object.isFrozen(t.right)).toBe(true);
    expect(t.kind === 'add' && t.right.kind === 'call' && Object.isFrozen(t.right.args)).toBe(true);
  });

  it('accepts every function in the table with its declared arity', async () => {
    const { functionList } = await import('../../src/symbolic/index.ts');
    for (const f of functionList) {
      const args = Array.from({ length: f.minArgs }, () => 'z').join(', ');
      const r = parse(`${f.name}(${args})`);
      expect(r.ok, f.name).toBe(true);
    }
  });
});

describe('parse: pasted and hand-written notation reads as the plain syntax', () => {
  const same: [pasted: string, plain: string, symbols?: string[]][] = [
    ['g\u2009(1\u2009\u2212\u2009g)', 'g*(1-g)', ['g']],
    ['\ufeffz\u200b+1', 'z+1'],
    ['\uff08z\uff0b1\uff09', '(z+1)'],
    ['z\u00b2 + z\u2074 + z\u207b\u00b9', 'z^2 + z^4 + z^(-1)'],
    ['\u221az + \u221a(2\u03c0)', 'sqrt(z) + sqrt(2*pi)'],
    ['|z| + 2|z - 1|', 'abs(z) + 2*abs(z - 1)'],
    ['e^{-z}', 'e^(-z)'],
    ['\\frac{e^{-z}}{1+e^{-z}}', '(e^(-z))/(1+e^(-z))'],
    ['\\sigma(z) \\cdot \\left(1-\\sigma(z)\\right)', 'sigmoid(z)*(1-sigmoid(z))'],
    ['\\max\\{0, z\\}', 'max(0, z)'],
    ['max{0,z}', 'max(0,z)'],
    ['\u{1d70e}(z)', 'sigmoid(z)'],
    ['sigma(z)', 'sigmoid(z)'],
    ['\u212f^z', 'e^z'],
    ['H(z) + step(z) + u(z)', 'heaviside(z)*3'],
    ['z > 0 && z < 1 ? 1 : 0', '(z > 0 ? (z < 1 ? 1 : 0) : 0) ? 1 : 0'],
    ['z < 0 || z > 1 ? 1 : 0', '(z < 0 ? 1 : z > 1 ? 1 : 0) ? 1 : 0'],
    // TeX's one-digit arguments, as the lessons write them (\tfrac12, \tfrac14), and fractions from a phone keyboard.
    ['\\frac12 + \\tfrac14 z', '1/2 + z/4'],
    ['\\dfrac{1}{2} + \\frac14', '1/2 + 1/4'],
    ['\u00bd + z/4', '1/2 + z/4'],
    ['\u00bcz + \u00be', 'z/4 + 3/4'],
    ['2\u00b7\u2153 - \u2154', '2*(1/3) - 2/3'],
    ['z^\u00bd', 'z^(1/2)'],
  ];
  it.each(same)('%j reads as %j', (pasted, plain, symbols = []) => {
    const a = parse(pasted, { symbols });
    const b = parse(plain, { symbols });
    if (!a.ok) throw new Error(`${pasted}: ${a.error.message}`);
    if (!b.ok) throw new Error(`${plain}: ${b.error.message}`);
    for (const z of [-2.5, -0.5, 0.25, 0.75, 3]) {
      const scope = { z, g: 0.3 };
      const [x, y] = [compile(a.tree)(scope), compile(b.tree)(scope)];
      if (Number.isNaN(y)) expect(x).toBeNaN();
      else expect(x).toBeCloseTo(y, 12);
    }
  });
  it('lets a declared symbol shadow an alias (u as a symbol, sigma as a parameter)', () => {
    const r = parse('u*sigma', { symbols: ['u', 'sigma'] });
    expect(r.ok && toText(r.tree)).toBe('u*sigma');
  });
  it('gives unknown names a code and the name, so callers never read the message', () => {
    const r = parse('2x');
    expect(r.ok ? undefined : [r.error.code, r.error.name]).toEqual(['unknown-name', 'x']);
  });
});

describe('parse: invalid input gives a position, a message and often a hint', () => {
  const cases: [text: string, position: number, message: RegExp, hint?: RegExp | undefined, options?: ParseOptions][] =
    [
      ['', 0, /empty/],
      ['   ', 0, /empty/],
      ['(z+1', 0, /unbalanced parenthesis/, /\)/],
      ['2*(z+(1)', 2, /unbalanced parenthesis/],
      ['z+1)', 3, /unbalanced parenthesis/],
      ['()', 0, /empty parentheses/],
      ['z+', 2, /ends too early/],
      ['z+*2', 2, /expected a number, name or `\(` after `\+`, found `\*`/],
      ['*z', 0, /expected a number/],
      ['x', 0, /unknown name `x`/, /`z`/],
      ['g(1-g)', 0, /unknown name `g`/],
      ['2 y', 2, /unknown name `y`/],
      ['zexp(z)', 0, /unknown name `zexp`/, /z\*exp/],
      ['sin(z)', 0, /unknown function `sin`/, /not used in this course/],
      ['foo(z)', 0, /unknown function `foo`/],
      ['__proto__', 0, /unknown name `__proto__`/],
      ['constructor', 0, /unknown name `constructor`/],
      ['toString(z)', 0, /unknown function `toString`/],
      ['hasOwnProperty(z)', 0, /unknown function `hasOwnProperty`/],
      ['valueOf', 0, /unknown name `valueOf`/],
      ['z + prototype', 4, /unknown name `prototype`/],
      ['e^2z', 3, /ambiguous exponent/, /e\^\(2z\) or e\^2\*z/],
      ['e^-z(1-z)', 4, /ambiguous exponent/],
      ['z 2', 2, /number cannot follow/, /z\*2/],
      ['(z+1)2', 5, /number cannot follow/],
      ['tanh^-1(z)', 4, /inverse function/, /1\/tanh\(z\)/],
      ['tanh^(-1)(z)', 4, /inverse function/],
      ['tanh^z(z)', 4, /power after the argument/],
      ['exp z^2', 4, /parentheses/, /exp\(z\)/],
      ['exp -z', 4, /parentheses/],
      ['exp', 3, /parentheses/],
      ['tanh z(1-z)', 5, /parentheses/],
      ['exp()', 4, /needs an argument/],
      ['sqrt(z, 2)', 0, /takes 1 argument, not 2/, /sqrt\(x\)/],
      ['max(z)', 0, /at least 2 arguments/],
      ['leaky_relu(z, 1, 2)', 0, /1 or 2 arguments, not 3/],
      ['1.2.3', 0, /malformed number/],
      ['1e999', 0, /too large/],
      ['0,5', 1, /unexpected `,`/, /0\.5/],
      ['z, 1', 1, /unexpected `,`/, /function arguments/],
      ["f'(z) = 2z", 1, /primes/],
      ['y = 2z', 2, /not an equation/],
      ['[z]', 0, /round parentheses/],
      ['|z', 0, /never closed/],
      ['z|', 2, /ends too early/],
      ['\\frac{1}z', 0, /two braced groups/],
      // 1½ is a mixed number to one reader and 1·½ to another.
      ['1\u00bd', 1, /mixed number/, /3\/2/],
      ['\\mathbb{R}', 0, /TeX command `\\mathbb`/],
      ['z\u202e', 1, /right-to-left override \(U\+202E\)/],
      ['z @ 1', 2, /unexpected character `@`/],
      ['z 😀', 2, /unexpected character `😀`/],
      ['z < 1 < 2', 6, /cannot be chained/],
      ['z > 0 ? 1', 9, /expected `:`/],
      ['z > 0 : 1', 6, /without a `\?`/],
      ['? 1 : 0', 0, /expected a number/],
      ['z^', 2, /exponent/],
      ['d/dz(z^2)', 0, /not part of an answer/],
      ['d/dx(z^2)', 0, /expected d\/dz/, /respect to z/, { derivatives: true }],
      ['d/dz z', 0, /expected d\/dz/, undefined, { derivatives: true }],
      ['z', 0, /invalid parse option: name `exp` is a function name/, undefined, { symbols: ['exp'] }],
      ['z', 0, /invalid parse option: name `__proto__`/, undefined, { symbols: ['__proto__'] }],
      ['z', 0, /invalid parse option: name `e` is a constant/, undefined, { symbols: ['e'] }],
      ['z', 0, /both the variable and a symbol/, undefined, { symbols: ['z'] }],
      ['z', 0, /not an identifier/, undefined, { variable: '1x' }],
    ];
  it.each(cases)('%j', (text, position, message, hint, options) => {
    const r = parse(text, options);
    if (!r.ok) expect(r.error.code).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toMatch(message);
    expect(r.error.position).toBe(position);
    if (hint !== undefined) expect(r.error.hint).toMatch(hint);
    expect(r.error.position).toBeGreaterThanOrEqual(0);
    expect(r.error.position).toBeLessThanOrEqual(Math.max(text.length, MAX_INPUT_LENGTH));
  });

  it('never resolves names through object properties', () => {
    for (const hostile of [
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      'valueOf',
      '__defineGetter__',
      'isPrototypeOf',
    ]) {
      for (const text of [hostile, `${hostile}(z)`, `z*${hostile}`, `2 ${hostile}`]) {
        const r = parse(text);
        expect(r.ok, text).toBe(false);
        if (!r.ok) expect(r.error.message, text).toContain(`\`${hostile}\``);
      }
    }
  });
});

describe('parse: limits', () => {
  it(`accepts ${MAX_INPUT_LENGTH} characters and refuses ${MAX_INPUT_LENGTH + 1}`, () => {
    const ok = `z${'+z'.repeat((MAX_INPUT_LENGTH - 1) / 2)}`.padEnd(MAX_INPUT_LENGTH, ' ');
    expect(ok).toHaveLength(MAX_INPUT_LENGTH);
    expect(parse(ok).ok).toBe(true);
    const r = parse(`${ok}1`);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toMatch(/too long \(501 characters, at most 500\)/);
      expect(r.error.position).toBe(MAX_INPUT_LENGTH);
    }
  });

  it('refuses very long input before reading it (a hang guard, not a benchmark)', () => {
    const start = performance.now();
    const r = parse('('.repeat(1_000_000));
    expect(r.ok).toBe(false);
    // Refused by its length, at the limit: no token of the million was read.
    if (!r.ok) expect(r.error.position).toBe(MAX_INPUT_LENGTH);
    // Generous: only a hang (tokenising a million parentheses recursively) comes near it.
    expect(performance.now() - start).toBeLessThan(2_000);
  });

  it.each([
    ['parentheses', (n: number) => `${'('.repeat(n)}z${')'.repeat(n)}`],
    ['unary minus', (n: number) => `${'-'.repeat(n)}z`],
    ['exponents', (n: number) => `z${'^z'.repeat(n)}`],
    ['function calls', (n: number) => `${'tanh('.repeat(n)}z${')'.repeat(n)}`],
    ['piecewise branches', (n: number) => `${'z>0?1:'.repeat(n)}0`],
  ])('nesting of %s: 60 levels parse, 70 are refused with a clear message', (_kind, make) => {
    expect(parse(make(60)).ok).toBe(true);
    const r = parse(make(70));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe(`the expression is nested too deeply (more than ${MAX_DEPTH} levels)`);
  });
});
