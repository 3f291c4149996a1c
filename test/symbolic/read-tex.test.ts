import { describe, expect, it } from 'vitest';
import { equivalent } from '../../src/grading/equivalent.ts';
import { call, equalTrees, name, parse, readTeX, splitTeX, toText } from '../../src/symbolic/index.ts';
import type { Expr, TeXDefinition, TeXReadOptions } from '../../src/symbolic/index.ts';

const options: TeXReadOptions = {
  parameters: ['alpha', 'beta', 'lambda'],
  definitions: new Map<string, TeXDefinition>([
    ['a', { tree: call('sigmoid', [name('z')]), isFunction: false }],
    ['g', { tree: call('tanh', [name('z')]), isFunction: true }],
  ]),
};
const params = { alpha: 0.3, beta: 1.5, lambda: 1.2 };

function answer(text: string): Expr {
  const r = parse(text, { symbols: ['alpha', 'beta', 'lambda'] });
  if (!r.ok) throw new Error(`${text}: ${r.error.message}`);
  return r.tree;
}

// TeX the lessons write, and the same function in the answer syntax.
const valid: [tex: string, expected: string][] = [
  ['\\frac{1}{1 + e^{-z}}', '1/(1+exp(-z))'],
  ['\\dfrac{e^{-z}}{(1 + e^{-z})^{2}}', 'exp(-z)/(1+exp(-z))^2'],
  ['\\tfrac12', '0.5'],
  ['\\tfrac14 - \\left(a - \\tfrac12\\right)^{2}', '1/4 - (sigmoid(z) - 1/2)^2'],
  ['\\sigma(z)\\bigl(1 - \\sigma(z)\\bigr)', 'sigmoid(z)*(1-sigmoid(z))'],
  ["\\sigma'(z)", 'sigmoid(z)*(1-sigmoid(z))'],
  ["\\sigma'(2)", 'sigmoid(2)*(1-sigmoid(2))'],
  ['\\sigma^{\\prime}(z)', 'sigmoid(z)*(1-sigmoid(z))'],
  ["\\tanh'(z)", '1 - tanh(z)^2'],
  ['\\tanh^{2}(z)', 'tanh(z)^2'],
  ['\\tanh z', 'tanh(z)'],
  ['\\tanh 0', '0'],
  ['\\operatorname{sech}^{2} z', 'sech(z)^2'],
  ['2\\sigma(2z) - 1', '2*sigmoid(2*z) - 1'],
  ['4 \\cdot 3', '12'],
  ['4.2 \\times 10^{-18}', '4.2e-18'],
  ['\\max(0, z)', 'max(0, z)'],
  ['\\min\\bigl(\\max(0, z), 6\\bigr)', 'min(max(0,z),6)'],
  ['\\operatorname{ReLU}(z)', 'relu(z)'],
  ['\\operatorname{ReLU6}(z + 3)/6', 'relu6(z+3)/6'],
  ['\\operatorname{LeakyReLU}(z)', 'leaky_relu(z, alpha)'],
  ['\\operatorname{GELU}_{\\tanh}(z)', 'gelu_tanh(z)'],
  ['\\operatorname{Mish}(z)', 'mish(z)'],
  ['\\lvert z\\rvert', 'abs(z)'],
  ['\\frac{z}{1 + |z|}', 'z/(1+abs(z))'],
  ['\\left\\lvert z - 1\\right\\rvert', 'abs(z-1)'],
  ['\\alpha\\left(e^{z} - 1\\right)', 'alpha*(exp(z)-1)'],
  ['\\lambda \\alpha e^{z}', 'lambda*alpha*exp(z)'],
  ['z\\,\\sigma(\\beta z)', 'z*sigmoid(beta*z)'],
  ['\\sqrt{2/\\pi}\\left(z + 0.044715\\,z^{3}\\right)', 'sqrt(2/pi)*(z + 0.044715*z^3)'],
  ['\\frac{z}{\\sqrt{2\\pi}}e^{-z^{2}/2}', 'z/sqrt(2*pi)*exp(-z^2/2)'],
  ['\\Phi(z)', '(1 + erf(z/sqrt(2)))/2'],
  ['\\varphi(z)', 'exp(-z^2/2)/sqrt(2*pi)'],
  ['a(1 - a)', 'sigmoid(z)*(1-sigmoid(z))'],
  ['g(2z)', 'tanh(2*z)'],
  ["g'(z)", '1 - tanh(z)^2'],
  ['g', 'tanh(z)'],
  ['\\begin{cases} z & z > 0 \\\\ \\alpha z & z \\le 0 \\end{cases}', 'z > 0 ? z : alpha*z'],
  ['\\begin{cases} 1 & -3 < z < 3 \\\\ 0 & \\text{otherwise} \\end{cases}', '(z > -3)*(z < 3) ? 1 : 0'],
  ['\\begin{cases} 1 & 0 < z < 6 \\\\ 0 & z < 0 \\text{ or } z > 6 \\end{cases}', '(z > 0)*(z < 6) ? 1 : 0'],
  ['\\begin{cases} 0 & |z| > 3 \\\\ 1 & \\text{otherwise} \\end{cases}', 'abs(z) > 3 ? 0 : 1'],
  ['−z · 2', '-z*2'],
  // A function whose bracket mentions it bare is a product with its value; composition stays composition.
  ['\\sigma(1 - \\sigma)', 'sigmoid(z)*(1-sigmoid(z))'],
  ['\\sigma(\\sigma(z))', 'sigmoid(sigmoid(z))'],
  ['g(1 - g)', 'tanh(z)*(1-tanh(z))'],
  ['\\ln \\sigma(z)', 'log(sigmoid(z))'],
  ['\\ln\\dfrac{1 + z^2}{2}', 'log((1 + z^2)/2)'],
  ['\\ln\\sqrt{2}', 'log(sqrt(2))'],
  ['\\frac{d}{dz}\\,\\alpha(e^{z} - 1)', 'alpha*exp(z)'],
  ['\\frac{d}{dz}(1 + e^{-z})', '-exp(-z)'],
  ['H(z)', 'heaviside(z)'],
  ["a'", 'sigmoid(z)*(1-sigmoid(z))'],
  ['\\begin{cases} z & z > 0 \\\\ 0 & z \\le 0. \\end{cases}', 'relu(z)'],
];

describe('readTeX: the TeX the lessons write', () => {
  it.each(valid)('%s', (tex, expected) => {
    const r = readTeX(tex, options);
    if (!r.ok) throw new Error(`${r.error.code} at ${String(r.error.position)}: ${r.error.message}`);
    const verdict = equivalent(r.tree, answer(expected), { params });
    expect(verdict.reason).toBeUndefined();
    expect(verdict.equal).toBe(true);
  });

  it('reads a cases without otherwise as undefined where no row applies', () => {
    const r = readTeX('\\begin{cases} 1 & z > 0 \\\\ 0 & z < 0 \\end{cases}');
    expect(r.ok).toBe(true);
    if (r.ok) expect(equivalent(answer('heaviside(z)'), r.tree).equal).toBe(true);
  });
});

// Symbols the reader does not know are reported with a code and the position of the symbol.
const invalid: [tex: string, code: string, position: number][] = [
  ['\\frac{\\partial L}{\\partial z}', 'unknown-command', 6],
  ['w x + b', 'unknown-symbol', 0],
  ['\\alpha z', 'unknown-symbol', 0],
  ['2 + y', 'unknown-symbol', 4],
  ['\\operatorname{Foo}(z)', 'unknown-function', 0],
  ['\\sum_i z', 'unknown-command', 0],
  ['\\left(z + 1', 'unbalanced', 11],
  ['\\frac{1}{2', 'unbalanced', 10],
  ['z +', 'unexpected-end', 3],
  ['z \\text{ for all } z', 'text', 2],
  ['\\tanh^{-1}(z)', 'unsupported', 5],
  ['\\sqrt[3]{z}', 'unsupported', 0],
  ["(z + 1)'", 'unsupported', 7],
  ['', 'empty', 0],
  ['z \\', 'unexpected-end', 2],
  ['\\begin{matrix} 1 \\end{matrix}', 'unsupported', 0],
  ['\\begin{cases} 1 & \\text{sometimes} \\end{cases}', 'text', 18],
];

describe('readTeX: what it refuses', () => {
  it.each(invalid)('%s → %s at %i', (tex, code, position) => {
    const r = readTeX(tex);
    expect(r.ok).toBe(false);
    if (!r.ok) expect({ code: r.error.code, position: r.error.position }).toEqual({ code, position });
  });

  it('adds the offset to positions', () => {
    const r = readTeX('2 + y', { offset: 10 });
    expect(r.ok ? -1 : r.error.position).toBe(14);
  });

  it('never throws on arbitrary text', () => {
    for (const tex of [
      '\\',
      '{',
      '}',
      '^',
      '\\left',
      '\\begin{cases}',
      '&',
      '\\frac',
      '|',
      '\\frac{1}',
      '\\operatorname{',
    ]) {
      expect(() => readTeX(tex, options)).not.toThrow();
      expect(readTeX(tex, options).ok).toBe(false);
    }
  });
});

describe('splitTeX: statements and relations', () => {
  const cases: [tex: string, sides: string[][], ops: string[][], conditions: boolean[]][] = [
    [
      'g(z) = \\sigma(z) = \\frac{1}{1 + e^{-z}}.',
      [['g(z)', '\\sigma(z)', '\\frac{1}{1 + e^{-z}}']],
      [['=', '=']],
      [false],
    ],
    ['0 < g \\le \\tfrac14', [['0', 'g', '\\tfrac14']], [['<', '≤']], [false]],
    ["\\sigma'(40) \\approx 4.2 \\times 10^{-18}", [["\\sigma'(40)", '4.2 \\times 10^{-18}']], [['≈']], [false]],
    ['\\max(0, z)', [['\\max(0, z)']], [[]], [false]],
    [
      '\\tfrac{z}{2}(1 + \\tanh u),\\quad u = z',
      [['\\tfrac{z}{2}(1 + \\tanh u)'], ['u', 'z']],
      [[], ['=']],
      [false, false],
    ],
    [
      "g' = g + \\alpha \\text{ for } z \\le 0",
      [
        ["g'", 'g + \\alpha'],
        ['z', '0'],
      ],
      [['='], ['≤']],
      [false, true],
    ],
    [
      '\\begin{cases} 1 & z > 0 \\\\ 0 & z < 0 \\end{cases} = H(z)',
      [['\\begin{cases} 1 & z > 0 \\\\ 0 & z < 0 \\end{cases}', 'H(z)']],
      [['=']],
      [false],
    ],
  ];
  it('cuts a statement at a relation it does not check, and lists it', () => {
    const r = splitTeX("\\tanh' = 1 - \\tanh^{2} \\to 0, \\quad \\sigma(0) = \\tfrac12");
    if (!r.ok) throw new Error(r.error.message);
    expect(r.statements.map((s) => s.sides.map((x) => x.tex))).toEqual([
      ["\\tanh'", '1 - \\tanh^{2}'],
      ['\\sigma(0)', '\\tfrac12'],
    ]);
    expect(r.unchecked).toEqual(['\\to']);
    const limit = splitTeX('z \\to \\infty');
    expect(limit.ok && limit.statements.length === 1 && limit.unchecked).toEqual(['\\to']);
  });

  it.each(cases)('%s', (tex, sides, ops, conditions) => {
    const r = splitTeX(tex);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.statements.map((s) => s.sides.map((x) => x.tex))).toEqual(sides);
    expect(r.statements.map((s) => s.ops)).toEqual(ops);
    expect(r.statements.map((s) => s.condition)).toEqual(conditions);
    for (const s of r.statements) for (const side of s.sides) expect(tex.slice(side.start, side.end)).toBe(side.tex);
  });

  it.each([
    ['= z', 'unexpected', 0],
    ['z =', 'unexpected-end', 3],
    ['(z', 'unbalanced', 2],
    ['z)', 'unbalanced', 1],
  ])('%s → %s', (tex, code, position) => {
    const r = splitTeX(tex);
    expect(r.ok ? undefined : { code: r.error.code, position: r.error.position }).toEqual({ code, position });
  });
});

describe('readTeX with vectors (the `indexed` option)', () => {
  const indexed = { vectors: ['z', 's', 'y'], indices: ['i', 'j', 'k'] };
  const syntax = (text: string): Expr => {
    // The answer syntax wants a sum's index undeclared, and one variable to differentiate by.
    const bound = [...text.matchAll(/sum\((\w)/g)].map((m) => m[1]);
    const indices = indexed.indices.filter((i) => !bound.includes(i));
    const variable = /d\/d(z_\w)/.exec(text)?.[1] ?? 'z_j';
    const r = parse(text, { indexed: { vectors: indexed.vectors, indices }, variable, derivatives: true });
    if (!r.ok) throw new Error(`${text}: ${r.error.message}`);
    return r.tree;
  };

  // The TeX of lesson 9 and the same tree in the indexed answer syntax (src/symbolic/indexed.ts).
  it.each([
    ['\\sum_{k=1}^{n} e^{z_k}', 'sum(k, 1, n, e^(z_k))'],
    ['\\sum_k e^{z_k}', 'sum(k, 1, n, e^(z_k))'],
    ['\\sum_{i=2}^{n} s_{i}', 'sum(i, 2, n, s_i)'],
    ['\\delta_{ij}', 'delta(i, j)'],
    ['\\delta_{i,j}', 'delta(i, j)'],
    ['s_i', 's_i'],
    ['y_1', 'y_1'],
    ['\\frac{\\partial s_i}{\\partial z_j}', 'd/dz_j(s_i)'],
    ['\\partial s_1 / \\partial z_2', 'd/dz_2(s_1)'],
    ['\\frac{\\partial}{\\partial z_j} \\ln s_k', 'd/dz_j(log(s_k))'],
    ['s_i(\\delta_{ij} - s_j)', 's_i*(delta(i, j) - s_j)'],
    ['\\dfrac{e^{z_i}}{\\sum_{k=1}^{n} e^{z_k}}', 'e^(z_i)/sum(k, 1, n, e^(z_k))'],
    ['e^{z_i} / \\sum_k e^{z_k}', 'e^(z_i)/sum(k, 1, n, e^(z_k))'],
    // The body of a sum is the product after it, up to the next + or −.
    ['-\\sum_k y_k \\ln s_k', '-sum(k, 1, n, y_k*log(s_k))'],
    ['-y_j + s_j \\sum_k y_k', '-y_j + s_j*sum(k, 1, n, y_k)'],
    ['\\sum_k y_k - 1', 'sum(k, 1, n, y_k) - 1'],
    // `\sum_{i \ne j}` leaves the term i = j out.
    ['\\sum_{i \\ne j} s_i', 'sum(i, 1, n, (1 - delta(i, j))*s_i)'],
  ])('%s', (tex, text) => {
    const r = readTeX(tex, { indexed });
    if (!r.ok) throw new Error(`${tex}: ${r.error.message}`);
    expect(equalTrees(r.tree, syntax(text)), toText(r.tree)).toBe(true);
  });

  it.each([
    ['z_q', 'unknown-index', 0],
    ['\\delta_{iq}', 'unknown-index', 9],
    ['\\sum_n z_n', 'sum-index', 5],
    ['\\sum_k \\sum_k z_k', 'sum-index', 12],
    ['\\sum z_k', 'sum-syntax', 0],
    ['\\sum_k', 'sum-syntax', 6],
    // By a scalar, `\partial` stays unread, as without vectors (a lesson's `\partial L / \partial z`).
    ['\\partial s_i / \\partial z', 'unknown-command', 0],
    ['\\frac{\\partial s_i}{\\partial w}', 'unknown-command', 6],
  ])('%s → %s at %i', (tex, code, position) => {
    const r = readTeX(tex, { indexed });
    expect(r.ok ? undefined : { code: r.error.code, position: r.error.position }).toEqual({ code, position });
  });

  it('reads none of it without the option (the other lessons are read as before)', () => {
    for (const [tex, code] of [
      ['\\sum_k e^{z_k}', 'unknown-command'],
      ['\\delta_{ij}', 'unknown-symbol'],
      ['s_i', 'unknown-symbol'],
      ['\\partial s_i / \\partial z_j', 'unknown-command'],
    ] as const) {
      const r = readTeX(tex);
      expect(r.ok ? 'read' : r.error.code, tex).toBe(code);
    }
  });

  it('never throws on broken indexed TeX', () => {
    for (const tex of ['\\sum_{', '\\sum_{k=', '\\delta_{', '\\delta_', '\\frac{\\partial', '\\partial s_i /', 'z_{']) {
      const r = readTeX(tex, { indexed });
      expect(r.ok, tex).toBe(false);
    }
  });
});
