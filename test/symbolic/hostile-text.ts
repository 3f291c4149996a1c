/**
 * Hostile text for the parser, shared by the fuzz test (never throws, never hangs: fuzz.test.ts)
 * and the benchmark (the slowest parse against the 50 ms goal: parse.bench.ts).
 */
import fc from 'fast-check';
import { FUNCTION_TOKENS, OPERATOR_TOKENS } from '../support/language-tokens.ts';

/** Fragments of the language and of likely hostile or mistaken input. */
export const fragments = [
  'z',
  'g',
  'alpha',
  'e',
  'pi',
  'x',
  'd',
  'dz',
  '1',
  '0.5',
  '.5',
  '1e',
  '1e-3',
  '2e-',
  '..',
  '9'.repeat(400),
  ...OPERATOR_TOKENS,
  '=',
  '==',
  '!',
  '|',
  '\\',
  ...FUNCTION_TOKENS,
  'tanh^2',
  'tanh^-1',
  ' ',
  '\t',
  '\n',
  '−',
  '×',
  '·',
  '²',
  'π',
  'α',
  '😀',
  '\u0000',
  '\ud800',
  '\u202e',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'eval',
  'Function',
  'process',
  'require',
  'import',
  '${',
  '`',
  "'",
  '"',
  '<script>',
  '[',
  ']',
  '{',
  '}',
  '/dz(',
  'd/dz(',
];

/** Random, binary and token-built strings, and deep nesting up to 400 levels. */
export const hostile = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.array(fc.constantFrom(...fragments), { maxLength: 40 }).map((parts) => parts.join('')),
  fc.array(fc.constantFrom(...fragments), { maxLength: 12 }).map((parts) => parts.join(' ')),
  fc
    .tuple(fc.constantFrom('(', '-', 'tanh(', 'z^', 'z>0?1:'), fc.integer({ min: 0, max: 400 }))
    .map(([s, n]) => s.repeat(n)),
);
