import type { ParseError } from './parse-error.ts';

/** Operator tokens after normalisation (`**` → `^`, `−` → `-`, `×`/`·` → `*`, `≤` → `<=`, `{` → `(`). */
export type Op =
  '+' | '-' | '*' | '/' | '^' | '<' | '<=' | '>' | '>=' | '?' | ':' | '(' | ')' | ',' | '|' | '&&' | '||';

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
      /** Written as a TeX command (`\frac`, `\sqrt`). */
      readonly tex?: boolean;
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

/** Single characters read as another spelling (after folding, see `fold`). */
const CHAR_OPS: ReadonlyMap<string, Op> = new Map<string, Op>([
  ['+', '+'],
  ['-', '-'],
  ['*', '*'],
  ['\u00d7', '*'], // ×
  ['\u00b7', '*'], // · middle dot
  ['\u22c5', '*'], // ⋅ dot operator
  ['\u2219', '*'], // ∙ bullet operator
  ['\u2217', '*'], // ∗ asterisk operator
  ['/', '/'],
  ['\u00f7', '/'], // ÷
  ['\u2044', '/'], // ⁄ fraction slash
  ['\u2215', '/'], // ∕ division slash
  ['^', '^'],
  ['<', '<'],
  ['>', '>'],
  ['\u2264', '<='], // ≤
  ['\u2265', '>='], // ≥
  ['?', '?'],
  [':', ':'],
  ['(', '('],
  [')', ')'],
  // Braces group as parentheses: TeX-ish `e^{-z}`, `max{0, z}`.
  ['{', '('],
  ['}', ')'],
  [',', ','],
  ['|', '|'],
]);

/** Every spelling of a minus or hyphen a keyboard, a PDF or a web page produces. */
const MINUS_SIGNS: ReadonlySet<string> = new Set([
  '\u2212', // − minus sign
  '\u2010', // ‐ hyphen
  '\u2011', // ‑ non-breaking hyphen
  '\u2012', // ‒ figure dash
  '\u2013', // – en dash
  '\u2014', // — em dash
  '\u2015', // ― horizontal bar
  '\ufe63', // ﹣ small hyphen-minus
  '\uff0d', // － full-width hyphen-minus
]);

/** Greek letters become the names they stand for. */
const GREEK: ReadonlyMap<string, string> = new Map([
  ['\u03c3', 'σ'], // σ, an alias of sigmoid (see functions.ts)
  ['\u03c0', 'pi'],
  ['\u03b1', 'alpha'],
  ['\u03b2', 'beta'],
  ['\u03b3', 'gamma'],
  ['\u03bb', 'lambda'],
]);

/** Superscript digits and signs: `z²`, `z⁴`, `z⁻¹` read as `z^2`, `z^4`, `z^(-1)`. */
const SUPERSCRIPTS: ReadonlyMap<string, string> = new Map([
  ['\u2070', '0'],
  ['\u00b9', '1'],
  ['\u00b2', '2'],
  ['\u00b3', '3'],
  ['\u2074', '4'],
  ['\u2075', '5'],
  ['\u2076', '6'],
  ['\u2077', '7'],
  ['\u2078', '8'],
  ['\u2079', '9'],
  ['\u207b', '-'],
  ['\u207a', '+'],
]);

/** Vulgar fractions (a phone keyboard's ½, the lessons' ¼): read as the parenthesised quotient `(1/2)`. */
const VULGAR_FRACTIONS: ReadonlyMap<string, readonly [number, number]> = new Map([
  ['\u00bd', [1, 2]],
  ['\u2153', [1, 3]],
  ['\u2154', [2, 3]],
  ['\u00bc', [1, 4]],
  ['\u00be', [3, 4]],
  ['\u2155', [1, 5]],
  ['\u2156', [2, 5]],
  ['\u2157', [3, 5]],
  ['\u2158', [4, 5]],
  ['\u2159', [1, 6]],
  ['\u215a', [5, 6]],
  ['\u215b', [1, 8]],
  ['\u215c', [3, 8]],
  ['\u215d', [5, 8]],
  ['\u215e', [7, 8]],
]);

/** Spaces of every width, read as a space. */
const SPACES: ReadonlySet<string> = new Set([
  ' ',
  '\t',
  '\n',
  '\r',
  '\u00a0', // no-break space
  '\u2000',
  '\u2001',
  '\u2002', // en space
  '\u2003', // em space
  '\u2004',
  '\u2005',
  '\u2006',
  '\u2007', // figure space
  '\u2008',
  '\u2009', // thin space
  '\u200a', // hair space
  '\u202f', // narrow no-break space
  '\u205f', // medium mathematical space
  '\u3000', // ideographic space
  '\u2028',
  '\u2029',
]);

/** Invisible characters a paste carries along that change nothing a reader sees: dropped. */
const DROPPED: ReadonlySet<string> = new Set([
  '\u200b', // zero-width space
  '\u200c', // zero-width non-joiner
  '\u200d', // zero-width joiner
  '\u2060', // word joiner
  '\ufeff', // byte-order mark / zero-width no-break space
  '\u00ad', // soft hyphen
  '\u2061', // function application
  '\u2062', // invisible times
  '\u2063', // invisible separator
]);

/** Invisible characters that cannot be read (they change what the text shows), named for the message. */
const INVISIBLE_NAMES: ReadonlyMap<number, string> = new Map([
  [0x200e, 'a left-to-right mark'],
  [0x200f, 'a right-to-left mark'],
  [0x061c, 'an Arabic letter mark'],
  [0x202a, 'a left-to-right embedding'],
  [0x202b, 'a right-to-left embedding'],
  [0x202c, 'a pop-directional-formatting mark'],
  [0x202d, 'a left-to-right override'],
  [0x202e, 'a right-to-left override'],
  [0x2066, 'a left-to-right isolate'],
  [0x2067, 'a right-to-left isolate'],
  [0x2068, 'a first-strong isolate'],
  [0x2069, 'a pop-directional-isolate mark'],
  [0x0000, 'a null character'],
]);

/** The description of an invisible or combining code point, or undefined for a visible one. */
function invisibleName(cp: number): string | undefined {
  const known = INVISIBLE_NAMES.get(cp);
  if (known !== undefined) return known;
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) return 'a control character';
  if ((cp >= 0x0300 && cp <= 0x036f) || (cp >= 0x1ab0 && cp <= 0x1aff) || (cp >= 0x20d0 && cp <= 0x20ff))
    return 'a combining mark';
  if (cp >= 0xfe00 && cp <= 0xfe0f) return 'a variation selector';
  if (cp >= 0xe0000 && cp <= 0xe007f) return 'a tag character';
  return undefined;
}

/** `U+202E`. */
const codePointText = (cp: number): string => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** TeX commands read as an operator, a space, nothing, or a name. Others are refused by name. */
const TEX_OPS: ReadonlyMap<string, Op> = new Map<string, Op>([
  ['cdot', '*'],
  ['times', '*'],
  ['ast', '*'],
  ['div', '/'],
  ['le', '<='],
  ['leq', '<='],
  ['ge', '>='],
  ['geq', '>='],
  ['lt', '<'],
  ['gt', '>'],
  ['lvert', '|'],
  ['rvert', '|'],
  ['vert', '|'],
]);
const TEX_IGNORED: ReadonlySet<string> = new Set([
  'left',
  'right',
  'big',
  'Big',
  'bigg',
  'Bigg',
  'bigl',
  'bigr',
  'Bigl',
  'Bigr',
  'displaystyle',
  'quad',
  'qquad',
]);
const TEX_NAMES: ReadonlyMap<string, string> = new Map([
  ['frac', 'frac'],
  ['dfrac', 'frac'],
  ['tfrac', 'frac'],
  ['sqrt', 'sqrt'],
  ['exp', 'exp'],
  ['ln', 'ln'],
  ['log', 'log'],
  ['tanh', 'tanh'],
  ['sinh', 'sinh'],
  ['cosh', 'cosh'],
  ['max', 'max'],
  ['min', 'min'],
  ['sigma', 'σ'],
  ['pi', 'pi'],
  ['alpha', 'alpha'],
  ['beta', 'beta'],
  ['gamma', 'gamma'],
  ['lambda', 'lambda'],
  ['operatorname', ''],
  ['mathrm', ''],
]);

/** Characters that have no meaning here but a likely intent, with a hint. */
const CHAR_HINTS: ReadonlyMap<string, [code: string, message: string, hint: string]> = new Map([
  [
    '=',
    [
      'equation',
      'an answer is an expression, not an equation',
      "type only the right-hand side, e.g. 2z rather than f'(z) = 2z",
    ],
  ],
  ["'", ['prime', 'primes are not part of the answer syntax', "type the derivative itself, not f'(z)"]],
  ['\u2032', ['prime', 'primes are not part of the answer syntax', "type the derivative itself, not f'(z)"]],
  ['[', ['bracket', 'use round parentheses ( )', 'square brackets [ ] are not used for grouping here']],
  [']', ['bracket', 'use round parentheses ( )', 'square brackets [ ] are not used for grouping here']],
]);

/** One character of the folded text and where it came from in the original (UTF-16 index and length). */
interface Unit {
  readonly ch: string;
  readonly pos: number;
  readonly len: number;
}

/**
 * The text as the lexer reads it: each code point folded to the character it stands for —
 * full-width forms to ASCII (`（` → `(`, `ｚ` → `z`), mathematical alphanumerics and letterlike
 * symbols to their letter (`𝜎` → `σ`, `ℯ` → `e`), every minus and dash to `-`, every width of space
 * to a space; zero-width characters and the byte-order mark dropped. Positions stay those of the
 * original text.
 */
function fold(text: string): Unit[] {
  const units: Unit[] = [];
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i) ?? 0;
    const len = cp > 0xffff ? 2 : 1;
    const raw = text.slice(i, i + len);
    let ch = raw;
    if (MINUS_SIGNS.has(raw)) ch = '-';
    else if (SPACES.has(raw)) ch = ' ';
    else if (cp >= 0xff01 && cp <= 0xff5e) ch = String.fromCharCode(cp - 0xfee0);
    else if ((cp >= 0x1d400 && cp <= 0x1d7ff) || (cp >= 0x2100 && cp <= 0x214f)) {
      const nfkc = raw.normalize('NFKC');
      if (nfkc.length === 1) ch = nfkc;
    }
    if (!DROPPED.has(raw)) units.push({ ch, pos: i, len });
    i += len;
  }
  return units;
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isNameStart = (c: string | undefined): boolean =>
  c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_');
const isNameChar = (c: string | undefined): boolean => isNameStart(c) || isDigit(c);
const isLetter = (c: string | undefined): boolean =>
  c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));

/**
 * Splits answer text into tokens. Positions are 0-based UTF-16 indices into `text`.
 * A number is `12`, `1.5`, `.5`, `5.` or any of those with an exponent `e-3`; `2e` is `2·e` and
 * `2e-3` is 0.002 (scientific notation wins, as on every calculator).
 *
 * Pasted and hand-written notation is read as typed (see `fold`): `√` is `sqrt`, a run of
 * superscripts an exponent (`z⁻¹` → `z^(-1)`), `|` a bar of `|z|` (the parser pairs them), `&&`
 * and `||` logical and/or, braces parentheses, and the TeX commands a formula copied from a page
 * carries: `\frac{a}{b}`, `\sqrt{z}`, `\sigma`, `\cdot`, `\times`, `\left(`…`\right)`, `\exp`,
 * `\tanh`, `\pi`, `\{`…`\}`, and the spacing commands `\,` `\;` `\!`. An invisible character that
 * changes what the text shows (a bidirectional control, a combining mark, a control character) is
 * refused by name and code point: "a right-to-left override (U+202E)".
 */
export function tokenize(text: string): LexResult {
  const units = fold(text);
  const tokens: Token[] = [];
  const at = (k: number): string | undefined => units[k]?.ch;
  const posOf = (k: number): number => units[k]?.pos ?? text.length;
  const endOf = (k: number): number => {
    const u = units[k - 1];
    return u === undefined ? 0 : u.pos + u.len;
  };
  const word = (from: number, to: number): string =>
    units
      .slice(from, to)
      .map((u) => u.ch)
      .join('');
  let i = 0;
  let spaceBefore = false;
  const fail = (code: string, message: string, position: number, hint?: string): LexResult => ({
    ok: false,
    error: hint === undefined ? { code, message, position } : { code, message, position, hint },
  });
  const push = (token: Token): void => {
    tokens.push(token);
    spaceBefore = false;
  };
  const op = (o: Op, from: number, to: number): void =>
    push({ type: 'op', text: o, pos: posOf(from), end: endOf(to), spaceBefore });
  while (i < units.length) {
    const c = at(i) ?? '';
    const start = i;
    if (c === ' ') {
      spaceBefore = true;
      i++;
      continue;
    }
    if (isDigit(c) || (c === '.' && isDigit(at(i + 1)))) {
      while (isDigit(at(i))) i++;
      if (at(i) === '.') {
        i++;
        while (isDigit(at(i))) i++;
      }
      // An exponent only when digits follow: `2e-3` is 0.002 but `2e` and `2e-z` are 2·e….
      if (at(i) === 'e' || at(i) === 'E') {
        const signed = at(i + 1) === '+' || at(i + 1) === '-';
        if (isDigit(at(i + (signed ? 2 : 1)))) {
          i += signed ? 2 : 1;
          while (isDigit(at(i))) i++;
        }
      }
      if (at(i) === '.') {
        return fail(
          'malformed-number',
          `malformed number \`${word(start, i + 1)}\``,
          posOf(start),
          'a number has at most one decimal point',
        );
      }
      const literal = word(start, i);
      const value = Number(literal);
      if (!Number.isFinite(value)) return fail('number-too-large', `number \`${literal}\` is too large`, posOf(start));
      push({ type: 'number', value, text: literal, pos: posOf(start), end: endOf(i), spaceBefore });
    } else if (isNameStart(c)) {
      while (isNameChar(at(i))) i++;
      push({ type: 'name', text: word(start, i), pos: posOf(start), end: endOf(i), spaceBefore });
    } else if (c === '\\') {
      // A TeX command: `\` and letters, or `\` and one other character (`\,`, `\{`).
      i++;
      if (isLetter(at(i))) {
        while (isLetter(at(i))) i++;
      } else if (at(i) !== undefined) {
        i++;
      }
      const command = word(start + 1, i);
      const asOp = TEX_OPS.get(command);
      const asName = TEX_NAMES.get(command);
      if (command === '{' || command === '}') op(command === '{' ? '(' : ')', start, i);
      else if (command === '|') op('|', start, i);
      else if (command === ',' || command === ';' || command === ':' || command === '!' || command === ' ')
        spaceBefore = true;
      else if (asOp !== undefined) op(asOp, start, i);
      else if (TEX_IGNORED.has(command)) continue;
      else if (asName === '') {
        // `\operatorname{ReLU}`, `\mathrm{e}`: the braced name that follows is read as a name.
        if (at(i) === '{') {
          let j = i + 1;
          while (isNameChar(at(j))) j++;
          if (at(j) === '}' && j > i + 1) {
            push({
              type: 'name',
              text: word(i + 1, j).toLowerCase(),
              pos: posOf(start),
              end: endOf(j + 1),
              spaceBefore,
            });
            i = j + 1;
            continue;
          }
        }
        return fail('tex-command', `the TeX command \`\\${command}\` needs a name in braces`, posOf(start));
      } else if (asName !== undefined) {
        push({ type: 'name', text: asName, pos: posOf(start), end: endOf(i), spaceBefore, tex: true });
        // TeX takes one digit as an argument: `\frac12` is \frac{1}{2}, as the lessons write \tfrac12.
        if (asName === 'frac' && isDigit(at(i)) && isDigit(at(i + 1))) {
          for (const k of [i, i + 1]) {
            const digit = at(k) ?? '';
            op('(', k, k + 1);
            push({ type: 'number', value: Number(digit), text: digit, pos: posOf(k), end: endOf(k + 1), spaceBefore });
            op(')', k, k + 1);
          }
          i += 2;
        }
      } else {
        return fail(
          'tex-command',
          `the TeX command \`\\${command}\` is not part of the answer syntax`,
          posOf(start),
          'write tanh(z) rather than \\tanh z, and a/b rather than \\frac{a}{b}',
        );
      }
    } else if (c === '*' && at(i + 1) === '*') {
      i += 2;
      op('^', start, i);
    } else if ((c === '<' || c === '>') && at(i + 1) === '=') {
      i += 2;
      op(c === '<' ? '<=' : '>=', start, i);
    } else if (c === '&' && at(i + 1) === '&') {
      i += 2;
      op('&&', start, i);
    } else if (c === '|' && at(i + 1) === '|') {
      i += 2;
      op('||', start, i);
    } else if (VULGAR_FRACTIONS.has(c)) {
      const [top, bottom] = VULGAR_FRACTIONS.get(c) ?? [0, 1];
      if (tokens.at(-1)?.type === 'number') {
        return fail(
          'mixed-number',
          `a number before \`${c}\` reads as a mixed number to some and as a product to others`,
          posOf(start),
          `write 1${c} as ${String(top + bottom)}/${String(bottom)} (or 1 + ${String(top)}/${String(bottom)}), and 2·${c} with a \`*\``,
        );
      }
      i++;
      op('(', start, i);
      push({ type: 'number', value: top, text: String(top), pos: posOf(start), end: endOf(i), spaceBefore });
      op('/', start, i);
      push({ type: 'number', value: bottom, text: String(bottom), pos: posOf(start), end: endOf(i), spaceBefore });
      op(')', start, i);
    } else if (c === '\u221a') {
      // √z, √(2π): the square root, its argument as for any function.
      i++;
      push({ type: 'name', text: 'sqrt', pos: posOf(start), end: endOf(i), spaceBefore });
    } else if (CHAR_OPS.has(c)) {
      i++;
      op(CHAR_OPS.get(c) ?? '+', start, i);
    } else if (GREEK.has(c)) {
      i++;
      push({ type: 'name', text: GREEK.get(c) ?? c, pos: posOf(start), end: endOf(i), spaceBefore });
    } else if (SUPERSCRIPTS.has(c)) {
      while (SUPERSCRIPTS.has(at(i) ?? '')) i++;
      const run = word(start, i)
        .split('')
        .map((s) => SUPERSCRIPTS.get(s) ?? '')
        .join('');
      const sign = run[0] === '-' || run[0] === '+' ? run[0] : '';
      const digits = sign === '' ? run : run.slice(1);
      if (!/^[0-9]+$/.test(digits)) {
        return fail(
          'superscript',
          'a superscript exponent must be digits, like z² or z⁻¹',
          posOf(start),
          'or write z^(…)',
        );
      }
      const pos = posOf(start);
      const end = endOf(i);
      const exponent: Token = { type: 'number', value: Number(digits), text: digits, pos, end, spaceBefore: false };
      tokens.push({ type: 'op', text: '^', pos, end, spaceBefore });
      if (sign === '-') {
        tokens.push({ type: 'op', text: '(', pos, end, spaceBefore: false });
        tokens.push({ type: 'op', text: '-', pos, end, spaceBefore: false });
        tokens.push(exponent);
        tokens.push({ type: 'op', text: ')', pos, end, spaceBefore: false });
      } else {
        tokens.push(exponent);
      }
      spaceBefore = false;
    } else {
      const known = CHAR_HINTS.get(c);
      if (known !== undefined) return fail(known[0], known[1], posOf(start), known[2]);
      const cp = text.codePointAt(posOf(start)) ?? 0xfffd;
      const invisible = invisibleName(cp);
      if (invisible !== undefined) {
        return fail(
          'invisible-character',
          `${invisible} (${codePointText(cp)}) cannot be read here`,
          posOf(start),
          'delete it: retype the expression or paste it as plain text',
        );
      }
      // Report a whole code point (emoji are two UTF-16 units) so the message shows the character.
      return fail(
        'unexpected-character',
        `unexpected character \`${String.fromCodePoint(cp)}\` (${codePointText(cp)})`,
        posOf(start),
      );
    }
  }
  tokens.push({ type: 'end', text: '', pos: text.length, end: text.length, spaceBefore });
  return { ok: true, tokens };
}
