import katex from 'katex';
import { katexOptions } from '../../src/build/katex-options.ts';
import { ruleLabels } from '../../src/content/derivation-schema.ts';
import type { Derivation, DerivationRule, DerivationStep } from '../../src/content/derivation-schema.ts';
import { changedNodes, parse, toTeX } from '../../src/symbolic/index.ts';
import type { Expr, IndexedOptions } from '../../src/symbolic/index.ts';

/**
 * Pure helpers shared by `Derivation.astro` (the page) and `test/lessons/derivations.test.ts` (the
 * check), so that both read a step through the same parse: what the page prints is what was checked.
 */

/** A step with its parsed expression tree. */
export interface ParsedStep {
  readonly step: DerivationStep;
  /** 1-based position, as shown on the page ("Step 3"). */
  readonly number: number;
  readonly tree: Expr;
}

/** Everything the page shows for one step. */
export interface StepView {
  readonly id: string;
  /** The element id and URL hash: `<derivation-id>-<step-id>`. */
  readonly anchor: string;
  readonly number: number;
  readonly rule: DerivationRule;
  readonly ruleLabel: string;
  /** The TeX printed from the step's tree, with the changed part wrapped in `\htmlClass{changed}{…}`. */
  readonly tex: string;
  /** KaTeX HTML (with MathML) of `tex`, in display mode. */
  readonly mathHtml: string;
  /** True when part of the expression (not all of it) is highlighted as changed. */
  readonly highlighted: boolean;
  /** The note and the "why?" text as HTML, with `$…$` typeset; undefined when absent. */
  readonly noteHtml: string | undefined;
  readonly whyHtml: string | undefined;
}

/** The symbols a derivation's steps may use: its parameters and its defined symbols. */
export function derivationSymbols(data: Pick<Derivation, 'params' | 'define'>): string[] {
  return [...new Set([...Object.keys(data.params), ...Object.keys(data.define)])];
}

/** The parse options for a derivation about vectors (its vectors and free indices), or undefined. */
export function indexedOptions(data: Pick<Derivation, 'indexed'>): IndexedOptions | undefined {
  return data.indexed === undefined ? undefined : { vectors: data.indexed.vectors, indices: data.indexed.indices };
}

/**
 * Parses every step with `derivatives: true`. Throws an Error naming the file and the step on
 * the first expression that does not parse, so a typo fails the build and the test.
 */
export function parseDerivation(id: string, data: Derivation): ParsedStep[] {
  const symbols = derivationSymbols(data);
  const indexed = indexedOptions(data);
  return data.steps.map((step, i) => {
    const result = parse(step.expression, {
      symbols,
      variable: data.variable,
      derivatives: true,
      ...(indexed === undefined ? {} : { indexed }),
    });
    if (!result.ok) {
      const { message, position, hint } = result.error;
      throw new Error(
        `content/derivations/${id}.yaml, step "${step.id}": cannot parse "${step.expression}" at position ${position}: ${message}` +
          (hint === undefined ? '' : ` (${hint})`),
      );
    }
    return { step, number: i + 1, tree: result.tree };
  });
}

/**
 * The page's view of a derivation: each step's TeX printed from its tree, with the part that
 * changed since the previous step highlighted. When the whole expression changed (a rewrite from
 * scratch) nothing is highlighted: marking everything would mark nothing.
 */
export function derivationView(id: string, data: Derivation): StepView[] {
  const parsed = parseDerivation(id, data);
  return parsed.map(({ step, number, tree }, i) => {
    const previous = parsed[i - 1]?.tree;
    const changed = previous === undefined ? new Set<Expr>() : changedNodes(previous, tree);
    const highlight = changed.has(tree) ? new Set<Expr>() : changed;
    const body = toTeX(tree, { symbolTeX: data.symbolTeX, highlight });
    // Lines after the first continue the chain of equalities.
    const tex = number === 1 ? body : `= ${body}`;
    return {
      id: step.id,
      anchor: `${id}-${step.id}`,
      number,
      rule: step.rule,
      ruleLabel: ruleLabels[step.rule],
      tex,
      mathHtml: typesetDisplay(tex, `content/derivations/${id}.yaml, step "${step.id}"`),
      highlighted: highlight.size > 0,
      noteHtml:
        step.note === undefined ? undefined : inlineMathToHtml(step.note, `${id}.yaml, note of step "${step.id}"`),
      whyHtml:
        step.why === undefined ? undefined : inlineMathToHtml(step.why, `${id}.yaml, "why" of step "${step.id}"`),
    };
  });
}

/**
 * The site's KaTeX options, except that strict mode lets `\htmlClass` through: `katexOptions`
 * trusts it, but `strict: 'error'` would still refuse it as a non-LaTeX extension. Everything
 * else stays an error.
 */
const stepKatexOptions = {
  ...katexOptions,
  strict: (code: string): 'ignore' | 'error' => (code === 'htmlExtension' ? 'ignore' : 'error'),
} as const;

/** Display-mode KaTeX with the site's options; a TeX error names where it came from. */
export function typesetDisplay(tex: string, where: string): string {
  try {
    return katex.renderToString(tex, { ...stepKatexOptions, displayMode: true });
  } catch (e) {
    throw new Error(`${where}: KaTeX cannot typeset "${tex}": ${e instanceof Error ? e.message : String(e)}`, {
      cause: e,
    });
  }
}

/**
 * Text with `$…$` math to HTML: the prose is escaped, each `$…$` typeset inline by KaTeX at build
 * time. An unmatched `$` is an error (it would otherwise show as a stray dollar sign).
 */
export function inlineMathToHtml(text: string, where: string): string {
  const parts = text.split('$');
  if (parts.length % 2 === 0) throw new Error(`${where}: unmatched $ in "${text}"`);
  return parts
    .map((part, i) => {
      if (i % 2 === 0) return escapeHtml(part);
      try {
        return katex.renderToString(part, { ...katexOptions, displayMode: false });
      } catch (e) {
        throw new Error(`${where}: KaTeX cannot typeset "${part}": ${e instanceof Error ? e.message : String(e)}`, {
          cause: e,
        });
      }
    })
    .join('');
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
