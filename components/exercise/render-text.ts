/**
 * Exercise text (prompts, hints, solutions, feedback) is plain text with `$inline$` and `$$display$$`
 * TeX and `` `code` `` spans. This turns it into HTML, escaping everything that is not math, with the
 * TeX typeset by the function passed in: KaTeX with the site's build options on the server, KaTeX
 * with `trust: false` in the browser (when a seed changes the numbers).
 */

/** Typesets one TeX string to HTML. */
export type TeXRenderer = (tex: string, displayMode: boolean) => string;

/** One piece of exercise text. */
export type TextSegment =
  { kind: 'text'; text: string } | { kind: 'code'; text: string } | { kind: 'math'; tex: string; display: boolean };

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML content and attribute values. */
export function escapeHTML(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/**
 * Splits text into text, code and math segments. `$$…$$` is display math, `$…$` inline math and
 * `` `…` `` code; `\$` is a literal dollar sign. An unclosed delimiter is kept as text, so a typo
 * shows up on the page rather than swallowing the rest of the sentence.
 */
export function splitText(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let plain = '';
  let i = 0;
  const flush = () => {
    if (plain !== '') segments.push({ kind: 'text', text: plain });
    plain = '';
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '\\' && text[i + 1] === '$') {
      plain += '$';
      i += 2;
      continue;
    }
    if (c === '`') {
      const end = text.indexOf('`', i + 1);
      if (end > i) {
        flush();
        segments.push({ kind: 'code', text: text.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    if (c === '$') {
      const display = text[i + 1] === '$';
      const open = display ? 2 : 1;
      const end = findClosing(text, i + open, display ? '$$' : '$');
      if (end > i) {
        flush();
        segments.push({ kind: 'math', tex: text.slice(i + open, end).trim(), display });
        i = end + open;
        continue;
      }
    }
    plain += c;
    i++;
  }
  flush();
  return segments;
}

/** Index of the closing delimiter, skipping `\$` inside the math; -1 when there is none. */
function findClosing(text: string, from: number, delimiter: string): number {
  for (let j = from; j < text.length; j++) {
    if (text[j] === '\\') {
      j++;
      continue;
    }
    if (text.startsWith(delimiter, j)) return j;
  }
  return -1;
}

/** Renders exercise text to HTML: text escaped, code in `<code>`, math typeset by `tex`. */
export function renderText(text: string, tex: TeXRenderer): string {
  return splitText(text)
    .map((s) => {
      if (s.kind === 'text') return escapeHTML(s.text);
      if (s.kind === 'code') return `<code>${escapeHTML(s.text)}</code>`;
      return tex(s.tex, s.display);
    })
    .join('');
}
