import { children, isConstant, parse, someNode } from '../symbolic/index.ts';
import type { Expr, ParseError } from '../symbolic/index.ts';
import type { Scope } from './evaluate-with-derivatives.ts';
import { checkerFor, compareTables, makeScope } from './equivalent.ts';
import type { Counterexample, EquivalenceResult, Table } from './equivalent.ts';
import { findKinks } from './find-kinks.ts';
import { formatNumber, formatPair } from './format-number.ts';
import type { GradeResult, MistakeKind } from './verdict.ts';

/** A common mistake an exercise lists, with the feedback a student sees when the answer matches it. */
export interface ListedMistake {
  /** The wrong answer, in the answer syntax (e.g. `g*(1+g)`); compared with {@link equivalent}. */
  readonly expression: string;
  /** What to tell the student, e.g. "σ′ = σ(1 − σ): check the sign inside the bracket." */
  readonly feedback: string;
}

/** An expression exercise, as the grader needs it. */
export interface ExpressionSpec {
  /** The correct answer in the answer syntax, e.g. `g*(1-g)` or `1 - tanh(z)^2`. */
  readonly reference: string;
  /** Symbols the student may use, as expressions of the variable: `{ g: 'sigmoid(z)' }`. Default: none. */
  readonly define?: Readonly<Record<string, string>>;
  /** Parameters the student may use, with the values to check at: `{ alpha: 0.01 }`. Default: none. */
  readonly params?: Readonly<Record<string, number>>;
  /** Extra kinks to sample beside (most are found automatically). Default: none. */
  readonly kinks?: readonly number[];
  /** Common mistakes with their own feedback, checked in order before the generic message. Default: none. */
  readonly mistakes?: readonly ListedMistake[];
  /** The variable. Default `'z'`. */
  readonly variable?: string;
  /**
   * How feedback names what is asked, e.g. `g(z)`, `σ′(z)`: "At z = 2 your answer gives 0.0452;
   * *σ′(z)* there is 0.105". Default `'the derivative'` (the lab and the derivation checks).
   */
  readonly referenceName?: string;
  /**
   * The answer must be written in the defined symbols alone, without the variable ("using only g").
   * An equal answer in z is then not accepted: it is returned as `invalid` (no attempt) saying so.
   * Default false.
   */
  readonly withoutVariable?: boolean;
  /**
   * Whether the reference is a derivative, so that mistake messages may name a differentiation rule
   * (the chain rule). False when the exercise asks for a function itself. Default true.
   */
  readonly derivative?: boolean;
  /** Other correct forms (used to name the functions an answer may use when it uses an unknown name). */
  readonly accept?: readonly string[];
}

export interface GradeExpressionOptions {
  /** Symbols the answer may use, as expressions of z, e.g. `{ g: '1/(1+exp(-z))' }` or `{ a: 'tanh(z)' }`. */
  readonly define?: Readonly<Record<string, string>>;
  /** Parameters the answer may use, with their values. */
  readonly params?: Readonly<Record<string, number>>;
}

/**
 * Grades a typed answer against a reference expression. Never throws for any `answer`; throws an
 * Error if the reference (or a definition) does not parse — an authoring bug, caught by tests.
 * See {@link grade} for the verdicts and feedback.
 */
export function gradeExpression(answer: string, reference: string, options: GradeExpressionOptions = {}): GradeResult {
  const spec: ExpressionSpec = {
    reference,
    ...(options.define === undefined ? {} : { define: options.define }),
    ...(options.params === undefined ? {} : { params: options.params }),
  };
  return grade(answer, spec);
}

/**
 * Grades an answer to an expression exercise:
 * - `invalid` (costs no attempt) when the answer does not parse: the feedback names the problem,
 *   its position (1-based character) and a hint; `position` is the 0-based index for a caret;
 * - `correct` when {@link equivalent} to the reference;
 * - `invalid` too when it is equal but the spec asks for the defined symbols only (`withoutVariable`);
 * - otherwise `incorrect`, with the first feedback that applies: a listed mistake; a sign error
 *   (ratio −1); a factor of 2 or ½ (naming the chain rule only when the reference has an inner
 *   function); undefined where the reference is defined; right only for z > 0 or only for z < 0 (a
 *   piecewise answer half done); and finally a counterexample, "At z = 2 your answer gives 0.0452;
 *   σ′(z) there is 0.105", naming the quantity by `referenceName`.
 * Pure and deterministic.
 */
export function grade(answer: string, spec: ExpressionSpec): GradeResult {
  const prepared = prepare(spec);
  const { scope } = prepared;
  const symbols = [...scope.define.keys(), ...scope.params.keys()];
  const parsed = parse(answer, { symbols, variable: scope.variable, functionsOfVariable: [...scope.define.keys()] });
  if (!parsed.ok) return invalid(parsed.error, namesNote(parsed.error, prepared));
  const tree = parsed.tree;
  const name = spec.referenceName ?? 'the derivative';
  const v = scope.variable;
  const formNote =
    spec.withoutVariable === true && mentions(tree, v)
      ? `This exercise asks for ${name} using only ${[...scope.define.keys()].join(', ')}, without ${v}.`
      : '';

  const kinks = [...prepared.kinks, ...findKinks([tree], scope)];
  const checker = checkerFor(scope, kinks);
  const ref = checker.tabulate(prepared.reference);
  const ans = checker.tabulate(tree);
  const verdict = compareTables(ans, ref);
  if (verdict.equal && formNote !== '')
    return { status: 'invalid', feedback: `Equal as a function of ${v}, but not in the form asked. ${formNote}` };
  if (verdict.equal) return { status: 'correct', feedback: 'Correct.' };
  if (verdict.undecided === true) return UNDECIDED;

  const note = [symbolCallNote(tree, [...scope.define.keys()], v), formNote].filter((n) => n !== '').join(' ');
  const incorrect = (feedback: string, mistake: MistakeKind, c?: Counterexample): GradeResult => ({
    status: 'incorrect',
    feedback: note === '' ? feedback : `${feedback} ${note}`,
    mistake,
    ...(c === undefined ? {} : { counterexample: c }),
  });
  const example = (c: Counterexample | undefined): string =>
    c === undefined ? '' : ` ${counterexampleText(c, name, v)}`;

  for (const m of prepared.mistakes) {
    if (compareTables(ans, checker.tabulate(m.tree)).equal) {
      return incorrect(`${m.feedback}${example(verdict.counterexample)}`, 'listed', verdict.counterexample);
    }
  }
  if (compareTables(ans, ref, { factor: -1 }).equal) {
    return incorrect(`Check the sign: your answer is the negative of ${name}.`, 'sign', verdict.counterexample);
  }
  // Name the chain rule only where the reference has an inner function whose derivative it multiplies in.
  const chain = spec.derivative !== false && hasInnerFunction(prepared.reference, v);
  if (compareTables(ans, ref, { factor: 0.5 }).equal) {
    return incorrect(
      `Your answer is twice ${name}: check the constant factors${chain ? ' (an inner derivative counted twice?)' : ''}.`,
      'factor-2',
      verdict.counterexample,
    );
  }
  if (compareTables(ans, ref, { factor: 2 }).equal) {
    return incorrect(
      `Your answer is half ${name}: a factor of 2 is missing${chain ? ' — did you drop the inner derivative (chain rule)?' : '.'}`,
      'factor-half',
      verdict.counterexample,
    );
  }
  const c = verdict.counterexample;
  if (c !== undefined && !Number.isFinite(c.left)) {
    return incorrect(
      `${counterexampleText(c, name, v)} Check where your expression is defined (a square root or logarithm of a negative number?).`,
      'undefined',
      c,
    );
  }
  const half = halfDone(ans, ref);
  if (half !== undefined) {
    const [right, wrong] = half.side === 'positive' ? ['>', '<'] : ['<', '>'];
    return incorrect(
      `Right for ${v} ${right} 0 but not for ${v} ${wrong} 0 (piecewise half-done).${example(half.counterexample)}`,
      half.side === 'positive' ? 'half-positive' : 'half-negative',
      half.counterexample,
    );
  }
  if (c === undefined) {
    return incorrect(
      'Your answer cannot be checked reliably: it loses too much precision in floating point (large terms that cancel). Simplify it and try again.',
      'imprecise',
    );
  }
  return incorrect(counterexampleText(c, name, v), 'counterexample', c);
}

/** The checker could not decide: never "correct", and (like unreadable input) it costs no attempt. */
const UNDECIDED: GradeResult = {
  status: 'invalid',
  code: 'undecided',
  feedback: 'Couldn’t confirm this answer — try a simpler form.',
};

/** "At z = 2 your answer gives 0.0452; σ′(z) there is 0.105." */
function counterexampleText(c: Counterexample, name: string, variable: string): string {
  const [left, right] = formatPair(c.left, c.right);
  if (!Number.isFinite(c.left))
    return `At ${pointText(c.z, variable)} your answer is undefined, but ${name} there is ${right}.`;
  return `At ${pointText(c.z, variable)} your answer gives ${left}; ${name} there is ${right}.`;
}

/** Whether the variable occurs in the tree. */
const mentions = (e: Expr, variable: string): boolean => !isConstant(e, variable);

/**
 * Whether the expression applies a function (or a power) to something other than the bare
 * variable, e.g. `exp(-z)` or `sigmoid(2z)`: then a chain-rule factor is part of its derivative.
 * `2*relu(z)` or `z^2` has none.
 */
function hasInnerFunction(e: Expr, variable: string): boolean {
  const inner = (arg: Expr) => mentions(arg, variable) && !(arg.kind === 'name' && arg.name === variable);
  if (e.kind === 'call' && e.args.some(inner)) return true;
  if (e.kind === 'pow' && (inner(e.left) || mentions(e.right, variable))) return true;
  return children(e).some((c) => hasInnerFunction(c, variable));
}

/** For an unknown name: what this exercise does accept instead ("there is no g here: write it in z…"). */
function namesNote(error: ParseError, prepared: Prepared): string {
  if (error.code !== 'unknown-name' || error.name === undefined) return '';
  const { scope } = prepared;
  const symbols = [...scope.define.keys(), ...scope.params.keys()];
  const functions = [...new Set(prepared.forms.flatMap(callNames))].map((f) => `\`${f}\``);
  const inTerms = symbols.length > 0 ? symbols.map((s) => `\`${s}\``).join(', ') : `\`${scope.variable}\``;
  const using = functions.length > 0 ? ` and functions such as ${functions.join(', ')}` : '';
  return `This exercise has no \`${error.name}\`: write the answer in ${inTerms}${using}.`;
}

/** The functions called in a tree, in order of appearance. */
function callNames(e: Expr): string[] {
  return [...(e.kind === 'call' ? [e.name] : []), ...children(e).flatMap(callNames)];
}

/** `z = 2` for a short sample point, `z ≈ 1.734` for a pseudo-random one. */
function pointText(z: number, variable: string): string {
  const exact = String(z);
  return exact.length <= 6 ? `${variable} = ${formatNumber(z, 6)}` : `${variable} ≈ ${formatNumber(z, 4)}`;
}

/** Equal on one side of 0 and provably different on the other. */
function halfDone(
  ans: Table,
  ref: Table,
): { side: 'positive' | 'negative'; counterexample: Counterexample } | undefined {
  const positive = compareTables(ans, ref, { interval: [Number.MIN_VALUE, Number.POSITIVE_INFINITY] });
  const negative = compareTables(ans, ref, { interval: [Number.NEGATIVE_INFINITY, -Number.MIN_VALUE] });
  const wrongSide = (r: EquivalenceResult): Counterexample | undefined => (r.equal ? undefined : r.counterexample);
  const cNeg = wrongSide(negative);
  if (positive.equal && cNeg !== undefined) return { side: 'positive', counterexample: cNeg };
  const cPos = wrongSide(positive);
  if (negative.equal && cPos !== undefined) return { side: 'negative', counterexample: cPos };
  return undefined;
}

function invalid(error: ParseError, note = ''): GradeResult {
  const sentence = (s: string): string => {
    const t = s.trim();
    const capital = t.charAt(0).toUpperCase() + t.slice(1);
    return /[.!?]$/.test(capital) ? capital : `${capital}.`;
  };
  const where = `(at character ${error.position + 1})`;
  const message = sentence(`${error.message} ${where}`);
  const hint = note !== '' ? note : error.hint === undefined ? '' : sentence(error.hint);
  return {
    status: 'invalid',
    feedback: hint === '' ? message : `${message} ${hint}`,
    position: error.position,
    code: error.code,
  };
}

// ── symbols written as functions ───────────────────────────────────────────

/**
 * For a wrong answer that applies a symbol to an expression of the variable other than the
 * variable itself (`g(-z)`, `g(2z)`, parsed as g·(−z)): say how it was read. `g(1-g)`, the
 * intended g·(1 − g), mentions g inside and gets no note.
 */
function symbolCallNote(tree: Expr, symbols: readonly string[], variable: string): string {
  const s = symbols.find((sym) =>
    someNode(
      tree,
      (x) =>
        x.kind === 'mul' &&
        x.left.kind === 'name' &&
        x.left.name === sym &&
        mentions(x.right, variable) &&
        isConstant(x.right, sym),
    ),
  );
  return s === undefined ? '' : `(Note: ${s}(…) is read as ${s} times (…); ${s} already stands for ${s}(${variable}).)`;
}

// ── prepared references, cached ────────────────────────────────────────────

interface Prepared {
  readonly scope: Scope;
  readonly reference: Expr;
  /** The reference and the other accepted forms, parsed. */
  readonly forms: readonly Expr[];
  readonly kinks: readonly number[];
  readonly mistakes: readonly { readonly tree: Expr; readonly feedback: string }[];
}

const CACHE_SIZE = 128;
const cache = new Map<string, Prepared>();

/** Parses the reference, the definitions and the listed mistakes once per spec (a bad one throws). */
function prepare(spec: ExpressionSpec): Prepared {
  const key = JSON.stringify([
    spec.reference,
    spec.define ?? {},
    spec.params ?? {},
    spec.kinks ?? [],
    spec.mistakes ?? [],
    spec.variable ?? 'z',
    spec.accept ?? [],
  ]);
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const scope = makeScope({
    ...(spec.define === undefined ? {} : { define: spec.define }),
    ...(spec.params === undefined ? {} : { params: spec.params }),
    ...(spec.variable === undefined ? {} : { variable: spec.variable }),
  });
  const symbols = [...scope.define.keys(), ...scope.params.keys()];
  const read = (text: string, what: string): Expr => {
    const r = parse(text, { symbols, variable: scope.variable });
    if (!r.ok)
      throw new Error(`grader: ${what} \`${text}\` does not parse: ${r.error.message} (at ${r.error.position})`);
    return r.tree;
  };
  const reference = read(spec.reference, 'the reference');
  const mistakes = (spec.mistakes ?? []).map((m) => ({
    tree: read(m.expression, 'the listed mistake'),
    feedback: m.feedback,
  }));
  const kinks = findKinks([reference], scope, spec.kinks ?? []);
  const values = checkerFor(scope, kinks).tabulate(reference).values;
  if (!values.some(Number.isFinite))
    throw new Error(`grader: the reference \`${spec.reference}\` is undefined at every sample point`);
  const forms = [reference, ...(spec.accept ?? []).map((a) => read(a, 'the accepted form'))];
  const prepared: Prepared = { scope, reference, forms, kinks, mistakes };
  if (cache.size >= CACHE_SIZE) cache.clear();
  cache.set(key, prepared);
  return prepared;
}
