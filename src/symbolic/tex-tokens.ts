import type { TeXReadError } from './tex-read-error.ts';

/**
 * One token of the TeX the lessons write: a control word or symbol (`\frac`, `\,`), a number
 * (`0.044715`), a single letter, or one other character (`(`, `^`, `'`, `&`). `position` is the
 * 0-based UTF-16 index of its first character in the text handed to {@link tokenizeTeX}.
 */
export interface TeXToken {
  readonly kind: 'command' | 'number' | 'letter' | 'char';
  readonly text: string;
  readonly position: number;
}

/** Unicode a lesson may type instead of a command, mapped to the command's token. */
const UNICODE: ReadonlyMap<string, TeXToken['text']> = new Map([
  ['−', '-'],
  ['·', '\\cdot'],
  ['×', '\\times'],
  ['′', "'"],
  ['≈', '\\approx'],
  ['≤', '\\le'],
  ['≥', '\\ge'],
  ['≠', '\\ne'],
  ['σ', '\\sigma'],
  ['α', '\\alpha'],
  ['β', '\\beta'],
  ['λ', '\\lambda'],
  ['π', '\\pi'],
]);

/** Spacing that changes nothing in the mathematics (`\quad` is kept: it separates statements). */
const SPACING: ReadonlySet<string> = new Set(['\\,', '\\;', '\\:', '\\!', '\\ ', '~', '\\displaystyle', '\\textstyle']);

/**
 * Splits TeX into tokens, dropping white space and spacing commands. Never throws: a stray
 * backslash at the end is an error with code `unexpected-end`.
 */
export function tokenizeTeX(
  tex: string,
): { readonly ok: true; readonly tokens: readonly TeXToken[] } | { readonly ok: false; readonly error: TeXReadError } {
  const tokens: TeXToken[] = [];
  let i = 0;
  while (i < tex.length) {
    const c = tex[i] ?? '';
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '\\') {
      const word = /^\\[A-Za-z]+/.exec(tex.slice(i));
      const text = word !== null ? word[0] : tex.slice(i, i + 2);
      if (text.length < 2) {
        return { ok: false, error: { code: 'unexpected-end', message: 'a backslash ends the formula', position: i } };
      }
      if (!SPACING.has(text)) tokens.push({ kind: 'command', text, position: i });
      i += text.length;
      continue;
    }
    const number = /^(?:\d+(?:\.\d+)?|\.\d+)/.exec(tex.slice(i));
    if (number !== null) {
      tokens.push({ kind: 'number', text: number[0], position: i });
      i += number[0].length;
      continue;
    }
    if (SPACING.has(c)) {
      i++;
      continue;
    }
    const mapped = UNICODE.get(c);
    if (mapped !== undefined) {
      tokens.push({ kind: mapped.startsWith('\\') ? 'command' : 'char', text: mapped, position: i });
    } else {
      tokens.push({ kind: /^[A-Za-z]$/.test(c) ? 'letter' : 'char', text: c, position: i });
    }
    i++;
  }
  return { ok: true, tokens };
}
