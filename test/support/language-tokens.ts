/** The fuzzers' alphabet from the answer syntax, written once for the parser's and the grader's fuzz tests. */
import { functionList } from '../../src/symbolic/index.ts';

/** Operators and punctuation of the answer syntax. */
export const OPERATOR_TOKENS: readonly string[] = [
  '+',
  '-',
  '*',
  '/',
  '^',
  '**',
  '(',
  ')',
  ',',
  '?',
  ':',
  '<',
  '<=',
  '>',
  '>=',
];

/** Every function of the language and its aliases, from the table. */
export const FUNCTION_TOKENS: readonly string[] = functionList.flatMap((f) => [f.name, ...(f.aliases ?? [])]);
