/**
 * The grader's fuzz inputs, shared by the test (never throws, never hangs: fuzz.test.ts) and the
 * benchmark (the slowest input against the 50 ms goal: fuzz.bench.ts).
 */
import { mulberry32 } from '../../src/grading/index.ts';
import type { GradeExpressionOptions } from '../../src/grading/index.ts';
import { FUNCTION_TOKENS, OPERATOR_TOKENS } from '../support/language-tokens.ts';

/** Hand-written hostile inputs: prototype names, huge and deep input, overflow, odd Unicode. */
export const HOSTILE: readonly string[] = [
  '__proto__',
  'constructor',
  'constructor.constructor',
  "constructor.constructor('return process')()",
  'toString',
  'toString(z)',
  'valueOf(z)',
  'hasOwnProperty',
  'prototype',
  '__defineGetter__',
  'globalThis',
  'process.exit(1)',
  'require("fs")',
  'eval(z)',
  'Function(z)',
  'this',
  '${z}',
  '`z`',
  '1e999',
  '-1e999',
  '1e308*1e308',
  '0^0',
  '0/0',
  '1/0',
  '(-1)^(1/3)',
  'z^z^z^z',
  'z^z^z^z^z^z^z^z^z^z',
  '10^10^10',
  'exp(exp(exp(exp(z))))',
  'exp(1e308)',
  'sigmoid(1e308*z)',
  'log(0)',
  'sqrt(-z^2-1)',
  'tanh^2(z)',
  'tanh^-1(z)',
  'tanh^z(z)',
  'z?z?z?z:z:z:z',
  'z<z<z',
  'heaviside(0)',
  'max(' + 'z,'.repeat(240) + 'z)',
  'min(' + 'z^2-1,'.repeat(80) + 'z)',
  'abs(z^2-1)+abs(z^3-2)+abs(z^4-3)+abs(z^5-4)+abs(sin(z))',
  'abs(sinh(z)-1)*abs(cosh(z)-2)*abs(tanh(z)-0.5)*abs(erf(z)-0.1)*abs(exp(z)-3)*abs(log(abs(z)+1)-1)*abs(z^3-z)',
  '('.repeat(1000) + 'z' + ')'.repeat(1000),
  '('.repeat(60) + 'z' + ')'.repeat(60),
  '-'.repeat(5000) + 'z',
  '-'.repeat(60) + 'z',
  'z+'.repeat(5000) + 'z',
  'z+'.repeat(249) + 'z',
  'z*'.repeat(249) + 'z',
  'z^'.repeat(60) + 'z',
  'a'.repeat(10000),
  'exp('.repeat(60) + 'z' + ')'.repeat(60),
  'g('.repeat(60) + 'z' + ')'.repeat(60),
  'd/dz(z)',
  '\u0000',
  '\uFEFFz',
  'z\u200B+1',
  '\u202Ez+1',
  'z\u0301',
  '😀',
  'z😀',
  '\uD800',
  'ｚ',
  '∞',
  'NaN',
  'Infinity',
  'undefined',
  'null',
  '',
  ' ',
  '\n\t',
];

const TOKENS = [
  'z',
  'g',
  'a',
  'x',
  '1',
  '2',
  '0',
  '0.5',
  '1e-3',
  '1e308',
  'e',
  'pi',
  ...OPERATOR_TOKENS,
  ...FUNCTION_TOKENS,
  ' ',
  '−',
  '×',
  '·',
  'σ',
  '²',
  '__proto__',
  'constructor',
  'd/dz',
  '.',
  '√',
  '|',
  '=',
  "'",
  '[',
  '\\frac',
];

/** The references the inputs are graded against, in turn. */
export const REFERENCES: readonly [string, GradeExpressionOptions][] = [
  ['g*(1-g)', { define: { g: 'sigmoid(z)' } }],
  ['1 - a^2', { define: { a: 'tanh(z)' } }],
  ['z > 0 ? 1 : 0', {}],
  ['1/(2*sqrt(z))', {}],
];

/** 12,000 inputs: the hostile list, random well-formed expressions, random token strings, random characters, mutated answers. */
export function fuzzInputs(): string[] {
  const random = mulberry32(20261124);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const out = [...HOSTILE];
  const valid = ['g*(1-g)', '1-a^2', 'z>0?1:0', 'exp(-z)/(1+exp(-z))^2', 'sech(z)^2', '1/(2 sqrt(z))'];
  // Random well-formed expressions, so the checker (not only the parser) is fuzzed.
  const FUNCS = [
    'exp',
    'log',
    'sqrt',
    'abs',
    'sign',
    'sinh',
    'cosh',
    'tanh',
    'sech',
    'sigmoid',
    'erf',
    'heaviside',
    'relu',
    'softplus',
    'gelu',
    'mish',
    'relu6',
  ];
  const leaf = (): string => pick(['z', 'g', '1', '2', '0.5', 'e', 'pi', '1e-3', '100']);
  const expr = (depth: number): string => {
    if (depth === 0 || random() < 0.25) return leaf();
    const r = random();
    if (r < 0.45) return `(${expr(depth - 1)})${pick(['+', '-', '*', '/', '^'])}(${expr(depth - 1)})`;
    if (r < 0.8) return `${pick(FUNCS)}(${expr(depth - 1)})`;
    if (r < 0.9) return `${pick(['max', 'min'])}(${expr(depth - 1)}, ${expr(depth - 1)})`;
    return `${expr(depth - 1)} ${pick(['<', '>=', '>'])} ${expr(depth - 1)} ? ${expr(depth - 1)} : ${expr(depth - 1)}`;
  };
  for (let i = 0; i < 3000; i++) out.push(expr(1 + Math.floor(random() * 5)));
  while (out.length < 12_000) {
    const kind = out.length % 3;
    if (kind === 0) {
      const n = 1 + Math.floor(random() * 40);
      out.push(Array.from({ length: n }, () => pick(TOKENS)).join(random() < 0.3 ? ' ' : ''));
    } else if (kind === 1) {
      const n = Math.floor(random() * 30);
      // Printable ASCII mostly, with some arbitrary code points (including lone surrogates).
      out.push(
        Array.from({ length: n }, () =>
          random() < 0.8
            ? String.fromCharCode(32 + Math.floor(random() * 95))
            : String.fromCharCode(Math.floor(random() * 0x10000)),
        ).join(''),
      );
    } else {
      const s = pick(valid).split('');
      const edits = 1 + Math.floor(random() * 4);
      for (let i = 0; i < edits; i++)
        s.splice(Math.floor(random() * (s.length + 1)), random() < 0.5 ? 1 : 0, pick(TOKENS));
      out.push(s.join(''));
    }
  }
  return out;
}
