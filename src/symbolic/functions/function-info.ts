import type Decimal from 'decimal.js';
import type { ActivationId, ParamName } from '../../math/index.ts';
import type { DerivativeRule, RuleApplication } from '../derivative-rules.ts';
import type { CallNode, Expr } from '../expr.ts';
import type { FunctionName } from '../functions.ts';

/**
 * A point where a function of one argument u is not smooth, at u = `at`:
 * - `kink`: f continuous, f′ jumps from `left` to `right` (the one-sided slopes, at the
 *   registry's default parameters for an activation);
 * - `jump`: f itself jumps (sign, heaviside);
 * - `pole`: f′ (or f) is undefined there and beyond (log and sqrt at 0).
 */
export type KinkSpec =
  | { readonly kind: 'kink'; readonly at: number; readonly left: number; readonly right: number }
  | { readonly kind: 'jump'; readonly at: number }
  | { readonly kind: 'pole'; readonly at: number };

/**
 * How the checker (`src/grading/evaluate-with-derivatives.ts`) bounds the error of f(x) given an
 * error eₓ of its argument:
 * - `slope`: first order, |f′(x)|·eₓ, written `propagate(x, v, eₓ)` with v = f(x) (a function
 *   singular at a point may return a Hölder bound there: √ at 0 gives √eₓ); `edgeAtZero`: a
 *   non-finite value at an exact 0 is the mathematics (ln 0, a pole), not float64's loss;
 *   `positive`: f > 0 everywhere, so a value of 0 is an underflow;
 * - `lipschitz`: f moves by at most the largest error of its arguments (max, min);
 * - `spread`: the spread of f over each argument's error interval (covers jumps; the default).
 */
export type ErrorModel =
  | {
      readonly kind: 'slope';
      readonly propagate: (x: number, v: number, ex: number) => number;
      readonly edgeAtZero?: boolean;
      readonly positive?: boolean;
    }
  | { readonly kind: 'lipschitz' }
  | { readonly kind: 'spread' };

/**
 * The high-precision primitives an entry's `precise` may use (50 significant digits; provided by
 * `src/grading/precise-math.ts`, so that this layer does not load decimal.js itself).
 */
export interface PreciseMath {
  /** The Decimal constructor in use (50 digits): `m.D.atan(x)`, `new m.D(2)`. */
  readonly D: typeof Decimal;
  readonly NAN: Decimal;
  readonly ZERO: Decimal;
  readonly ONE: Decimal;
  readonly HALF: Decimal;
  readonly exp: (x: Decimal) => Decimal;
  readonly sinh: (x: Decimal) => Decimal;
  readonly cosh: (x: Decimal) => Decimal;
  readonly tanh: (x: Decimal) => Decimal;
  readonly sech: (x: Decimal) => Decimal;
  readonly sigmoid: (x: Decimal) => Decimal;
  readonly erf: (x: Decimal) => Decimal;
}

/** f′(u) of a one-argument function, for the derivation steps. */
export interface OuterDerivative {
  /** f′ at the argument u. */
  readonly outer: (u: Expr) => Expr;
  readonly rule: DerivativeRule;
  /** What f′(u) is, in answer syntax with u: printed as `f(u)' = <note>`. */
  readonly note: string;
}

/** What a whole-call rule (`max`, `min`) gets from the differentiator. */
export interface RuleTools {
  /** The node `d/dv(x)`, still to differentiate. */
  readonly d: (x: Expr) => Expr;
  /** Whether `x` is free of the variable. */
  readonly isConstant: (x: Expr) => boolean;
}

/**
 * One function of the expression language, everything about it in one entry: what the parser
 * accepts (name, aliases, arity), how it prints (TeX) and is explained (help line), its value in
 * float64, with an error bound, and in 50 digits, its derivative, and where it is not smooth.
 * Families: `elementary.ts`, `extremum.ts`, `activation-functions.ts`; the table is `../functions.ts`.
 */
export interface FunctionInfo {
  /** Canonical name, as `toText` prints it. */
  readonly name: FunctionName;
  /** Other spellings the parser accepts (`ln` for log). A symbol an exercise declares takes precedence. */
  readonly aliases?: readonly string[];
  /** Fewest and most arguments accepted (`max`/`min` take two or more). */
  readonly minArgs: number;
  readonly maxArgs: number;
  /** How to call it, for the help popover: `leaky_relu(z, alpha)`. */
  readonly signature: string;
  /** One line for the help popover. */
  readonly description: string;
  /** The TeX operator name (`\tanh`, `\sigma`, `\operatorname{ReLU}`); exp, sqrt and abs print specially. */
  readonly tex: string;
  /** Other TeX heads the formula reader takes for this function (`\\log` for log). */
  readonly texAliases?: readonly string[];
  /** The registry id in `src/math` when the function is an activation evaluated through the math core. */
  readonly activationId?: ActivationId;
  /** The registry parameter an optional second argument sets (`leaky_relu(z, 0.2)` → alpha = 0.2). */
  readonly param?: ParamName;
  /** Numeric value at already-evaluated arguments (argument count is checked by the parser). */
  readonly evaluate: (args: readonly number[]) => number;
  /** How the checker bounds the rounding error of a value. */
  readonly error: ErrorModel;
  /**
   * The value in 50 digits. Without it, an activation is evaluated through its registry formula
   * (`expression`) and any other function is not supported (the point stays unconfirmed).
   */
  readonly precise?: (args: readonly Decimal[], m: PreciseMath) => Decimal;
  /**
   * f′ for a one-argument function. Without it, an activation's comes from the registry's
   * `derivativeExpression`; `rule` replaces both for a function of several arguments.
   */
  readonly derivative?: OuterDerivative;
  /** The whole differentiation rule of a call, for functions of several arguments (max, min). */
  readonly rule?: (e: CallNode, v: string, tools: RuleTools) => RuleApplication;
  /** Where f is not smooth in its (first) argument: kinks with one-sided slopes, jumps, poles. */
  readonly kinks: readonly KinkSpec[];
  /** The switching expressions of a call when not the kinks in the first argument (`a − b` for max(a, b)). */
  readonly switches?: (args: readonly Expr[]) => readonly Expr[];
  /**
   * Whether the zeros and near-zeros of the argument are features the checker must sample
   * (`exp(−1e8(z − 1.234)²)`, `sigmoid(z − 60)`): true for smooth functions that do something
   * near 0, false for those whose non-smooth points are already switches.
   */
  readonly feature: boolean;
}
