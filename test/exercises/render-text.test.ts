import { describe, expect, it } from 'vitest';
import katex from 'katex';
import { escapeHTML, renderText, splitText } from '../../components/exercise/render-text.ts';
import { katexOptions } from '../../src/build/katex-options.ts';
import { loadExercises } from './load-exercises.ts';

const fake = (tex: string, display: boolean) => `[${display ? 'D' : 'I'}:${tex}]`;

describe('splitText', () => {
  it.each([
    ['plain', [{ kind: 'text', text: 'plain' }]],
    [
      'a $x^2$ b',
      [
        { kind: 'text', text: 'a ' },
        { kind: 'math', tex: 'x^2', display: false },
        { kind: 'text', text: ' b' },
      ],
    ],
    ['$$ y $$', [{ kind: 'math', tex: 'y', display: true }]],
    [
      'type `g(1-g)`',
      [
        { kind: 'text', text: 'type ' },
        { kind: 'code', text: 'g(1-g)' },
      ],
    ],
    ['costs \\$5', [{ kind: 'text', text: 'costs $5' }]],
    ['unclosed $x', [{ kind: 'text', text: 'unclosed $x' }]],
    ['$a \\$ b$', [{ kind: 'math', tex: 'a \\$ b', display: false }]],
  ])('%j', (text, expected) => {
    expect(splitText(text)).toEqual(expected);
  });
});

describe('renderText', () => {
  it('escapes text and code but passes math to the renderer', () => {
    expect(renderText('<b>&</b> $a<b$ `x<y`', fake)).toBe('&lt;b&gt;&amp;&lt;/b&gt; [I:a<b] <code>x&lt;y</code>');
    expect(escapeHTML(`"'`)).toBe('&quot;&#39;');
  });

  it('typesets every text field of every exercise with the strict build options', () => {
    const tex = (t: string, displayMode: boolean) => katex.renderToString(t, { ...katexOptions, displayMode });
    for (const { exercise } of loadExercises()) {
      const texts = [exercise.prompt, exercise.solution, ...exercise.hints];
      if (exercise.kind === 'choice') texts.push(...exercise.choices.flatMap((c) => [c.text, c.feedback]));
      if (exercise.kind === 'expression') texts.push(...exercise.mistakes.map((m) => m.feedback));
      for (const text of texts) expect(() => renderText(text, tex), `${exercise.id}: ${text}`).not.toThrow();
      if (exercise.kind === 'order')
        for (const step of exercise.steps) expect(() => tex(step, false), `${exercise.id}: ${step}`).not.toThrow();
    }
  });
});
