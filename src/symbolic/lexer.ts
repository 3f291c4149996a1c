import type { ParseError } from './parse-error.ts';

/** Operator tokens after normalisation (`**` → `^`, `−` → `-`, `×`/`·` → `*`, `≤` → `<=`). */
export type Op = '+' | '-' | '*' | '/' | '^' | '<' | '<=' | '>' | '>=' | '?' | ':' | '(' | ')' | ',';

export type Token =
  | {
      readonly type: 'number';
      readonly value: number;
      readonly text: string;
      readonly pos: number;
      readonly end: number;
      readonly spaceBefore: boolean;
    }
  | {
      readonly type: 'name';
      readonly text: string;
      readonly pos: number;
      readonly end: number;
      readonly spaceBefore: boolean;
    }
  | {
      readonly type: 'op';
      readonly text: Op;
      readonly pos: number;
      readonly end: number;
      readonly spaceBefore: boolean;
    }
  | {
      readonly type: 'end';
      readonly text: '';
      readonly pos: number;
      readonly end: number;
      readonly spaceBefore: boolean;
    };

export type LexResult = { ok: true; tokens: Token[] } | { ok: false; error: ParseError };

/** Single characters read as another spelling. Greek letters become the names they stand for. */
const CHAR_OPS: ReadonlyMap<string, Op> = new Map<string, Op>([
  ['+', '+'],
  ['-', '-'],
  ['\u2212', '-'], // − minus sign
  ['\u2013', '-'], // – en dash, what some keyboards produce for minus
  ['*', '*'],
  ['\u00d7', '*'], // ×
  ['\u00b7', '*'], // · middle dot
  ['\u22c5', '*'], // ⋅ dot operator
  ['/', '/'],
  ['\u00f7', '/'], // ÷
  ['^', '^'],
  ['<', '<'],
  ['>', '>'],
  ['\u2264', '<='], // ≤
  ['\u2265', '>='], // ≥
  ['?', '?'],
  [':', ':'],
  ['(', '('],
  [')', ')'],
  [',', ','],
]);

const GREEK: ReadonlyMap<string, string> = new Map([
  ['\u03c3', 'σ'], // σ, an alias of sigmoid (see functions.ts)
  ['\u03c0', 'pi'],
  ['\u03b1', 'alpha'],
  ['\u03b2', 'beta'],
  ['\u03b3', 'gamma'],
  ['\u03bb', 'lambda'],
]);

/** Superscript digits: `z²` reads as `z^2`. */
const SUPERSCRIPTS: ReadonlyMap<string, string> = new Map([
  ['\u00b2', '2'],
  ['\u00b3', '3'],
]);

/** Characters that have no meaning here but a likely intent, with a hint. */
const CHAR_HINTS: ReadonlyMap<string, [message: string, hint: string]> = new Map([
  [
    '=',
    ['an answer is an expression, not an equation', "type only the right-hand side, e.g. 2z rather than f'(z) = 2z"],
  ],
  ["'", ['primes are not part of the answer syntax', "type the derivative itself, not f'(z)"]],
  ['\u2032', ['primes are not part of the answer syntax', "type the derivative itself, not f'(z)"]],
  ['[', ['use round parentheses ( )', 'brackets [ ] and braces { } are not used for grouping here']],
  [']', ['use round parentheses ( )', 'brackets [ ] and braces { } are not used for grouping here']],
  ['{', ['use round parentheses ( )', 'brackets [ ] and braces { } are not used for grouping here']],
  ['}', ['use round parentheses ( )', 'brackets [ ] and braces { } are not used for grouping here']],
  ['|', ['write abs(x) for an absolute value', 'write abs(x) instead of |x|']],
  [
    '\\',
    [
      'TeX commands are not part of the answer syntax',
      'write tanh(z) rather than \\tanh z, and a/b rather than \\frac{a}{b}',
    ],
  ],
]);

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isNameStart = (c: string | undefined): boolean =>
  c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_');
const isNameChar = (c: string | undefined): boolean => isNameStart(c) || isDigit(c);
const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u00a0';

/**
 * Splits answer text into tokens. Positions are 0-based UTF-16 indices into `text`.
 * A number is `12`, `1.5`, `.5`, `5.` or any of those with an exponent `e-3`; `2e` is `2·e` and
 * `2e-3` is 0.002 (scientific notation wins, as on every calculator).
 */
export function tokenize(text: string): LexResult {
  const tokens: Token[] = [];
  let i = 0;
  let spaceBefore = false;
  const fail = (message: string, position: number, hint?: string): LexResult => ({
    ok: false,
    error: hint === undefined ? { message, position } : { message, position, hint },
  });
  while (i < text.length) {
    const c = text.charAt(i);
    if (isSpace(c)) {
      spaceBefore = true;
      i++;
      continue;
    }
    const start = i;
    if (isDigit(c) || (c === '.' && isDigit(text[i + 1]))) {
      while (isDigit(text[i])) i++;
      if (text[i] === '.') {
        i++;
        while (isDigit(text[i])) i++;
      }
      // An exponent only when digits follow: `2e-3` is 0.002 but `2e` and `2e-z` are 2·e….
      if (text[i] === 'e' || text[i] === 'E') {
        const signed = text[i + 1] === '+' || text[i + 1] === '-';
        if (isDigit(text[i + (signed ? 2 : 1)])) {
          i += signed ? 2 : 1;
          while (isDigit(text[i])) i++;
        }
      }
      if (text[i] === '.') {
        return fail(
          `malformed number \`${text.slice(start, i + 1)}\``,
          start,
          'a number has at most one decimal point',
        );
      }
      const literal = text.slice(start, i);
      const value = Number(literal);
      if (!Number.isFinite(value)) return fail(`number \`${literal}\` is too large`, start);
      tokens.push({ type: 'number', value, text: literal, pos: start, end: i, spaceBefore });
    } else if (isNameStart(c)) {
      while (isNameChar(text[i])) i++;
      tokens.push({ type: 'name', text: text.slice(start, i), pos: start, end: i, spaceBefore });
    } else if (c === '*' && text[i + 1] === '*') {
      i += 2;
      tokens.push({ type: 'op', text: '^', pos: start, end: i, spaceBefore });
    } else if ((c === '<' || c === '>') && text[i + 1] === '=') {
      i += 2;
      tokens.push({ type: 'op', text: c === '<' ? '<=' : '>=', pos: start, end: i, spaceBefore });
    } else if (CHAR_OPS.has(c)) {
      i++;
      tokens.push({ type: 'op', text: CHAR_OPS.get(c) ?? '+', pos: start, end: i, spaceBefore });
    } else if (GREEK.has(c)) {
      i++;
      tokens.push({ type: 'name', text: GREEK.get(c) ?? c, pos: start, end: i, spaceBefore });
    } else if (SUPERSCRIPTS.has(c)) {
      i++;
      const digit = SUPERSCRIPTS.get(c) ?? '2';
      tokens.push({ type: 'op', text: '^', pos: start, end: i, spaceBefore });
      tokens.push({ type: 'number', value: Number(digit), text: digit, pos: start, end: i, spaceBefore: false });
    } else {
      const known = CHAR_HINTS.get(c);
      if (known !== undefined) return fail(known[0], start, known[1]);
      // Report a whole code point (emoji are two UTF-16 units) so the message shows the character.
      const shown = String.fromCodePoint(text.codePointAt(i) ?? 0xfffd);
      return fail(`unexpected character \`${shown}\``, start);
    }
    spaceBefore = false;
  }
  tokens.push({ type: 'end', text: '', pos: text.length, end: text.length, spaceBefore });
  return { ok: true, tokens };
}
