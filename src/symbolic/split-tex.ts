import type { TeXReadError } from './tex-read-error.ts';
import { tokenizeTeX } from './tex-tokens.ts';
import type { TeXToken } from './tex-tokens.ts';

/** The relations a formula can state; `≈` carries its tolerance in the digits of the other side. */
export type RelationOp = '=' | '≈' | '<' | '≤' | '>' | '≥' | '≠';

/** One side of a relation: its TeX and where it stands in the formula (`start` inclusive, `end` exclusive). */
export interface TeXSide {
  readonly tex: string;
  readonly start: number;
  readonly end: number;
}

/**
 * One statement of a formula: `sides[0] ops[0] sides[1] ops[1] …` (`a = b = c`, `0 < g ≤ 1/4`), or
 * a single expression when `ops` is empty. `condition` marks a statement introduced by
 * `\text{for}`, `\text{if}`, `\text{when}` or `\text{where}`: it restricts the statement before it.
 */
export interface TeXStatement {
  readonly sides: readonly TeXSide[];
  readonly ops: readonly RelationOp[];
  readonly condition: boolean;
}

export type SplitResult =
  | {
      readonly ok: true;
      readonly statements: readonly TeXStatement[];
      /**
       * Relations the reader does not check (`\to`, `\in`, `\iff`…), in order. Each cuts its
       * statement there: `\tanh' = 1 - \tanh^{2} \to 0` keeps `\tanh' = 1 - \tanh^{2}`, and the
       * rest up to the next separator is skipped.
       */
      readonly unchecked: readonly string[];
    }
  | { readonly ok: false; readonly error: TeXReadError };

const RELATIONS: ReadonlyMap<string, RelationOp> = new Map([
  ['=', '='],
  ['\\approx', '≈'],
  ['<', '<'],
  ['\\lt', '<'],
  ['\\le', '≤'],
  ['\\leq', '≤'],
  ['>', '>'],
  ['\\gt', '>'],
  ['\\ge', '≥'],
  ['\\geq', '≥'],
  ['\\ne', '≠'],
  ['\\neq', '≠'],
]);

/** Relations a lesson may write that this reader does not check (it says so rather than guess). */
const OTHER_RELATIONS: ReadonlySet<string> = new Set([
  '\\to',
  '\\in',
  '\\sim',
  '\\simeq',
  '\\equiv',
  '\\propto',
  '\\ll',
  '\\gg',
  '\\mapsto',
  '\\Rightarrow',
  '\\iff',
  '\\subset',
]);

const OPENERS: ReadonlySet<string> = new Set(['{', '(', '[', '\\left', '\\bigl', '\\Bigl', '\\biggl', '\\begin']);
const CLOSERS: ReadonlySet<string> = new Set(['}', ')', ']', '\\right', '\\bigr', '\\Bigr', '\\biggr', '\\end']);
const SEPARATORS: ReadonlySet<string> = new Set([',', ';', '\\quad', '\\qquad']);
const CONNECTIVE = /^\s*(?:for(?: all| every)?|if|when|where|with)\s*$/;

/**
 * Splits a formula at its top-level relations and separators (`,`, `;`, `\quad`, `\text{for}` …),
 * outside every bracket, brace, `\left…\right` and environment. A final `.` or `,` (punctuation
 * of the sentence) is dropped. Never throws.
 */
export function splitTeX(tex: string): SplitResult {
  const tokenized = tokenizeTeX(tex);
  if (!tokenized.ok) return tokenized;
  const tokens = tokenized.tokens;
  const statements: TeXStatement[] = [];
  const unchecked: string[] = [];
  let sides: TeXSide[] = [];
  let ops: RelationOp[] = [];
  let condition = false;
  let sideStart: number | undefined;
  let sideEnd = 0;
  let depth = 0;
  const endSide = (at: TeXToken | undefined): TeXReadError | undefined => {
    if (sideStart === undefined) {
      return {
        code: at === undefined ? 'unexpected-end' : 'unexpected',
        message: at === undefined ? 'the formula ends after a relation' : `nothing before \`${at.text}\``,
        position: at?.position ?? tex.length,
      };
    }
    sides.push({ tex: tex.slice(sideStart, sideEnd), start: sideStart, end: sideEnd });
    sideStart = undefined;
    return undefined;
  };
  const endStatement = (at: TeXToken | undefined): TeXReadError | undefined => {
    if (sideStart === undefined && sides.length === 0) return undefined;
    const error = endSide(at);
    if (error !== undefined) return error;
    statements.push({ sides, ops, condition });
    sides = [];
    ops = [];
    return undefined;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as TeXToken;
    const end = t.position + t.text.length;
    if (depth === 0) {
      const op = RELATIONS.get(t.text);
      if (op !== undefined) {
        const error = endSide(t);
        if (error !== undefined) return { ok: false, error };
        ops.push(op);
        continue;
      }
      if (OTHER_RELATIONS.has(t.text)) {
        unchecked.push(t.text);
        const error = endStatement(t);
        if (error !== undefined) return { ok: false, error };
        // Skip to the next separator at depth 0.
        let d = 0;
        while (i + 1 < tokens.length) {
          const u = tokens[i + 1] as TeXToken;
          if (d === 0 && SEPARATORS.has(u.text)) break;
          if (OPENERS.has(u.text)) d++;
          if (CLOSERS.has(u.text)) d--;
          i++;
        }
        continue;
      }
      const last = i === tokens.length - 1;
      if ((t.text === '.' || t.text === ',') && last) continue;
      if (SEPARATORS.has(t.text)) {
        const error = endStatement(t);
        if (error !== undefined) return { ok: false, error };
        condition = false;
        continue;
      }
      if (t.text === '\\text' && tokens[i + 1]?.text === '{') {
        const close = tokens.findIndex((u, j) => j > i && u.text === '}');
        const open = tokens[i + 1] as TeXToken;
        const inner = close < 0 ? '' : tex.slice(open.position + 1, (tokens[close] as TeXToken).position);
        if (close > 0 && CONNECTIVE.test(inner)) {
          const error = endStatement(t);
          if (error !== undefined) return { ok: false, error };
          condition = true;
          i = close;
          continue;
        }
      }
    }
    if (OPENERS.has(t.text)) depth++;
    if (CLOSERS.has(t.text)) depth--;
    if (depth < 0) {
      return {
        ok: false,
        error: { code: 'unbalanced', message: `\`${t.text}\` closes nothing`, position: t.position },
      };
    }
    sideStart ??= t.position;
    sideEnd = end;
  }
  if (depth > 0) {
    return { ok: false, error: { code: 'unbalanced', message: 'a bracket is not closed', position: tex.length } };
  }
  if (ops.length > 0 && sideStart === undefined) {
    return {
      ok: false,
      error: { code: 'unexpected-end', message: 'the formula ends after a relation', position: tex.length },
    };
  }
  const error = endStatement(undefined);
  if (error !== undefined) return { ok: false, error };
  if (statements.length === 0 && unchecked.length === 0) {
    return { ok: false, error: { code: 'empty', message: 'the formula is empty', position: 0 } };
  }
  return { ok: true, statements, unchecked };
}
