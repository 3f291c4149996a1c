import type { CompareOp, Expr } from './expr.ts';
import { FUNCTIONS } from './functions.ts';
import { PRECEDENCE, precedence } from './to-text.ts';
import { GREEK_TEX } from './greek.ts';

/** How {@link toTeX} prints. */
export interface TeXOptions {
  /**
   * TeX for particular names instead of the default (`{ g: 'g(z)' }`). Default: single letters as
   * themselves, Greek names as letters (`alpha` → `\alpha`), `a_1` → `a_{1}`, longer names in `\mathit`.
   */
  readonly symbolTeX?: Readonly<Record<string, string>>;
  /**
   * Nodes (by identity) to wrap in `\htmlClass{changed}{…}`, e.g. from {@link changedNodes}.
   * Default: none. A highlighted node keeps its own brackets outside the highlight.
   */
  readonly highlight?: ReadonlySet<Expr>;
}

const COMPARE_TEX: Readonly<Record<CompareOp, string>> = { '<': '<', '<=': '\\le', '>': '>', '>=': '\\ge' };

/** Exponents of `e` up to this many TeX characters print as `e^{…}`; longer ones as `\exp\left(…\right)`. */
const SHORT_EXPONENT = 16;

const HIGHLIGHT_OPEN = '\\htmlClass{changed}{';

/**
 * Textbook TeX for display with KaTeX (`\frac{1}{1+e^{-z}}`, `2z`, `g\left(1-g\right)`,
 * `\tanh^{2}(z)`, `\begin{cases}…\end{cases}`), with the fewest parentheses that keep the tree's
 * meaning. Conventions: an integer power of a one-argument named function goes on the name
 * (`\tanh^{2}(z)`, `\sigma^{2}(z)`); `log` prints as `\ln`; `heaviside` as `H`; a product is
 * written by juxtaposition unless the right factor starts with a digit or a fraction (`2 \cdot 3`).
 */
export function toTeX(e: Expr, options: TeXOptions = {}): string {
  return new TeXPrinter(options).print(e);
}

class TeXPrinter {
  private readonly highlight: ReadonlySet<Expr>;
  private readonly symbolTeX: Readonly<Record<string, string>>;

  constructor(options: TeXOptions) {
    this.highlight = options.highlight ?? new Set();
    this.symbolTeX = options.symbolTeX ?? {};
  }

  print(e: Expr): string {
    const tex = this.body(e);
    return this.highlight.has(e) ? `${HIGHLIGHT_OPEN}${tex}}` : tex;
  }

  private body(e: Expr): string {
    switch (e.kind) {
      case 'number':
        return numberTeX(e.value, e.text);
      case 'name':
        return Object.hasOwn(this.symbolTeX, e.name) ? (this.symbolTeX[e.name] ?? e.name) : nameTeX(e.name);
      case 'constant':
        return e.name === 'pi' ? '\\pi' : 'e';
      case 'neg': {
        const arg = this.print(e.arg);
        return `-${precedence(e.arg) < PRECEDENCE.mul || startsWithMinus(arg) ? paren(arg) : arg}`;
      }
      case 'add':
      case 'sub': {
        const left = this.operand(e.left, precedence(e.left) < PRECEDENCE.add);
        const r = this.print(e.right);
        const p = precedence(e.right);
        const wrapRight = p < PRECEDENCE.add || (e.kind === 'sub' && p === PRECEDENCE.add) || startsWithMinus(r);
        return `${left}${e.kind === 'add' ? '+' : '-'}${wrapRight ? paren(r) : r}`;
      }
      case 'mul':
        return this.product(e.left, e.right);
      case 'div':
        return `\\frac{${this.print(e.left)}}{${this.print(e.right)}}`;
      case 'pow':
        return this.power(e.left, e.right);
      case 'call':
        return this.call(e.name, e.args);
      case 'compare': {
        const left = this.operand(e.left, precedence(e.left) <= PRECEDENCE.compare);
        const right = this.operand(e.right, precedence(e.right) <= PRECEDENCE.compare);
        return `${left} ${COMPARE_TEX[e.op]} ${right}`;
      }
      case 'cond':
        return this.cases(e);
      case 'derivative':
        // A component of a vector (`z_j`) is one of several variables: the derivative is partial.
        return e.variable.includes('_')
          ? `\\frac{\\partial}{\\partial ${nameTeX(e.variable)}}\\left(${this.print(e.arg)}\\right)`
          : `\\frac{d}{d${nameTeX(e.variable)}}\\left(${this.print(e.arg)}\\right)`;
      case 'sum': {
        // Σ binds like a product's factor: a sum or difference in the body is bracketed.
        const body = this.operand(e.body, precedence(e.body) < PRECEDENCE.mul);
        return `\\sum_{${nameTeX(e.index)}=${this.print(e.from)}}^{${this.print(e.to)}} ${body}`;
      }
      case 'delta':
        return `\\delta_{${this.print(e.i)}${this.print(e.j)}}`;
    }
  }

  private operand(e: Expr, wrap: boolean): string {
    const tex = this.print(e);
    return wrap ? paren(tex) : tex;
  }

  /** Juxtaposition (`2z`, `g\left(1-g\right)`), or `\cdot` before a digit or a fraction. */
  private product(left: Expr, right: Expr): string {
    const l = this.operand(left, precedence(left) < PRECEDENCE.mul);
    const rawRight = this.print(right);
    // Products are associative, so a right-nested product needs no brackets; a sum or a leading minus does.
    const r = precedence(right) < PRECEDENCE.mul || startsWithMinus(rawRight) ? paren(rawRight) : rawRight;
    const lead = stripOpeners(r);
    if (/^[0-9.]/.test(lead) || lead.startsWith('\\frac')) return `${l} \\cdot ${r}`;
    // `\alpha z`: a control word needs a space before a letter.
    const space = /\\[A-Za-z]+$/.test(l) && /^[A-Za-z]/.test(r) ? ' ' : '';
    return `${l}${space}${r}`;
  }

  private power(base: Expr, exponent: Expr): string {
    const exp = this.print(exponent);
    if (base.kind === 'constant' && base.name === 'e' && !this.highlight.has(base)) return `e^{${exp}}`;
    // tanh(z)^2 → \tanh^{2}(z): the textbook convention for a positive integer power of a named function.
    if (
      base.kind === 'call' &&
      !this.highlight.has(base) &&
      base.args.length === 1 &&
      base.name !== 'exp' &&
      base.name !== 'sqrt' &&
      base.name !== 'abs' &&
      exponent.kind === 'number' &&
      Number.isInteger(exponent.value) &&
      exponent.value >= 1 &&
      !this.highlight.has(exponent)
    ) {
      const head = FUNCTIONS.get(base.name)?.tex ?? base.name;
      return `${head}^{${exp}}${this.argumentList(base.args)}`;
    }
    const b = this.print(base);
    const atomic =
      base.kind === 'name' ||
      base.kind === 'constant' ||
      (base.kind === 'number' && !b.includes('\\times') && !b.includes('^')) ||
      (base.kind === 'call' && base.name !== 'exp');
    const shown = atomic ? b : paren(b);
    return `${shown.startsWith(HIGHLIGHT_OPEN) ? `{${shown}}` : shown}^{${exp}}`;
  }

  private call(fn: string, args: readonly Expr[]): string {
    const first = args[0];
    if (fn === 'exp' && first !== undefined) {
      const a = this.print(first);
      return isTall(a) || a.length > SHORT_EXPONENT ? `\\exp\\left(${a}\\right)` : `e^{${a}}`;
    }
    if (fn === 'sqrt' && first !== undefined) return `\\sqrt{${this.print(first)}}`;
    if (fn === 'abs' && first !== undefined) {
      const a = this.print(first);
      return isTall(a) ? `\\left\\lvert ${a}\\right\\rvert` : `\\lvert ${a}\\rvert`;
    }
    const head = (FUNCTIONS as ReadonlyMap<string, { tex: string }>).get(fn)?.tex ?? `\\operatorname{${fn}}`;
    return `${head}${this.argumentList(args)}`;
  }

  /** `(z)`, or `\left(…\right)` around tall arguments. */
  private argumentList(args: readonly Expr[]): string {
    const inner = args.map((a) => this.print(a)).join(', ');
    return isTall(inner) ? paren(inner) : `(${inner})`;
  }

  /** Nested conditions in the `otherwise` branch become further rows of one `cases`. */
  private cases(e: Expr & { kind: 'cond' }): string {
    const rows: string[] = [];
    let current: Expr = e;
    while (current.kind === 'cond' && (current === e || !this.highlight.has(current))) {
      rows.push(`${this.print(current.then)} & ${this.print(current.test)}`);
      current = current.otherwise;
    }
    rows.push(`${this.print(current)} & \\text{otherwise}`);
    return `\\begin{cases} ${rows.join(' \\\\ ')} \\end{cases}`;
  }
}

function paren(tex: string): string {
  return `\\left(${tex}\\right)`;
}

/** The TeX with leading highlight wrappers and braces removed, to see what it visibly starts with. */
function stripOpeners(tex: string): string {
  let t = tex;
  for (;;) {
    if (t.startsWith(HIGHLIGHT_OPEN)) t = t.slice(HIGHLIGHT_OPEN.length);
    else if (t.startsWith('{')) t = t.slice(1);
    else return t;
  }
}

function startsWithMinus(tex: string): boolean {
  return stripOpeners(tex).startsWith('-');
}

/** Fractions and cases are tall: brackets around them should grow (`\left(…\right)`). */
function isTall(tex: string): boolean {
  return tex.includes('\\frac') || tex.includes('\\begin');
}

/** `0.01` as typed, `.5` → `0.5`, `1e-3` → `10^{-3}`, `2.5e3` → `2.5 \times 10^{3}`. */
export function numberTeX(value: number, text: string): string {
  const m = /^(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (m === null || text === '' || text === '.' || Number(text) !== value) {
    return text === String(value) ? String(value) : numberTeX(value, String(value));
  }
  const whole = m[1] === '' || m[1] === undefined ? '0' : m[1];
  const fraction = m[2] === undefined || m[2] === '' ? '' : `.${m[2]}`;
  const mantissa = `${whole}${fraction}`;
  if (m[3] === undefined) return mantissa;
  const power = `10^{${String(Number.parseInt(m[3], 10))}}`;
  return mantissa === '1' ? power : `${mantissa} \\times ${power}`;
}

/** `z`, `\alpha`, `a_{1}`, `\mathit{rate}`. */
export function nameTeX(n: string): string {
  const underscore = n.indexOf('_');
  if (underscore > 0 && underscore < n.length - 1) {
    const sub = n.slice(underscore + 1);
    return `${nameTeX(n.slice(0, underscore))}_{${/^[0-9]+$/.test(sub) ? sub : nameTeX(sub)}}`;
  }
  if (GREEK_TEX.has(n)) return `\\${n}`;
  if (n === 'epsilon') return '\\varepsilon';
  if (/^[A-Za-z]$/.test(n)) return n;
  return `\\mathit{${n.replace(/_/g, '\\_')}}`;
}
