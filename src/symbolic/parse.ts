import { call, compare, cond, constant, derivative, mul, name, neg, num, binary, pow } from './expr.ts';
import type { CompareOp, Expr } from './expr.ts';
import { FUNCTIONS, lookupFunction } from './functions.ts';
import type { FunctionInfo } from './functions.ts';
import { tokenize } from './lexer.ts';
import type { Op, Token } from './lexer.ts';
import type { ParseError } from './parse-error.ts';
import { indexedOptionsProblem, readIndexed } from './indexed.ts';
import type { IndexedHost, IndexedOptions } from './indexed.ts';

/** Which names an expression may use, beyond numbers, `e`, `pi` and the functions. */
export interface ParseOptions {
  /**
   * Extra names that are legal, each read as a plain symbol: an exercise's symbols (`['g']`, so
   * `g(1-g)` is g·(1−g)) and parameters (`['alpha']`). Default: none. A name must look like an
   * identifier (`[A-Za-z][A-Za-z0-9_]*`) and may not be a function name, `e`, `pi` or the variable.
   */
  readonly symbols?: readonly string[];
  /**
   * Symbols that stand for a function of the variable (an exercise's g = g(z)): `g(z)` reads as g,
   * while `g(1-g)` stays g·(1 − g) and `g(2z)` stays g·2z. Default: none.
   */
  readonly functionsOfVariable?: readonly string[];
  /** The variable. Default `'z'`. */
  readonly variable?: string;
  /** Accept `d/dz(expr)` as a derivative node (lesson authoring only, never student answers). Default `false`. */
  readonly derivatives?: boolean;
  /** Accept components `z_i`, `delta(i, j)` and `sum(k, 1, n, …)` (see indexed.ts). Default: not. */
  readonly indexed?: IndexedOptions;
}

export type ParseResult =
  { readonly ok: true; readonly tree: Expr } | { readonly ok: false; readonly error: ParseError };

/** Longest accepted input, in UTF-16 code units. */
export const MAX_INPUT_LENGTH = 500;
/** Deepest accepted nesting of parentheses, unary minus, exponents and `? :` branches. */
export const MAX_DEPTH = 64;

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*$/;
const COMPARE_OPS: ReadonlySet<string> = new Set(['<', '<=', '>', '>=']);
/** Tokens that may follow a bare function argument (`exp z + 1`) without making it ambiguous. */
const CLOSERS: ReadonlySet<string> = new Set([
  '+',
  '-',
  '*',
  '/',
  ')',
  ',',
  '?',
  ':',
  '<',
  '<=',
  '>',
  '>=',
  '|',
  '&&',
  '||',
]);
/** Familiar functions this course does not use, so the message can say so. */
const NOT_IN_COURSE: ReadonlySet<string> = new Set([
  'sin',
  'cos',
  'tan',
  'sec',
  'csc',
  'cot',
  'arcsin',
  'arccos',
  'arctan',
  'asin',
  'acos',
  'atan',
  'atanh',
  'arctanh',
  'asinh',
  'acosh',
  'coth',
  'csch',
  'log10',
  'log2',
  'lg',
  'pow',
  'floor',
  'ceil',
  'round',
]);

/** Internal control flow from deep in the recursive descent to `parse`, which turns it into a result. */
class Failure extends Error {
  readonly error: ParseError;
  constructor(error: ParseError) {
    super(error.message);
    this.error = error;
  }
}

const fail = (code: string, message: string, position: number, hint?: string): Failure =>
  new Failure(hint === undefined ? { code, message, position } : { code, message, position, hint });

/**
 * Parses answer-syntax text into an {@link Expr}. Never throws: every problem is a `ParseError`
 * with a position and, where a fix is likely, a hint.
 *
 * Grammar, loosest binding first (all binary operators left-associative unless noted):
 * ```
 * cond    := or ('?' cond ':' cond)?               right-associative, nestable
 * or      := and ('||' and)*                       1 where either holds
 * and     := compare ('&&' compare)*               1 where both hold
 * compare := sum (('<'|'<='|'>'|'>=') sum)?         not chainable
 * sum     := term (('+'|'-') term)*
 * term    := unary (('*'|'/') unary | power)*       juxtaposition is implicit multiplication
 * unary   := ('-'|'+') unary | power                -z^2 is -(z^2); 2*-z is allowed
 * power   := primary ('^' unary)?                   right-associative: 2^3^2 = 2^9; z^-1 allowed
 * primary := number | name | '(' cond ')' | '|' cond '|' | fn '(' args ')' | fn '^' n '(' args ')'
 *          | '\frac' '{' cond '}' '{' cond '}' | d/dz '(' cond ')'      (braces are parentheses)
 * ```
 * `1/2z` is (1/2)·z (strictly left to right). Implicit multiplication never starts with a number
 * (`z 2` is refused: probably a typo) and never directly follows an unbracketed exponent
 * (`e^2z` is refused: e^(2z) or e^2·z?). `tanh^2(z)` is tanh(z)^2; `tanh^-1` is refused.
 * A function takes parentheses, except a single name or number followed by an operator or the end
 * (`exp z + 1` is exp(z) + 1).
 */
export function parse(text: string, options: ParseOptions = {}): ParseResult {
  try {
    return { ok: true, tree: new Parser(text, options).parseAll() };
  } catch (e) {
    if (e instanceof Failure) return { ok: false, error: e.error };
    // Unreachable by design; kept so that no exception can ever escape to a student's page.
    return { ok: false, error: { code: 'internal', message: 'could not read this expression', position: 0 } };
  }
}

class Parser {
  private tokens: Token[] = [];
  private index = 0;
  private depth = 0;
  private openParens = 0;
  /** 1 inside `|…|` (where a `|` closes), 0 elsewhere; parentheses reset it. */
  private bars = 0;
  /** Token index right after the last exponent written without parentheses (`e^2|z`). */
  private bareExponentEnd = -1;
  private readonly variable: string;
  private readonly symbols: ReadonlySet<string>;
  private readonly functionsOfVariable: ReadonlySet<string>;
  private readonly derivatives: boolean;
  private readonly text: string;
  private readonly indexed: IndexedOptions | undefined;
  /** Indices bound by the sums around the current token. */
  private readonly bound: string[] = [];
  private readonly host: IndexedHost = {
    peek: (offset) => this.peek(offset),
    next: () => this.next(),
    expression: () => this.parseCond(),
    fail: (code, message, position, hint) => {
      throw fail(code, message, position, hint);
    },
  };

  constructor(text: string, options: ParseOptions) {
    this.text = text;
    this.variable = options.variable ?? 'z';
    this.symbols = new Set(options.symbols ?? []);
    this.functionsOfVariable = new Set(options.functionsOfVariable ?? []);
    this.derivatives = options.derivatives === true;
    this.indexed = options.indexed;
  }

  parseAll(): Expr {
    this.checkOptions();
    if (this.text.length > MAX_INPUT_LENGTH) {
      throw fail(
        'too-long',
        `input is too long (${this.text.length} characters, at most ${MAX_INPUT_LENGTH})`,
        MAX_INPUT_LENGTH,
      );
    }
    const lexed = tokenize(this.text);
    if (!lexed.ok) throw new Failure(lexed.error);
    this.tokens = lexed.tokens;
    if (this.peek().type === 'end')
      throw fail(
        'empty',
        'the expression is empty',
        0,
        `type an expression in ${this.variable}, e.g. 2${this.variable}`,
      );
    const tree = this.parseCond();
    const t = this.peek();
    if (t.type !== 'end') throw this.unexpected(t);
    return tree;
  }

  // ── options ───────────────────────────────────────────────────────────────

  private checkOptions(): void {
    const names = [this.variable, ...this.symbols];
    for (const n of names) {
      let problem: string | undefined;
      if (!IDENTIFIER.test(n)) problem = 'is not an identifier';
      // A function's canonical name cannot be a symbol; an alias (`u`, `H`, `sigma`) can, and the symbol wins.
      else if ((FUNCTIONS as ReadonlyMap<string, FunctionInfo>).has(n)) problem = 'is a function name';
      else if (n === 'e' || n === 'pi') problem = 'is a constant';
      if (problem !== undefined) throw fail('invalid-option', `invalid parse option: name \`${n}\` ${problem}`, 0);
    }
    if (this.symbols.has(this.variable))
      throw fail('invalid-option', `invalid parse option: \`${this.variable}\` is both the variable and a symbol`, 0);
    const problem = this.indexed === undefined ? undefined : indexedOptionsProblem(this.indexed);
    if (problem !== undefined) throw fail('invalid-option', `invalid parse option: ${problem}`, 0);
  }

  // ── token helpers ─────────────────────────────────────────────────────────

  private peek(offset = 0): Token {
    const last = this.tokens[this.tokens.length - 1];
    const t = this.tokens[this.index + offset] ?? last;
    if (t === undefined) throw fail('internal', 'could not read this expression', 0);
    return t;
  }

  private next(): Token {
    const t = this.peek();
    if (t.type !== 'end') this.index++;
    return t;
  }

  private isOp(t: Token, op: Op): boolean {
    return t.type === 'op' && t.text === op;
  }

  /** Whether the next tokens are `(`, the variable, `)`. */
  private isVariableInParentheses(): boolean {
    const v = this.peek(1);
    return this.isOp(this.peek(), '(') && v.type === 'name' && v.text === this.variable && this.isOp(this.peek(2), ')');
  }

  private enter(): void {
    this.depth++;
    if (this.depth > MAX_DEPTH) {
      throw fail(
        'too-deep',
        `the expression is nested too deeply (more than ${MAX_DEPTH} levels)`,
        this.peek().pos,
        'simplify it or split it into parts',
      );
    }
  }

  private leave(): void {
    this.depth--;
  }

  // ── grammar ───────────────────────────────────────────────────────────────

  private parseCond(): Expr {
    this.enter();
    const test = this.parseOr();
    let result = test;
    if (this.isOp(this.peek(), '?')) {
      this.next();
      const then = this.parseCond();
      const colon = this.peek();
      if (!this.isOp(colon, ':')) {
        throw fail(
          'incomplete-condition',
          'expected `:` to complete `condition ? value : otherwise`',
          colon.pos,
          'a piecewise answer reads z > 0 ? 1 : 0',
        );
      }
      this.next();
      result = cond(test, then, this.parseCond());
    }
    this.leave();
    return result;
  }

  /** `a || b`: 1 where either holds (as `a ? 1 : b ? 1 : 0`, so NaN stays NaN). */
  private parseOr(): Expr {
    let left = this.parseAnd();
    while (this.isOp(this.peek(), '||')) {
      this.next();
      left = cond(left, num(1), cond(this.parseAnd(), num(1), num(0)));
    }
    return left;
  }

  /** `a && b`: 1 where both hold (as `a ? (b ? 1 : 0) : 0`). */
  private parseAnd(): Expr {
    let left = this.parseCompare();
    while (this.isOp(this.peek(), '&&')) {
      this.next();
      left = cond(left, cond(this.parseCompare(), num(1), num(0)), num(0));
    }
    return left;
  }

  private parseCompare(): Expr {
    const left = this.parseSum();
    const t = this.peek();
    if (t.type !== 'op' || !COMPARE_OPS.has(t.text)) return left;
    this.next();
    const right = this.parseSum();
    const again = this.peek();
    if (again.type === 'op' && COMPARE_OPS.has(again.text)) {
      throw fail(
        'chained-comparison',
        'comparisons cannot be chained',
        again.pos,
        'for a range, nest conditions: z < 0 ? … : z < 1 ? … : …',
      );
    }
    return compare(t.text as CompareOp, left, right);
  }

  private parseSum(): Expr {
    let left = this.parseTerm();
    for (;;) {
      const t = this.peek();
      if (this.isOp(t, '+') || this.isOp(t, '-')) {
        this.next();
        left = binary(t.text === '+' ? 'add' : 'sub', left, this.parseTerm());
      } else {
        return left;
      }
    }
  }

  private parseTerm(): Expr {
    let left = this.parseUnary();
    for (;;) {
      const t = this.peek();
      if (this.isOp(t, '*') || this.isOp(t, '/')) {
        this.next();
        left = binary(t.text === '*' ? 'mul' : 'div', left, this.parseUnary());
      } else if (t.type === 'number') {
        const before = this.text.slice(this.tokens[0]?.pos ?? 0, t.pos).trim();
        throw fail('number-after-factor', `a number cannot follow without \`*\``, t.pos, `write ${before}*${t.text}`);
      } else if (t.type === 'name' || this.isOp(t, '(') || (this.isOp(t, '|') && this.bars === 0)) {
        if (this.bareExponentEnd === this.index && !t.spaceBefore) {
          const exponentStart = this.text.lastIndexOf('^', t.pos);
          const base = this.text.slice(0, exponentStart).trimEnd();
          const exponent = this.text.slice(exponentStart + 1, t.pos);
          const rest = this.text.slice(t.pos, this.peekFactorEnd());
          throw fail(
            'ambiguous-exponent',
            'ambiguous exponent: where does it end?',
            t.pos,
            `write ${lastWord(base)}^(${exponent}${rest}) or ${lastWord(base)}^${exponent}*${rest}`,
          );
        }
        left = mul(left, this.parsePower());
      } else {
        return left;
      }
    }
  }

  /** Where the factor starting at the current token ends, for hints only (up to the next space or operator). */
  private peekFactorEnd(): number {
    const t = this.peek();
    if (t.type === 'name' && this.isOp(this.peek(1), '(')) {
      const close = this.text.indexOf(')', t.pos);
      return close < 0 ? this.text.length : close + 1;
    }
    if (this.isOp(t, '(')) {
      const close = this.text.indexOf(')', t.pos);
      return close < 0 ? this.text.length : close + 1;
    }
    return t.end;
  }

  private parseUnary(): Expr {
    const t = this.peek();
    if (this.isOp(t, '-') || this.isOp(t, '+')) {
      this.next();
      this.enter();
      const arg = this.parseUnary();
      this.leave();
      return t.text === '-' ? neg(arg) : arg;
    }
    return this.parsePower();
  }

  private parsePower(): Expr {
    const base = this.parsePrimary();
    if (!this.isOp(this.peek(), '^')) return base;
    const caret = this.next();
    const bracketed = this.isOp(this.peek(), '(');
    if (this.peek().type === 'end') throw fail('exponent-missing', 'expected an exponent after `^`', caret.end);
    this.enter();
    const exponent = this.parseUnary();
    this.leave();
    if (!bracketed) this.bareExponentEnd = this.index;
    return pow(base, exponent);
  }

  private parsePrimary(): Expr {
    const t = this.peek();
    if (t.type === 'number') {
      this.next();
      return num(t.value, t.text);
    }
    if (t.type === 'name') return this.parseName(t);
    if (this.isOp(t, '(')) return this.parseGroup();
    if (this.isOp(t, '|')) return this.parseBars();
    throw this.missingOperand(t);
  }

  /** `|x|`: abs(x). Inside the bars a `|` closes them, so `2|z|` and `|z|·|z|` read as written. */
  private parseBars(): Expr {
    const open = this.next();
    const outer = this.bars;
    this.bars = 1;
    this.enter();
    const inner = this.parseCond();
    this.leave();
    this.bars = outer;
    const close = this.peek();
    if (!this.isOp(close, '|'))
      throw fail('unbalanced-bar', 'this `|` is never closed', open.pos, 'an absolute value reads |z| or abs(z)');
    this.next();
    return call('abs', [inner]);
  }

  /** `( cond )`, the current token being the `(`. */
  private parseGroup(): Expr {
    const open = this.next();
    this.openParens++;
    if (this.isOp(this.peek(), ')'))
      throw fail('empty-parentheses', 'empty parentheses', open.pos, 'put an expression inside ( )');
    const outer = this.bars;
    this.bars = 0;
    const inner = this.parseCond();
    this.bars = outer;
    this.closeParen(open);
    return inner;
  }

  private closeParen(open: Token): void {
    const t = this.peek();
    if (this.isOp(t, ')')) {
      this.next();
      this.openParens--;
      return;
    }
    if (t.type === 'end')
      throw fail(
        'unbalanced-open',
        'unbalanced parenthesis: this `(` is never closed',
        open.pos,
        'add the missing `)`',
      );
    throw this.unexpected(t);
  }

  private parseName(t: Token & { type: 'name' }): Expr {
    const n = t.text;
    if (n === this.variable || this.symbols.has(n)) {
      this.next();
      // g(z) for a symbol g = g(z): the symbol itself.
      if (this.functionsOfVariable.has(n) && this.isVariableInParentheses()) for (let i = 0; i < 3; i++) this.next();
      return name(n);
    }
    if (this.derivatives && n === 'd' && this.isDerivativeAhead()) {
      this.next();
      this.next();
      this.next();
      this.enter();
      const arg = this.parseGroup();
      this.leave();
      return derivative(this.variable, arg);
    }
    if (n === 'e' || n === 'pi') {
      this.next();
      return constant(n);
    }
    if (n === 'frac' && t.tex === true) return this.parseFrac(t);
    const indexed = this.indexed === undefined ? undefined : readIndexed(this.host, t, this.indexed, this.bound);
    if (indexed !== undefined) return indexed;
    const fn = lookupFunction(n);
    if (fn !== undefined) return this.parseCall(t, fn);
    throw this.unknownName(t);
  }

  /** `\frac{a}{b}`: (a)/(b), each braced group read as a parenthesised expression. */
  private parseFrac(t: Token): Expr {
    this.next();
    const groups: Expr[] = [];
    for (let k = 0; k < 2; k++) {
      if (!this.isOp(this.peek(), '('))
        throw fail('tex-command', '`\\frac` needs two braced groups', t.pos, 'write \\frac{a}{b}, or a/b');
      this.enter();
      groups.push(this.parseGroup());
      this.leave();
    }
    const [numerator = num(0), denominator = num(1)] = groups;
    return binary('div', numerator, denominator);
  }

  private isDerivativeAhead(): boolean {
    const slash = this.peek(1);
    const dz = this.peek(2);
    return (
      this.isOp(slash, '/') && dz.type === 'name' && dz.text === `d${this.variable}` && this.isOp(this.peek(3), '(')
    );
  }

  /** `fn(args)`, `fn^n(args)` (= fn(args)^n) or `fn x` with a single bare argument. */
  private parseCall(t: Token, fn: FunctionInfo): Expr {
    this.next();
    let power: Expr | undefined;
    if (this.isOp(this.peek(), '^')) power = this.parseFunctionPower(t);
    let args: Expr[];
    if (this.isOp(this.peek(), '(')) {
      args = this.parseArgs(t, fn);
    } else {
      args = [this.parseBareArgument(t, fn, power !== undefined)];
    }
    const node = call(fn.name, args);
    return power === undefined ? node : pow(node, power);
  }

  /** After `tanh`, reads `^2` or `^(2)`; refuses `^-1` (inverse function) and anything else. */
  private parseFunctionPower(t: Token): Expr {
    const caret = this.next();
    const a = this.peek();
    const b = this.peek(1);
    if (this.isOp(a, '-') || (this.isOp(a, '(') && this.isOp(b, '-'))) {
      throw fail(
        'inverse-function',
        `\`${t.text}^-1\` would be an inverse function, which is not part of the answer syntax`,
        caret.pos,
        `for the reciprocal write 1/${t.text}(z); for a power write ${t.text}(z)^(-1)`,
      );
    }
    if (a.type === 'number') {
      this.next();
      return num(a.value, a.text);
    }
    if (this.isOp(a, '(') && b.type === 'number' && this.isOp(this.peek(2), ')')) {
      this.next();
      this.next();
      this.next();
      return num(b.value, b.text);
    }
    throw fail(
      'function-power',
      `write the power after the argument of \`${t.text}\``,
      caret.pos,
      `write ${t.text}(z)^2 rather than ${t.text}^2(z) with a complicated power`,
    );
  }

  private parseArgs(t: Token, fn: FunctionInfo): Expr[] {
    const open = this.next();
    this.openParens++;
    if (this.isOp(this.peek(), ')')) {
      throw fail(
        'arity',
        `\`${t.text}\` needs ${fn.minArgs === 1 ? 'an argument' : `${fn.minArgs} arguments`}`,
        this.peek().pos,
        `write ${t.text}(z)`,
      );
    }
    const args: Expr[] = [this.parseCond()];
    while (this.isOp(this.peek(), ',')) {
      this.next();
      args.push(this.parseCond());
    }
    this.closeParen(open);
    if (args.length < fn.minArgs || args.length > fn.maxArgs) {
      throw fail('arity', `\`${t.text}\` takes ${arityText(fn)}, not ${args.length}`, t.pos, `usage: ${fn.signature}`);
    }
    return args;
  }

  /** `exp z`: only a single name or number followed by an operator, `)` or the end. */
  private parseBareArgument(t: Token, fn: FunctionInfo, powered: boolean): Expr {
    const a = this.peek();
    const after = this.peek(1);
    const simple =
      a.type === 'number' ||
      (a.type === 'name' &&
        (a.text === this.variable || this.symbols.has(a.text) || a.text === 'e' || a.text === 'pi'));
    const closed = after.type === 'end' || (after.type === 'op' && CLOSERS.has(after.text));
    if (simple && closed && fn.minArgs === 1) {
      this.next();
      return this.parsePrimaryAt(a);
    }
    const shown = a.type === 'number' || a.type === 'name' ? a.text : this.variable;
    const example = powered ? `${t.text}(${shown})^2` : `${t.text}(${shown})`;
    throw fail('needs-parentheses', `\`${t.text}\` needs parentheses around its argument`, a.pos, `write ${example}`);
  }

  private parsePrimaryAt(a: Token): Expr {
    if (a.type === 'number') return num(a.value, a.text);
    if (a.text === 'e' || a.text === 'pi') return constant(a.text);
    return name(a.text);
  }

  // ── errors ────────────────────────────────────────────────────────────────

  private missingOperand(t: Token): Failure {
    const prev = this.tokens[this.index - 1];
    if (this.isOp(t, ')')) {
      if (this.openParens === 0)
        return fail(
          'unbalanced-close',
          'unbalanced parenthesis: this `)` has no matching `(`',
          t.pos,
          'remove it or add a `(`',
        );
      return fail('missing-operand', 'expected an expression before `)`', t.pos);
    }
    const after = prev === undefined ? '' : ` after \`${prev.text}\``;
    if (t.type === 'end')
      return fail('missing-operand', `the expression ends too early: expected a number, name or \`(\`${after}`, t.pos);
    return fail('missing-operand', `expected a number, name or \`(\`${after}, found \`${t.text}\``, t.pos);
  }

  private unexpected(t: Token): Failure {
    if (this.isOp(t, ')'))
      return fail(
        'unbalanced-close',
        'unbalanced parenthesis: this `)` has no matching `(`',
        t.pos,
        'remove it or add a `(`',
      );
    if (this.isOp(t, ',')) {
      const prev = this.tokens[this.index - 1];
      const after = this.peek(1);
      if (prev?.type === 'number' && after.type === 'number' && !t.spaceBefore && !after.spaceBefore) {
        return fail(
          'unexpected-token',
          'unexpected `,`',
          t.pos,
          `write decimals with a point: ${prev.text}.${after.text}`,
        );
      }
      return fail(
        'unexpected-token',
        'unexpected `,`',
        t.pos,
        'commas only separate function arguments, as in max(0, z)',
      );
    }
    if (this.isOp(t, ':'))
      return fail('unexpected-token', '`:` without a `?` before it', t.pos, 'a piecewise answer reads z > 0 ? 1 : 0');
    if (this.isOp(t, '?'))
      return fail('unexpected-token', 'unexpected `?`', t.pos, 'a piecewise answer reads z > 0 ? 1 : 0');
    if (this.isOp(t, '|'))
      return fail('unbalanced-bar', 'this `|` has no matching `|`', t.pos, 'an absolute value reads |z| or abs(z)');
    return fail('unexpected-token', `unexpected \`${t.text}\``, t.pos);
  }

  private unknownName(t: Token): Failure {
    // Long runs of letters are shown shortened: the position already says where they are.
    const n = t.text.length > 24 ? `${t.text.slice(0, 24)}…` : t.text;
    const isCall = this.isOp(this.peek(1), '(');
    if (t.text === 'd' && this.isOp(this.peek(1), '/') && this.derivatives) {
      return fail(
        'derivative-notation',
        `expected d/d${this.variable}(…)`,
        t.pos,
        `derivatives are taken with respect to ${this.variable}, with parentheses: d/d${this.variable}(${this.variable}^2)`,
      );
    }
    if (t.text === 'd' && this.isOp(this.peek(1), '/')) {
      return fail(
        'derivative-notation',
        'derivative notation `d/dz` is not part of an answer',
        t.pos,
        'type the derivative you worked out, e.g. 2z',
      );
    }
    if (NOT_IN_COURSE.has(t.text)) {
      return fail(
        'not-in-course',
        `unknown function \`${n}\``,
        t.pos,
        `\`${n}\` is not used in this course; see the list of functions`,
      );
    }
    const parts = splitIntoKnown(t.text, this.knownNames());
    if (parts !== undefined && parts.length > 1) {
      return fail('joined-names', `unknown name \`${n}\``, t.pos, `put a space or * between names: ${parts.join('*')}`);
    }
    const legal = [this.variable, ...this.symbols].map((s) => `\`${s}\``).join(', ');
    if (isCall && n.length > 1)
      return fail('unknown-function', `unknown function \`${n}\``, t.pos, 'see the list of functions');
    const error = fail(
      'unknown-name',
      `unknown name \`${n}\``,
      t.pos,
      `names you can use here: ${legal}, \`e\`, \`pi\``,
    );
    return new Failure({ ...error.error, name: t.text });
  }

  private knownNames(): string[] {
    return [this.variable, ...this.symbols, 'e', 'pi', ...FUNCTIONS.keys(), 'ln'];
  }
}

/** `1 argument`, `1 or 2 arguments`, `at least 2 arguments`. */
function arityText(fn: FunctionInfo): string {
  const s = (k: number): string => (k === 1 ? '' : 's');
  if (fn.maxArgs === Number.POSITIVE_INFINITY) return `at least ${fn.minArgs} argument${s(fn.minArgs)}`;
  if (fn.minArgs === fn.maxArgs) return `${fn.minArgs} argument${s(fn.minArgs)}`;
  return `${fn.minArgs} or ${fn.maxArgs} arguments`;
}

/** The trailing identifier or number of a text, for hints (`2e^2` → `e`). */
function lastWord(text: string): string {
  const m = /[A-Za-z0-9_.)]+$/.exec(text);
  return m === null ? text : m[0];
}

/**
 * Splits `zexp` into known names (`z`, `exp`) when possible, fewest parts first, for the hint on
 * a missing space. Dynamic programming over prefixes with back-pointers, O(length × names);
 * names longer than 40 characters are not worth a hint.
 */
function splitIntoKnown(word: string, known: readonly string[]): string[] | undefined {
  if (word.length > 40) return undefined;
  // parts[end]: fewest names spelling word.slice(0, end); last[end]: the final one of them.
  const parts: number[] = [0];
  const last: string[] = [''];
  for (let end = 1; end <= word.length; end++) {
    for (const k of known) {
      const start = end - k.length;
      const before = parts[start];
      if (start < 0 || before === undefined || !word.startsWith(k, start)) continue;
      const current = parts[end];
      if (current === undefined || before + 1 < current) {
        parts[end] = before + 1;
        last[end] = k;
      }
    }
  }
  if (parts[word.length] === undefined) return undefined;
  const result: string[] = [];
  for (let end = word.length; end > 0;) {
    const k = last[end] ?? '';
    result.unshift(k);
    end -= k.length;
  }
  return result;
}
