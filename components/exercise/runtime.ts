/**
 * Everything an exercise needs once the student starts on it: the graders, the parser and printer
 * for the live preview, KaTeX, and the progress store. Loaded with a dynamic `import()` on the first
 * focus, pointer or key press inside an exercise, so a lesson page loads none of it up front.
 */
import katex from 'katex';
import { parse, toTeX } from '../../src/symbolic/index.ts';
import { renderText } from './render-text.ts';

export { gradeExercise, type ExerciseResponse, type ExerciseVerdict } from './grade-exercise.ts';
export { DEFAULT_SEED, instantiate } from './instantiate.ts';
export { progressStore, showProgressNotices } from './progress-client.ts';

/**
 * KaTeX for anything typeset in the browser. `trust: false` and small `maxExpand`/`maxSize`: the
 * preview typesets TeX printed from the student's parse tree (never their raw text), and these
 * limits keep even that harmless.
 */
const browserKatex = {
  trust: false,
  maxExpand: 100,
  maxSize: 10,
  throwOnError: false,
  output: 'htmlAndMathml',
} as const;

/** Exercise text (with `$TeX$`) to HTML, typeset in the browser. */
export function richText(text: string): string {
  return renderText(text, (tex, displayMode) => katex.renderToString(tex, { ...browserKatex, displayMode }));
}

/** What the live preview shows. */
export type PreviewState = { kind: 'empty' } | { kind: 'ok' } | { kind: 'error'; message: string };

/**
 * Live preview: parses `text` exactly as the grader will (the same symbol handling), prints the
 * tree to TeX and typesets it into `target`. On a parse error it shows the message and a caret
 * under the offending character instead.
 */
export function renderPreview(text: string, target: HTMLElement, symbols: readonly string[]): PreviewState {
  if (text.trim() === '') {
    target.replaceChildren();
    return { kind: 'empty' };
  }
  // As the grader reads it: `g(z)` for a symbol g is g.
  const parsed = parse(text, { symbols, functionsOfVariable: symbols });
  if (parsed.ok) {
    const math = document.createElement('span');
    katex.render(toTeX(parsed.tree), math, { ...browserKatex, displayMode: false });
    target.replaceChildren(math);
    return { kind: 'ok' };
  }
  const { message, position, hint } = parsed.error;
  const line = document.createElement('pre');
  line.className = 'preview-caret';
  line.textContent = `${text}\n${' '.repeat(Math.min(position, text.length))}^`;
  const note = document.createElement('p');
  note.className = 'preview-error';
  note.textContent = `${message}${hint === undefined ? '' : ` (${hint})`}`;
  target.replaceChildren(line, note);
  return { kind: 'error', message };
}
