import { derive } from './differentiate.ts';
import { substitute } from './derivative-rules.ts';
import {
  add,
  call,
  compare,
  cond,
  constant,
  derivative,
  div,
  kronecker,
  mul,
  name,
  neg,
  num,
  pow,
  sub,
  sumOver,
} from './expr.ts';
import type { CompareOp, Expr } from './expr.ts';
import { FUNCTIONS } from './functions.ts';
import type { FunctionName } from './functions.ts';
import { GREEK_TEX } from './greek.ts';
import type { IndexedOptions } from './indexed.ts';
import type { TeXErrorCode, TeXReadError } from './tex-read-error.ts';
import { tokenizeTeX } from './tex-tokens.ts';
import type { TeXToken } from './tex-tokens.ts';

/** A name a formula may use for an expression of the variable: `a` for σ(z), or `g` as the function g(z). */
export interface TeXDefinition {
  readonly tree: Expr;
  /**
   * `true` when the name is a function of the variable (`g(z) = …`): then `g(2)` is g at 2 and
   * `g'` its derivative. `false` for a value (`a = σ(z)`): `a(1 - a)` is a product.
   */
  readonly isFunction: boolean;
}

/** What a formula may refer to besides numbers, `e`, `\pi`, the variable and the functions. */
export interface TeXReadOptions {
  /** The variable. Default `'z'`. */
  readonly variable?: string;
  /** Parameters, as answer-syntax names (`alpha`, `lambda`, `h`); read as names. Default: none. */
  readonly parameters?: readonly string[];
  /** Defined names (`g`, `a`, `u`, or a Greek name such as `varphi`), replaced by their trees. */
  readonly definitions?: ReadonlyMap<string, TeXDefinition>;
  /** Added to every error position (where this TeX starts in a larger text). Default 0. */
  readonly offset?: number;
  /**
   * Vectors and free indices, as for `parse` (indexed.ts): with them the reader also reads the
   * components `z_i`, `s_{k}`, `y_1`, the length `n`, `\delta_{ij}`, `\sum_{k=1}^{n} …` / `\sum_k …`
   * and the partial derivatives `\frac{\partial s_i}{\partial z_j}`, `\partial s_i / \partial z_j`,
   * `\frac{\partial}{\partial z_j} X`. Default: none (those are errors, as without vectors).
   */
  readonly indexed?: IndexedOptions;
}

export type TeXReadResult =
  { readonly ok: true; readonly tree: Expr } | { readonly ok: false; readonly error: TeXReadError };

/**
 * Function heads written as control words (`\tanh`, `\sigma`, `\ln`), from the function table's
 * `tex` and `texAliases`; `\sqrt` and `\lvert` are grammar, read by the `Reader` itself.
 */
const COMMAND_FUNCTIONS: ReadonlyMap<string, FunctionName> = new Map(
  [...FUNCTIONS.values()].flatMap((info) =>
    [info.tex, ...(info.texAliases ?? [])]
      .filter((tex) => /^\\[a-zA-Z]+$/.test(tex) && tex !== '\\sqrt' && tex !== '\\lvert')
      .map((tex): [string, FunctionName] => [tex, info.name]),
  ),
);

/** `\operatorname{X}` by the lower-cased X (`relu`, `gelu_{\tanh}`), from the function table's TeX and names. */
const OPERATOR_NAMES: ReadonlyMap<string, FunctionName> = (() => {
  const map = new Map<string, FunctionName>();
  for (const [fn, info] of FUNCTIONS) {
    const m = /^\\operatorname\{([^}]*)\}(.*)$/.exec(info.tex);
    if (m !== null) map.set(`${m[1] ?? ''}${m[2] ?? ''}`.toLowerCase(), fn);
    if (!fn.includes('_')) map.set(fn, fn);
  }
  return map;
})();

/** The standard normal CDF and density, as trees in `u` (built in: `\Phi(z)`, `\varphi(z)`). */
const NORMAL: ReadonlyMap<string, Expr> = new Map([
  // Φ(u) = (1 + erf(u/√2))/2
  ['\\Phi', div(add(num(1), call('erf', [div(name('u'), call('sqrt', [num(2)]))])), num(2))],
  // φ(u) = e^{−u²/2}/√(2π)
  [
    '\\varphi',
    div(call('exp', [neg(div(pow(name('u'), num(2)), num(2)))]), call('sqrt', [mul(num(2), constant('pi'))])),
  ],
]);

const LEFT: ReadonlyMap<string, string> = new Map([
  ['\\left', '\\right'],
  ['\\bigl', '\\bigr'],
  ['\\Bigl', '\\Bigr'],
  ['\\biggl', '\\biggr'],
]);
const CLOSING: ReadonlyMap<string, string> = new Map([
  ['(', ')'],
  ['[', ']'],
  ['\\lvert', '\\rvert'],
  ['|', '|'],
  ['\\{', '\\}'],
]);
const COMPARE: ReadonlyMap<string, CompareOp | '=' | '≠'> = new Map([
  ['<', '<'],
  ['\\lt', '<'],
  ['\\le', '<='],
  ['\\leq', '<='],
  ['>', '>'],
  ['\\gt', '>'],
  ['\\ge', '>='],
  ['\\geq', '>='],
  ['=', '='],
  ['\\ne', '≠'],
  ['\\neq', '≠'],
]);

class Failure extends Error {
  readonly error: TeXReadError;
  constructor(error: TeXReadError) {
    super(error.message);
    this.error = error;
  }
}

/**
 * Reads one expression of the TeX the lessons write into the course's expression tree. Never
 * throws: a symbol it cannot read is an error with a stable `code` and the symbol's position; it
 * guesses nothing.
 *
 * The subset: numbers (`4.2 \times 10^{-18}`), the variable, parameters and defined names;
 * `e`, `\pi`; `+ - \cdot \times /` and juxtaposition; `^{…}` (and `^{\prime}`); `\frac`, `\dfrac`,
 * `\tfrac` (`\tfrac12`); brackets `( )`, `[ ]`, `{ }`, `\left( \right)`, `\bigl( \bigr)`;
 * `|…|`, `\lvert … \rvert`; `\sqrt{…}`; `\sigma`, `\tanh`, `\sinh`, `\cosh`, `\exp`, `\ln`,
 * `\max`, `\min`, `\operatorname{ReLU}` (every function of the language, case-insensitive),
 * `\Phi` and `\varphi` (standard normal CDF and density); a function's power on its name
 * (`\tanh^{2}(z)`), its primes (`\sigma'(2)`, the derivative by the one differentiator), an
 * argument without brackets when it is one factor (`\tanh u`), or none at all (`\sigma'` is
 * σ′(z)); `\begin{cases} value & condition \\ … \end{cases}` with conditions built from `<`,
 * `\le`, `>`, `\ge`, `=`, `\ne`, chains (`-3 < z < 3`), `\text{or}`, `\text{and}`, `\text{otherwise}`
 * (a `cases` without `otherwise` is undefined, 0/0, where no row applies). With the `indexed`
 * option, also components (`z_i`, `s_{k}`, `y_1`), `n`, `\delta_{ij}`, sums (`\sum_{k=1}^{n}`, `\sum_k`,
 * `\sum_{i \ne j}`) and partial derivatives by a component (`\frac{\partial s_i}{\partial z_j}`,
 * `\partial s_i / \partial z_j`), into the nodes of indexed.ts, which `expandIndices` writes out.
 */
export function readTeX(tex: string, options: TeXReadOptions = {}): TeXReadResult {
  const offset = options.offset ?? 0;
  const tokenized = tokenizeTeX(tex);
  if (!tokenized.ok) {
    return { ok: false, error: { ...tokenized.error, position: tokenized.error.position + offset } };
  }
  try {
    const reader = new Reader(tokenized.tokens, tex.length, options);
    return { ok: true, tree: reader.readAll() };
  } catch (e) {
    if (e instanceof Failure) return { ok: false, error: { ...e.error, position: e.error.position + offset } };
    const message = e instanceof Error ? e.message : String(e);
    return { ok: false, error: { code: 'unsupported', message: `internal: ${message}`, position: offset } };
  }
}

class Reader {
  private i = 0;
  private absDepth = 0;
  private readonly variable: string;
  private readonly parameters: ReadonlySet<string>;
  private readonly definitions: ReadonlyMap<string, TeXDefinition>;
  private readonly indexed: IndexedOptions | undefined;
  /** Indices bound by the sums around the current position. */
  private readonly bound: string[] = [];
  /** A copy: `\tfrac12` splits a number token in place. */
  private readonly tokens: TeXToken[];
  private readonly length: number;

  constructor(tokens: readonly TeXToken[], length: number, options: TeXReadOptions) {
    this.tokens = [...tokens];
    this.length = length;
    this.variable = options.variable ?? 'z';
    this.parameters = new Set(options.parameters ?? []);
    this.definitions = options.definitions ?? new Map();
    this.indexed = options.indexed;
  }

  readAll(): Expr {
    if (this.tokens.length === 0) throw this.fail('empty', 'nothing to read', 0);
    const e = this.expression();
    const t = this.peek();
    if (t?.text === '\\text') throw this.fail('text', 'text is not mathematics to check', t.position);
    if (t !== undefined) throw this.fail('unexpected', `unexpected \`${t.text}\``, t.position);
    return e;
  }

  private peek(k = 0): TeXToken | undefined {
    return this.tokens[this.i + k];
  }

  private next(): TeXToken {
    const t = this.tokens[this.i];
    if (t === undefined) throw this.fail('unexpected-end', 'the formula stops here', this.length);
    this.i++;
    return t;
  }

  private is(text: string, k = 0): boolean {
    return this.peek(k)?.text === text;
  }

  private expect(text: string, opened: TeXToken): TeXToken {
    const t = this.peek();
    if (t?.text !== text) {
      throw this.fail('unbalanced', `\`${opened.text}\` is not closed by \`${text}\``, t?.position ?? this.length);
    }
    return this.next();
  }

  private fail(code: TeXErrorCode, message: string, position: number): Failure {
    return new Failure({ code, message, position });
  }

  private expression(): Expr {
    let left = this.signed();
    for (;;) {
      const t = this.peek();
      if (t?.text === '+') {
        this.next();
        left = add(left, this.signed());
      } else if (t?.text === '-') {
        this.next();
        left = sub(left, this.signed());
      } else if (t?.text === '\\pm' || t?.text === '\\mp') {
        throw this.fail('unsupported', `\`${t.text}\` stands for two formulas; write each`, t.position);
      } else {
        return left;
      }
    }
  }

  private signed(): Expr {
    const t = this.peek();
    if (t?.text === '-') {
      this.next();
      return neg(this.signed());
    }
    if (t?.text === '+') {
      this.next();
      return this.signed();
    }
    return this.term();
  }

  private term(): Expr {
    let left = this.power();
    for (;;) {
      const t = this.peek();
      if (t === undefined) return left;
      if (t.text === '\\cdot' || t.text === '\\times' || t.text === '*') {
        this.next();
        left = mul(left, this.signedFactor());
      } else if (t.text === '/') {
        this.next();
        left = div(left, this.signedFactor());
      } else if (this.startsFactor(t)) {
        left = mul(left, this.power());
      } else {
        return left;
      }
    }
  }

  /** A factor after `\cdot` or `/` may carry its own sign (`2 \cdot -z` is rare but plain). */
  private signedFactor(): Expr {
    if (this.is('-')) {
      this.next();
      return neg(this.power());
    }
    return this.power();
  }

  /** Whether `t` can begin a factor juxtaposed to the one before (`2z`, `z\sigma(z)`). */
  private startsFactor(t: TeXToken): boolean {
    if (t.kind === 'number' || t.kind === 'letter') return true;
    if (t.text === '|') return this.absDepth === 0;
    if (t.text === '(' || t.text === '[' || t.text === '{') return true;
    if (t.kind !== 'command') return false;
    return !(
      COMPARE.has(t.text) ||
      CLOSING_COMMANDS.has(t.text) ||
      TEXT_COMMANDS.has(t.text) ||
      ['\\cdot', '\\times', '\\pm', '\\mp', '\\quad', '\\qquad', '\\end', '\\\\', '\\approx'].includes(t.text)
    );
  }

  private power(): Expr {
    let base = this.primary();
    while (this.is('^')) {
      const caret = this.next();
      if (this.isPrimeGroup())
        throw this.fail('unsupported', 'a prime on an expression that is not a function', caret.position);
      base = pow(base, this.group());
    }
    if (this.is("'")) {
      const t = this.next();
      throw this.fail('unsupported', 'a prime on an expression that is not a function', t.position);
    }
    return base;
  }

  /** `^{\prime}` or `^\prime`. */
  private isPrimeGroup(): boolean {
    return this.is('\\prime') || (this.is('{') && this.is('\\prime', 1) && this.is('}', 2));
  }

  /** A TeX argument: `{…}`, or a single token (`^2`, `\frac12` takes one digit at a time). */
  private group(): Expr {
    const t = this.peek();
    if (t === undefined) throw this.fail('unexpected-end', 'an argument is missing', this.length);
    if (t.text === '{') {
      const open = this.next();
      const e = this.expression();
      this.expect('}', open);
      return e;
    }
    if (t.kind === 'number') {
      this.next();
      const digit = t.text[0] ?? '0';
      if (t.text.length > 1) {
        // `\tfrac12`: TeX takes one character per argument; the rest is the next token.
        this.tokens.splice(this.i, 0, {
          kind: 'number',
          text: t.text.slice(1),
          position: t.position + 1,
        });
      }
      return num(Number(digit), digit);
    }
    return this.primary();
  }

  private primary(): Expr {
    const t = this.next();
    if (t.kind === 'number') {
      const value = Number(t.text);
      return num(value, t.text);
    }
    if (t.kind === 'letter') return this.letter(t);
    switch (t.text) {
      case '(':
      case '[': {
        const e = this.expression();
        this.expect(CLOSING.get(t.text) ?? ')', t);
        return e;
      }
      case '{': {
        const e = this.expression();
        this.expect('}', t);
        return e;
      }
      case '|':
      case '\\lvert':
        return this.abs(t, CLOSING.get(t.text) ?? '|');
      case '\\left':
      case '\\bigl':
      case '\\Bigl':
      case '\\biggl':
        return this.sized(t);
      case '\\pi':
        return constant('pi');
      case '\\frac':
      case '\\dfrac':
      case '\\tfrac': {
        const partial = this.partialFraction();
        if (partial !== undefined) return partial;
        const operator = this.derivativeOperator();
        if (operator !== undefined) return operator;
        const numerator = this.group();
        return div(numerator, this.group());
      }
      case '\\sqrt': {
        if (this.is('[')) throw this.fail('unsupported', 'only square roots are read', t.position);
        return call('sqrt', [this.group()]);
      }
      case '\\operatorname':
        return this.operatorName(t);
      case '\\begin':
        return this.cases(t);
      case '\\partial':
        if (this.indexed !== undefined) return this.partialSlash(t);
        break;
      case '\\delta':
        if (this.indexed !== undefined && this.is('_')) return this.delta(t);
        break;
      case '\\sum':
        if (this.indexed !== undefined) return this.sum(t);
        break;
      case '\\text':
      case '\\mathrm':
      case '\\textrm':
        throw this.fail('text', 'text outside the conditions of a `cases` is not mathematics to check', t.position);
      default:
        break;
    }
    const fn = COMMAND_FUNCTIONS.get(t.text);
    const key = t.text.slice(1);
    if (t.kind === 'command' && this.definitions.has(key)) return this.defined(t, key);
    if (fn !== undefined) return this.application(t, fn);
    const normal = NORMAL.get(t.text);
    if (normal !== undefined) return this.builtIn(t, normal);
    if (t.kind === 'command' && (GREEK_TEX.has(key) || key === 'varepsilon')) {
      if (this.parameters.has(key)) return name(key);
      throw this.fail('unknown-symbol', `\`${t.text}\` is neither a parameter nor defined here`, t.position);
    }
    if (t.kind === 'command') throw this.fail('unknown-command', `the reader does not know \`${t.text}\``, t.position);
    throw this.fail('unexpected', `unexpected \`${t.text}\``, t.position);
  }

  /** The letter with its subscript, if one follows: `a_1`, `z_{i}` → `a_1`, `z_i`. */
  private subscripted(t: TeXToken): string {
    if (!this.is('_')) return t.text;
    this.next();
    const sub = this.next();
    if (sub.text !== '{') return `${t.text}_${sub.text}`;
    const parts: string[] = [];
    while (!this.is('}')) parts.push(this.next().text);
    this.next();
    return `${t.text}_${parts.join('')}`;
  }

  private letter(t: TeXToken): Expr {
    // `a_1`, `z_{i}`: a subscripted name, read as `a_1` (must be declared like any other name).
    const key = this.subscripted(t);
    const indexed = this.indexedName(t, key);
    if (indexed !== undefined) return indexed;
    if (this.definitions.has(key)) return this.defined(t, key);
    if (key === this.variable) return name(key);
    if (this.parameters.has(key)) return name(key);
    if (key === 'e') return constant('e');
    // H(z): the Heaviside step, as the TeX printer writes it.
    if (key === 'H' && (this.is('(') || (LEFT.has(this.peek()?.text ?? '') && this.is('(', 1)))) {
      return this.application(t, 'heaviside');
    }
    throw this.fail('unknown-symbol', `\`${key}\` is neither the variable, a parameter nor defined here`, t.position);
  }

  /** A defined name: the value, or for a function `g`, `g(u)`, `g'`, `g'(u)`. */
  private defined(t: TeXToken, key: string): Expr {
    const def = this.definitions.get(key) as TeXDefinition;
    if (!def.isFunction) {
      // `u'` for a value u defined as an expression of z (`u = e^{z} - e^{-z}`): its derivative in z.
      const primes = this.primes();
      return primes === 0 ? def.tree : this.differentiate(def.tree, primes, t);
    }
    const primes = this.primes();
    const f = primes === 0 ? def.tree : this.differentiate(def.tree, primes, t);
    // `g(1 - g)`: a bracket that mentions the function itself is a product with its value, not an argument.
    const arg = this.mentionsInBracket(t.text) ? undefined : this.bracketedArguments();
    if (arg === undefined) return f;
    if (arg.length !== 1) throw this.fail('unsupported', `\`${key}\` takes one argument`, t.position);
    return substitute(f, new Map([[this.variable, arg[0] as Expr]]));
  }

  /** `\Phi`, `\varphi`: built-in functions of one argument (primes allowed). */
  private builtIn(t: TeXToken, body: Expr): Expr {
    const primes = this.primes();
    const args = this.bracketedArguments() ?? this.bareArgument() ?? [name(this.variable)];
    if (args.length !== 1) throw this.fail('unsupported', `\`${t.text}\` takes one argument`, t.position);
    let f = substitute(body, new Map([['u', name(this.variable)]]));
    if (primes > 0) f = this.differentiate(f, primes, t);
    return substitute(f, new Map([[this.variable, args[0] as Expr]]));
  }

  private primes(): number {
    let n = 0;
    for (;;) {
      if (this.is("'")) {
        this.next();
        n++;
      } else if (
        this.is('^') &&
        (this.is('\\prime', 1) || (this.is('{', 1) && this.is('\\prime', 2) && this.is('}', 3)))
      ) {
        this.i += this.is('{', 1) ? 4 : 2;
        n++;
      } else {
        return n;
      }
    }
  }

  /** The n-th derivative by the course's one differentiator. */
  private differentiate(tree: Expr, n: number, at: TeXToken): Expr {
    let f = tree;
    for (let k = 0; k < n; k++) {
      const d = derive(f, [...this.parameters], this.variable);
      if (!d.ok) throw this.fail('unsupported', `cannot differentiate \`${at.text}\`: ${d.error.message}`, at.position);
      f = d.derivativeTree;
    }
    return f;
  }

  /**
   * `\frac{d}{dz} X` (the derivative of the product X that follows) or `\frac{du}{dz}` (of a
   * defined u), by the one differentiator. `\frac{d}{dw}` for another letter is not read.
   */
  private derivativeOperator(): Expr | undefined {
    const t = (k: number): string | undefined => this.peek(k)?.text;
    const v = this.variable;
    if (t(0) === '{' && t(1) === 'd' && t(2) === '}' && t(3) === '{' && t(4) === 'd' && t(5) === v && t(6) === '}') {
      const at = this.peek(1) as TeXToken;
      this.i += 7;
      // The operator applies to the product that follows (`\frac{d}{dz}\,\alpha(e^{z} - 1)`).
      return this.differentiate(this.term(), 1, at);
    }
    const of = this.peek(2);
    const isOf = of?.kind === 'letter' && t(3) === '}' && t(4) === '{' && t(5) === 'd' && t(6) === v && t(7) === '}';
    if (t(0) === '{' && t(1) === 'd' && of !== undefined && isOf) {
      const def = this.definitions.get(of.text);
      if (def === undefined) throw this.fail('unknown-symbol', `\`${of.text}\` is not defined here`, of.position);
      this.i += 8;
      return this.differentiate(def.tree, 1, of);
    }
    return undefined;
  }

  /** Whether `x` is an index here: a declared free index or one bound by an enclosing sum. */
  private isIndex(x: string): boolean {
    return this.indexed !== undefined && (this.indexed.indices.includes(x) || this.bound.includes(x));
  }

  /**
   * With vectors: `z_i`, `s_{k}`, `y_1` (a component, the name `z_i`), the length `n` and a bare
   * index (`i`); undefined for anything else, which the caller reads as before.
   */
  private indexedName(t: TeXToken, key: string): Expr | undefined {
    const options = this.indexed;
    if (options === undefined) return undefined;
    const m = /^([A-Za-z])_([A-Za-z]|[0-9]+)$/.exec(key);
    const base = m?.[1];
    const sub = m?.[2] ?? '';
    if (base !== undefined && options.vectors.includes(base)) {
      if (/^[0-9]+$/.test(sub) ? Number(sub) < 1 : !this.isIndex(sub)) {
        throw this.fail('unknown-index', `\`${sub}\` is not an index here`, t.position);
      }
      return name(key);
    }
    if (key === (options.size ?? 'n') || this.isIndex(key)) return name(key);
    return undefined;
  }

  /** An index or a component number in a subscript (`i`, `2`). */
  private indexToken(at: TeXToken): Expr {
    const t = this.next();
    if (t.kind === 'letter' && this.isIndex(t.text)) return name(t.text);
    if (t.kind === 'number' && /^[1-9][0-9]*$/.test(t.text)) return num(Number(t.text), t.text);
    throw this.fail(
      'unknown-index',
      `\`${t.text}\` is not an index here`,
      t.kind === 'char' ? at.position : t.position,
    );
  }

  /** `\delta_{ij}`, `\delta_{i j}`, `\delta_{i,j}`: the Kronecker delta, 1 when i = j, else 0. */
  private delta(t: TeXToken): Expr {
    this.next();
    const open = this.next();
    if (open.text !== '{')
      throw this.fail('unexpected', '`\\delta` needs two indices in braces: \\delta_{ij}', open.position);
    const i = this.indexToken(t);
    if (this.is(',')) this.next();
    const j = this.indexToken(t);
    this.expect('}', open);
    return kronecker(i, j);
  }

  /**
   * `\sum_{k=1}^{n} body`, `\sum_{k} body`, `\sum_k body` (k from 1 to n), `\sum_{k \ne j} body`
   * (the same with the term k = j left out): k is bound in the body,
   * the product that follows (it ends at the next `+`, `-` or relation outside brackets).
   */
  private sum(t: TeXToken): Expr {
    const options = this.indexed as IndexedOptions;
    if (!this.is('_')) throw this.fail('sum-syntax', 'a sum needs its index: \\sum_{k=1}^{n}', t.position);
    this.next();
    const open = this.is('{') ? this.next() : undefined;
    const index = this.next();
    if (index.kind !== 'letter') throw this.fail('sum-syntax', "a sum's index is one letter", index.position);
    const k = index.text;
    if (options.vectors.includes(k) || k === (options.size ?? 'n') || this.bound.includes(k)) {
      throw this.fail('sum-index', `\`${k}\` is already in use; a sum needs a new index letter`, index.position);
    }
    let from: Expr = num(1);
    let to: Expr = name(options.size ?? 'n');
    /** `\sum_{i \ne j}`: the term k = j left out, as the factor 1 − δ_kj. */
    let without: Expr | undefined;
    if (open !== undefined) {
      if (this.is('=')) {
        this.next();
        from = this.expression();
      } else if (this.is('\\ne') || this.is('\\neq')) {
        const ne = this.next();
        without = this.indexToken(ne);
      }
      this.expect('}', open);
    }
    if (this.is('^')) {
      if (open === undefined) throw this.fail('sum-syntax', 'write the bounds as \\sum_{k=1}^{n}', t.position);
      this.next();
      to = this.group();
    }
    const next = this.peek();
    if (next === undefined || !this.startsFactor(next)) {
      throw this.fail('sum-syntax', 'a sum needs a body', next?.position ?? this.length);
    }
    this.bound.push(k);
    const body = this.term();
    this.bound.pop();
    return sumOver(k, from, to, without === undefined ? body : mul(sub(num(1), kronecker(name(k), without)), body));
  }

  /** The component after `\partial` (`z_j`): the name of the variable differentiated by. */
  private partialVariable(at: TeXToken): string {
    const t = this.next();
    const e = t.kind === 'letter' ? this.indexedName(t, this.subscripted(t)) : undefined;
    // `\partial L / \partial z`, `\partial w`: by a scalar, as without vectors, `\partial` is not read.
    if (e?.kind !== 'name' || !/^[A-Za-z]_/.test(e.name)) {
      throw this.fail(
        'unknown-command',
        'the reader knows `\\partial` only by a component of a vector (z_j)',
        at.position,
      );
    }
    return e.name;
  }

  /**
   * `\frac{\partial s_i}{\partial z_j}` (the derivative of what stands after `\partial` on top) and
   * `\frac{\partial}{\partial z_j} X` (of the product X that follows); undefined for another fraction.
   */
  private partialFraction(): Expr | undefined {
    if (this.indexed === undefined || !this.is('{') || !this.is('\\partial', 1)) return undefined;
    const open = this.next();
    const at = this.next();
    const of = this.is('}') ? undefined : this.expression();
    this.expect('}', open);
    const below = this.next();
    if (below.text !== '{' || !this.is('\\partial')) {
      throw this.fail(
        'unsupported',
        'a partial derivative is written \\frac{\\partial s_i}{\\partial z_j}',
        below.position,
      );
    }
    this.next();
    const variable = this.partialVariable(at);
    this.expect('}', below);
    return derivative(variable, of ?? this.term());
  }

  /** `\partial s_i / \partial z_j`: the same derivative, written inline. */
  private partialSlash(t: TeXToken): Expr {
    const of = this.power();
    const slash = this.next();
    if (slash.text !== '/' || !this.is('\\partial')) {
      throw this.fail('unsupported', 'a partial derivative is written \\partial s_i / \\partial z_j', slash.position);
    }
    this.next();
    return derivative(this.partialVariable(t), of);
  }

  /** `\operatorname{ReLU}`, `\operatorname{GELU}_{\tanh}`. */
  private operatorName(t: TeXToken): Expr {
    const open = this.next();
    if (open.text !== '{') throw this.fail('unexpected', '`\\operatorname` needs a braced name', open.position);
    let word = '';
    while (!this.is('}')) word += this.next().text;
    this.next();
    let key = word.toLowerCase();
    if (this.is('_')) {
      const save = this.i;
      this.next();
      let subscript = this.next().text;
      if (subscript === '{') {
        subscript = '';
        while (!this.is('}')) subscript += this.next().text;
        this.next();
      }
      const withSub = `${key}_{${subscript}}`;
      if (OPERATOR_NAMES.has(withSub)) key = withSub;
      else this.i = save;
    }
    const fn = OPERATOR_NAMES.get(key);
    if (fn === undefined) {
      throw this.fail('unknown-function', `\`\\operatorname{${word}}\` is no function of the course`, t.position);
    }
    return this.application(t, fn);
  }

  /** A function head, then primes, a power on the name, and its argument(s). */
  private application(t: TeXToken, fn: FunctionName): Expr {
    const primes = this.primes();
    let power: Expr | undefined;
    if (this.is('^')) {
      const caret = this.next();
      power = this.group();
      if (power.kind === 'neg' || (power.kind === 'number' && !Number.isInteger(power.value))) {
        throw this.fail('unsupported', 'a negative power on a function name could mean its inverse', caret.position);
      }
    }
    // `\sigma(1 - \sigma)`: a bracket that mentions the function itself is a product with σ(z).
    const args =
      COMMAND_FUNCTIONS.has(t.text) && this.mentionsInBracket(t.text)
        ? [name(this.variable)]
        : (this.bracketedArguments() ?? this.bareArgument() ?? [name(this.variable)]);
    const info = FUNCTIONS.get(fn);
    if (info !== undefined && (args.length < info.minArgs || args.length > info.maxArgs)) {
      throw this.fail('unsupported', `\`${t.text}\` takes ${String(info.minArgs)} argument(s)`, t.position);
    }
    // A parameter of the lesson in scope sets the activation's parameter (`\operatorname{ELU}(z)` with α).
    const fullArgs =
      info?.param !== undefined && args.length === 1 && this.parameters.has(info.param)
        ? [...args, name(info.param)]
        : args;
    let value: Expr;
    if (primes === 0) {
      value = call(fn, fullArgs);
    } else {
      if (args.length !== 1) throw this.fail('unsupported', 'a prime on a function of several arguments', t.position);
      const rest = fullArgs.slice(1);
      const d = this.differentiate(call(fn, [name(this.variable), ...rest]), primes, t);
      value = substitute(d, new Map([[this.variable, args[0] as Expr]]));
    }
    return power === undefined ? value : pow(value, power);
  }

  /**
   * Whether the bracket that follows contains `head` used as a value, without an argument of its
   * own (`\sigma(1 - \sigma)`, `g(1 - g)`; not `\sigma(\sigma(z))`).
   */
  private mentionsInBracket(head: string): boolean {
    let k = this.i;
    if (LEFT.has(this.tokens[k]?.text ?? '')) k++;
    if (this.tokens[k]?.text !== '(') return false;
    let depth = 0;
    for (; k < this.tokens.length; k++) {
      const text = this.tokens[k]?.text;
      if (text === '(') depth++;
      else if (text === ')') depth--;
      else if (text === head && !APPLIED.has(this.tokens[k + 1]?.text ?? '')) return true;
      if (depth === 0) return false;
    }
    return false;
  }

  /** `(a, b)`, `\left(…\right)`, `\bigl(…\bigr)`, or undefined when no bracket follows. */
  private bracketedArguments(): Expr[] | undefined {
    const t = this.peek();
    if (t === undefined) return undefined;
    let close: string;
    let opened: TeXToken;
    if (t.text === '(') {
      opened = this.next();
      close = ')';
    } else if (LEFT.has(t.text) && this.is('(', 1)) {
      opened = this.next();
      this.next();
      close = LEFT.get(t.text) ?? '\\right';
    } else {
      return undefined;
    }
    const args = [this.expression()];
    while (this.is(',')) {
      this.next();
      args.push(this.expression());
    }
    if (close !== ')') this.expect(close, opened);
    this.expect(')', opened);
    return args;
  }

  /** `\tanh u`, `\tanh 0`, `\operatorname{sech}^{2} z`: one atom with its power, no brackets. */
  private bareArgument(): Expr[] | undefined {
    const t = this.peek();
    if (t === undefined) return undefined;
    // `\ln \sigma(z)`: a function applied to a function's value; `\ln\dfrac{a}{b}`: to a fraction.
    if (
      COMMAND_FUNCTIONS.has(t.text) ||
      t.text === '\\operatorname' ||
      t.text === '\\frac' ||
      t.text === '\\dfrac' ||
      t.text === '\\tfrac' ||
      t.text === '\\sqrt'
    )
      return [this.power()];
    if (
      t.kind === 'number' ||
      t.kind === 'letter' ||
      (t.kind === 'command' && (GREEK_TEX.has(t.text.slice(1)) || t.text === '\\pi') && !COMMAND_FUNCTIONS.has(t.text))
    ) {
      return [this.power()];
    }
    return undefined;
  }

  /** `\left( … \right)`, `\bigl| … \bigr|`, `\left\lvert … \right\rvert`. */
  private sized(t: TeXToken): Expr {
    const delimiter = this.next();
    const close = CLOSING.get(delimiter.text);
    const right = LEFT.get(t.text) ?? '\\right';
    if (close === undefined)
      throw this.fail(
        'unsupported',
        `\`${t.text}${delimiter.text}\` is not a bracket the reader knows`,
        delimiter.position,
      );
    const isAbs = delimiter.text === '|' || delimiter.text === '\\lvert';
    if (isAbs) this.absDepth++;
    const e = this.expression();
    if (isAbs) this.absDepth--;
    this.expect(right, t);
    this.expect(close, delimiter);
    return isAbs ? call('abs', [e]) : e;
  }

  private abs(open: TeXToken, close: string): Expr {
    this.absDepth++;
    const e = this.expression();
    this.absDepth--;
    this.expect(close, open);
    return call('abs', [e]);
  }

  /** `\begin{cases} v & c \\ … \end{cases}` → `c ? v : (…)`, undefined (0/0) where no row applies. */
  private cases(t: TeXToken): Expr {
    const env = this.environmentName(t);
    if (env !== 'cases') throw this.fail('unsupported', `the environment \`${env}\` is not read`, t.position);
    const rows: { value: Expr; test: Expr | 'otherwise' }[] = [];
    for (;;) {
      const value = this.expression();
      const amp = this.next();
      if (amp.text !== '&') throw this.fail('unexpected', 'a row of `cases` needs `&` and a condition', amp.position);
      rows.push({ value, test: this.condition() });
      // A sentence's punctuation may end a row (`z \le 0. \end{cases}`).
      if ((this.is('.') || this.is(',')) && (this.is('\\\\', 1) || this.is('\\end', 1))) this.next();
      if (this.is('\\\\')) {
        this.next();
        if (this.is('\\end')) break;
        continue;
      }
      break;
    }
    const end = this.next();
    if (end.text !== '\\end' || this.environmentName(end) !== 'cases') {
      throw this.fail('unbalanced', '`\\begin{cases}` is not closed by `\\end{cases}`', end.position);
    }
    let result: Expr = div(num(0), num(0));
    for (let k = rows.length - 1; k >= 0; k--) {
      const row = rows[k] as { value: Expr; test: Expr | 'otherwise' };
      result = row.test === 'otherwise' ? row.value : cond(row.test, row.value, result);
    }
    return result;
  }

  private environmentName(t: TeXToken): string {
    const open = this.next();
    if (open.text !== '{') throw this.fail('unexpected', `\`${t.text}\` needs a braced name`, open.position);
    let word = '';
    while (!this.is('}')) word += this.next().text;
    this.next();
    return word;
  }

  /** A condition of `cases`: comparisons, chains, `\text{or}`/`\text{and}`, or `\text{otherwise}`. */
  private condition(): Expr | 'otherwise' {
    const words = this.textWords();
    if (words === 'otherwise') return 'otherwise';
    let result = this.chain();
    for (;;) {
      const w = this.textWords();
      if (w === 'or') result = call('max', [result, this.chain()]);
      else if (w === 'and' || (this.is(',') && !this.is('\\\\', 1) && !this.is('\\end', 1))) {
        if (this.is(',')) this.next();
        result = mul(result, this.chain());
      } else return result;
    }
  }

  /** Reads `\text{…}` if one is next: `otherwise`, `or`, `and`, or skips `if`/`for`. */
  private textWords(): 'otherwise' | 'or' | 'and' | undefined {
    while (this.is('\\text') || this.is('\\mathrm')) {
      const t = this.next();
      const open = this.next();
      if (open.text !== '{') throw this.fail('unexpected', '`\\text` needs braces', open.position);
      let last = open;
      while (!this.is('}')) last = this.next();
      this.next();
      const words = this.sourceBetween(open, last);
      const w = words.trim().toLowerCase();
      if (w === 'otherwise' || w === 'else') return 'otherwise';
      if (w === 'or') return 'or';
      if (w === 'and') return 'and';
      if (w !== 'if' && w !== 'for' && w !== 'when' && w !== '') {
        throw this.fail('text', `the condition text \`${words.trim()}\` is not read`, t.position);
      }
    }
    return undefined;
  }

  private sourceBetween(open: TeXToken, last: TeXToken): string {
    const start = this.tokens.indexOf(open);
    const end = this.tokens.indexOf(last);
    return this.tokens
      .slice(start + 1, end + 1)
      .map((t) => t.text)
      .join('');
  }

  /** `a < b`, `a \le b < c`, `g = 0`, `z \ne 0`: comparisons joined by "and". */
  private chain(): Expr {
    let left = this.expression();
    let result: Expr | undefined;
    for (;;) {
      const t = this.peek();
      const op = t === undefined ? undefined : COMPARE.get(t.text);
      if (op === undefined || t === undefined) break;
      this.next();
      const right = this.expression();
      const test: Expr =
        op === '='
          ? mul(compare('<=', left, right), compare('>=', left, right))
          : op === '≠'
            ? sub(num(1), mul(compare('<=', left, right), compare('>=', left, right)))
            : compare(op, left, right);
      result = result === undefined ? test : mul(result, test);
      left = right;
    }
    if (result === undefined) {
      throw this.fail('unexpected', 'a condition of `cases` needs a comparison', this.peek()?.position ?? this.length);
    }
    return result;
  }
}

/** Tokens after a function head that give it an argument, a prime or a power. */
const APPLIED: ReadonlySet<string> = new Set(['(', '\\left', '\\bigl', '\\Bigl', "'", '^']);
const TEXT_COMMANDS: ReadonlySet<string> = new Set(['\\text', '\\mathrm', '\\textrm']);
const CLOSING_COMMANDS: ReadonlySet<string> = new Set(['\\right', '\\bigr', '\\Bigr', '\\biggr', '\\rvert', '\\}']);
