import { derivativeSize } from './derivative-size.ts';
import { applyRule, isConstant } from './derivative-rules.ts';
import type { DerivativeRule, KinkSource } from './derivative-rules.ts';
import { derivative, num } from './expr.ts';
import type { Expr } from './expr.ts';
import { equalTrees } from './equal-trees.ts';
import type { ParseError } from './parse-error.ts';
import { parse } from './parse.ts';
import { simplify, withChildren } from './simplify.ts';
import { toText } from './to-text.ts';
import { children } from './expr.ts';
import { GREEK_LOWER } from './greek.ts';

/** Options of {@link differentiate}. */
export interface DifferentiateOptions {
  /** The variable to differentiate by. Default `'z'`. */
  readonly variable?: string;
}

/** One line of a generated derivation: the whole expression after one rule. */
export interface DerivationLine {
  /** The line in the answer syntax, `d/dz(…)` for the parts not yet differentiated. */
  readonly expression: string;
  readonly rule: DerivativeRule;
  /** What the rule did, one line of answer-syntax text (`chain rule with u = b*z: …`). */
  readonly note: string;
  /** The same line as a tree (also for lines longer than the parser's input limit). */
  readonly tree: Expr;
}

/** A successful differentiation. */
export interface Differentiation {
  readonly ok: true;
  /** The input, parsed (parameters as names). */
  readonly input: Expr;
  readonly variable: string;
  /** Names read as parameters, in order of first appearance (see {@link parseWithParameters}). */
  readonly parameters: readonly string[];
  /** The simplified derivative in the answer syntax. */
  readonly derivative: string;
  readonly derivativeTree: Expr;
  /** `d/dz(input)`, one line per rule application, then (if it changed anything) `simplification`. */
  readonly steps: readonly DerivationLine[];
  /** Where the derivative changes branch (from abs, max, min, conditions, piecewise activations). */
  readonly kinks: readonly KinkSource[];
}

/** Input that could not be read: `derivative` is empty, `error` says where and why. */
export interface DifferentiationFailure {
  readonly ok: false;
  readonly derivative: '';
  readonly steps: readonly [];
  readonly error: ParseError;
}

export type DifferentiateResult = Differentiation | DifferentiationFailure;

/**
 * Greek letter names (and `eps`) that read as parameters when they appear in an input. `sigma`
 * never gets here: the parser reads it as the sigmoid (an alias, see functions.ts).
 */
const GREEK_PARAMETERS: ReadonlySet<string> = new Set([...GREEK_LOWER, 'eps']);

/**
 * Largest estimated derivative (in nodes, see derivativeSize.ts) that is worked out step by step:
 * beyond it the steps would take longer than 100 ms and fill pages no one reads (a product of 250
 * factors, min of 81 arguments, 60 nested mish, a tower of 63 powers are all refused at once).
 */
export const MAX_DERIVATIVE_SIZE = 2000;

/** At most this many parameters in one input. */
export const MAX_PARAMETERS = 8;
/** At most this many rule applications: far above any 500-character input's needs, a guard only. */
const MAX_STEPS = 2000;

/**
 * Whether `n` may be a parameter: a single letter (`a`, `b`, `k`), a letter with a digit
 * (`a1`, `k_2`) or a Greek letter's name (`alpha`, `beta`, `lambda`…), other than the variable.
 */
export function isParameterName(n: string, variable = 'z'): boolean {
  if (n === variable || n === 'e') return false;
  return /^[A-Za-z]$/.test(n) || /^[A-Za-z]_?[0-9]$/.test(n) || GREEK_PARAMETERS.has(n);
}

export type ParameterParse =
  | { readonly ok: true; readonly tree: Expr; readonly parameters: readonly string[] }
  | { readonly ok: false; readonly error: ParseError };

/**
 * Parses `text` where free parameters are allowed: the parser is asked first with no symbols;
 * each `unknown-name` error whose name X {@link isParameterName looks like a parameter} adds X as a
 * symbol and asks again (at most {@link MAX_PARAMETERS} times). Any other error is returned as
 * it is, with a hint for run-together names (`bz` → `b*z`).
 */
export function parseWithParameters(
  text: string,
  options: { readonly variable?: string; readonly derivatives?: boolean } = {},
): ParameterParse {
  const variable = options.variable ?? 'z';
  const parameters: string[] = [];
  for (;;) {
    const result = parse(text, { variable, symbols: parameters, derivatives: options.derivatives === true });
    if (result.ok) return { ok: true, tree: result.tree, parameters: inOrder(result.tree, parameters) };
    const unknown = result.error.code === 'unknown-name' ? result.error.name : undefined;
    if (unknown === undefined || !isParameterName(unknown, variable) || parameters.length >= MAX_PARAMETERS) {
      return { ok: false, error: withJoinedNamesHint(result.error, unknown, variable) };
    }
    parameters.push(unknown);
  }
}

/** Parameters in order of first appearance in the tree. */
function inOrder(tree: Expr, parameters: readonly string[]): string[] {
  const seen: string[] = [];
  const walk = (e: Expr): void => {
    if (e.kind === 'name' && parameters.includes(e.name) && !seen.includes(e.name)) seen.push(e.name);
    children(e).forEach(walk);
  };
  walk(tree);
  return seen;
}

/** `bz` is probably `b*z`: every letter a parameter or the variable. */
function withJoinedNamesHint(error: ParseError, unknown: string | undefined, variable: string): ParseError {
  if (unknown === undefined || unknown.length < 2 || unknown.length > 4 || !/^[A-Za-z]+$/.test(unknown)) return error;
  const letters = [...unknown];
  if (!letters.every((c) => c === variable || isParameterName(c, variable))) return error;
  return { ...error, hint: `put a * between names: ${letters.join('*')}` };
}

/**
 * The derivative of `expression` with respect to `options.variable` (default `z`), simplified,
 * with the steps that produce it. Never throws: unreadable input gives `{ ok: false, derivative: '',
 * steps: [], error: { message, position, hint? } }`.
 *
 * Input: the answer syntax (see parse.ts), with free parameters (see {@link parseWithParameters}).
 * Steps: the first line is `d/dz(<input>)`; each further line applies one rule (see
 * {@link DerivativeRule}) to the leftmost `d/dz(…)` still in the line, with trivial parts
 * (`d/dz(c)` = 0, `d/dz(z)` = 1) resolved and the `0`/`1` identities applied in the same line;
 * the last line, `simplification`, is {@link simplify} of the result when it changes anything.
 * Consecutive lines are equal as functions of z (the grading layer's `equivalent` checks it).
 */
export function differentiate(expression: string, options: DifferentiateOptions = {}): DifferentiateResult {
  const variable = options.variable ?? 'z';
  try {
    const parsed = parseWithParameters(expression, { variable });
    if (!parsed.ok) return failure(parsed.error);
    return derive(parsed.tree, parsed.parameters, variable);
  } catch (e) {
    // A rule's own bug must not reach the page: report it as an error the reader can act on.
    return failure({
      code: 'internal',
      message: `could not differentiate this expression (${e instanceof Error ? e.message : String(e)})`,
      position: 0,
    });
  }
}

/** Differentiates an already parsed tree (the lab re-uses its parse). */
export function derive(input: Expr, parameters: readonly string[], variable = 'z'): DifferentiateResult {
  const size = derivativeSize(input);
  if (size > MAX_DERIVATIVE_SIZE) {
    return failure({
      code: 'too-large',
      message: `the derivative of this expression is too large to show step by step (about ${String(Math.round(size / 100) * 100)} terms)`,
      position: 0,
      hint: 'differentiate a part of it, or fewer factors at a time',
    });
  }
  const line = (tree: Expr, rule: DerivativeRule, note: string): DerivationLine => ({
    expression: toText(tree),
    rule,
    note,
    tree,
  });
  const steps: DerivationLine[] = [
    line(derivative(variable, input), 'setup', `differentiate with respect to ${variable}`),
  ];
  const kinks: KinkSource[] = [];
  let current: Expr = derivative(variable, input);
  for (;;) {
    const target = firstDerivative(current);
    if (target === undefined) break;
    if (steps.length > MAX_STEPS) {
      return failure({
        code: 'too-large',
        message: 'this expression is too large to differentiate step by step',
        position: 0,
      });
    }
    const applied = applyRule(target.arg, variable);
    const replaced = replaceNode(current, target, resolveTrivial(applied.result, variable));
    current = simplify(replaced, { light: true });
    for (const k of applied.kinks) if (!kinks.some((x) => equalTrees(x.at, k.at))) kinks.push(k);
    steps.push(line(current, applied.rule, applied.note));
  }
  const simplified = simplify(current);
  if (!equalTrees(simplified, current)) {
    steps.push(line(simplified, 'simplification', 'collect terms and factors, drop 0 and 1'));
  }
  return {
    ok: true,
    input,
    variable,
    parameters,
    derivative: toText(simplified),
    derivativeTree: simplified,
    steps,
    kinks,
  };
}

function failure(error: ParseError): DifferentiationFailure {
  return { ok: false, derivative: '', steps: [], error };
}

/** The leftmost outermost `d/dz(…)` node (pre-order). */
function firstDerivative(e: Expr): (Expr & { kind: 'derivative' }) | undefined {
  if (e.kind === 'derivative') return e;
  for (const c of children(e)) {
    const found = firstDerivative(c);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** `e` with the node `target` (by identity, first occurrence) replaced by `by`. */
function replaceNode(e: Expr, target: Expr, by: Expr): Expr {
  let done = false;
  const walk = (x: Expr): Expr => {
    if (done) return x;
    if (x === target) {
      done = true;
      return by;
    }
    const kids = children(x);
    if (kids.length === 0) return x;
    const next = kids.map(walk);
    return next.every((c, i) => c === kids[i]) ? x : withChildren(x, next);
  };
  return walk(e);
}

/** `d/dz(c)` → 0 and `d/dz(z)` → 1 inside a rule's result: not worth a line of their own. */
function resolveTrivial(e: Expr, variable: string): Expr {
  if (e.kind === 'derivative') {
    if (isConstant(e.arg, variable)) return num(0);
    if (e.arg.kind === 'name' && e.arg.name === variable) return num(1);
    return e;
  }
  const kids = children(e);
  if (kids.length === 0) return e;
  return withChildren(
    e,
    kids.map((c) => resolveTrivial(c, variable)),
  );
}
