import erfDouble from '@stdlib/math-base-special-erf';
import erfcDouble from '@stdlib/math-base-special-erfc';
import Decimal from 'decimal.js';
import { activations } from '../math/index.ts';
import type { ActivationId } from '../math/index.ts';
import { children, FUNCTIONS, parse } from '../symbolic/index.ts';
import type { CompareOp, Expr } from '../symbolic/index.ts';
import type { Scope } from './evaluate-with-derivatives.ts';

/**
 * Evaluation in high precision (50 significant digits, exponents up to ±9·10¹⁵), for the points
 * where float64 cannot decide: where a side's running error bound is what excuses a difference
 * (`σ − σ²` at z = 30, or `1e16·w·(g − g)` planted to widen the tolerance), where a side overflows
 * (`exp(z)/(1 + exp(z))²` at z = 1000, or `z > 20 ? exp(800) : …` planted to be skipped), and for
 * constant subexpressions (`(1e16 + 2 − 1e16)`, folded exactly once). With 50 digits an honest form
 * agrees with the reference to ~1e-40, while the planted difference stands out.
 *
 * Numbers are read from the text they were written as (`0.1` is exactly 1/10); the variable and
 * parameters are their doubles' binary values to 50 digits. `erf` alone is taken at float64's
 * relative accuracy (see `erf`). The registry's activations are
 * evaluated through their formula in the answer syntax (`expression` of each entry), with the
 * optional second argument setting the entry's parameter. `d/dz(…)` nodes are not supported:
 * {@link preciseEvaluator} returns undefined for such a tree.
 */
const D = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_EVEN, maxE: 9e15, minE: -9e15, toExpNeg: -7 });
type Dec = InstanceType<typeof D>;

/**
 * A value in high precision, and whether it can be trusted: false when some addition or
 * subtraction on the way cancelled more than {@link MAX_LOST_DIGITS} of the 50 digits
 * (`cosh(1000)² − sinh(1000)²`, `1e60·(1 + z) + 1 − 1e60·(1 + z)`): then 50 digits say nothing.
 */
export interface PreciseValue {
  readonly value: Dec;
  readonly trusted: boolean;
}

/** A compiled tree: the value at z in high precision (NaN: undefined, or beyond Decimal's range). */
export type PreciseFn = (z: number) => PreciseValue;

/** Digits an evaluation may lose to cancellation and still leave 20 of its 50 (far more than the 1e-11 tolerance needs). */
const MAX_LOST_DIGITS = 30;
/** A value with this many significant digits may have been rounded to the 50 kept. */
const EXACT_DIGITS = 45;
/** Most digits lost by one addition or subtraction during the current evaluation. */
let lostDigits = 0;

/** x ± y, noting how many leading digits cancel. */
function addNoting(x: Dec, y: Dec, minus: boolean): Dec {
  const v = minus ? x.minus(y) : x.plus(y);
  // Operands with fewer than EXACT_DIGITS significant digits were not rounded (literals, the
  // point, their products): cancelling them loses nothing (0.1·z − 0.1·z is exactly 0).
  if (v.isFinite() && !x.isZero() && !y.isZero() && (x.sd() >= EXACT_DIGITS || y.sd() >= EXACT_DIGITS)) {
    const lost = v.isZero() ? Number.POSITIVE_INFINITY : Math.max(x.e, y.e) - v.e;
    if (lost > lostDigits) lostDigits = lost;
  }
  return v;
}

const ZERO = new D(0);
const ONE = new D(1);
const HALF = new D(0.5);
const NAN = new D(Number.NaN);
const PI = D.acos(-1);
const E = D.exp(1);

/** A double's binary value as a Decimal, to 50 digits (exact for integers below 2⁵³ and short dyadic fractions). */
export function exactDecimal(x: number): Dec {
  if (!Number.isFinite(x)) return new D(x);
  // toPrecision(60) is not always exact; the binary expansion via BigInt is.
  if (Number.isInteger(x) && Math.abs(x) < 2 ** 53) return new D(x);
  const [mantissa, exponent] = binaryParts(x);
  const m = new D(mantissa.toString());
  return exponent >= 0 ? m.mul(new D(2).pow(exponent)) : m.div(new D(2).pow(-exponent));
}

/** x = mantissa·2^exponent with an integer mantissa. */
function binaryParts(x: number): [bigint, number] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const sign = bits >> 63n === 1n ? -1n : 1n;
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & 0xfffffffffffffn;
  if (biased === 0) return [sign * fraction, -1074];
  return [sign * (fraction | 0x10000000000000n), biased - 1075];
}

const ok = (d: Dec): boolean => d.isFinite();

// ── special functions in high precision ────────────────────────────────────

/**
 * erf at float64's relative accuracy (≤ 1e-16), not 50 digits: a 50-digit series costs ~1 ms per
 * point, too much for a 2 ms grading. Beside saturation it goes through erfc (relative accuracy
 * of the small quantity), so 1 + erf(x) at x = −6 keeps its digits in the arithmetic around it.
 */
function erf(x: Dec): Dec {
  if (!ok(x)) return x.isNaN() ? NAN : new D(x.s ?? 1);
  const v = x.toNumber();
  if (Math.abs(v) < 0.5) return exactDecimal(erfDouble(v));
  const tail = exactDecimal(erfcDouble(Math.abs(v)));
  return v < 0 ? tail.minus(1) : ONE.minus(tail);
}

/** Beyond this |x|, e^x is not computed (its decimal exponent would pass 4·10⁸). */
const EXP_LIMIT = 1e9;
/** Beyond this |y·ln x|, x^y is not computed (Decimal's pow slows down with it). */
const POW_LIMIT = 1e6;

/** e^x, or NaN beyond ±EXP_LIMIT (then the point stays unconfirmed, never equal). */
function exp(x: Dec): Dec {
  if (!x.isFinite()) return x.isNaN() ? NAN : x.isPos() ? new D(Infinity) : ZERO;
  if (x.abs().gt(EXP_LIMIT)) return NAN;
  // e^x = 2^k·e^r with r = x − k·ln 2 in [−0.35, 0.35]; e^r by its Taylor series in 200-bit fixed
  // point (BigInt), ~20× faster than Decimal's own exp and accurate to ~1e-58.
  const k = Math.round(x.toNumber() / Math.LN2);
  const r = x.minus(LN2.mul(k));
  const scaled = BigInt(r.mul(FIXED_ONE_DEC).toFixed(0));
  let term = FIXED_ONE;
  let sum = FIXED_ONE;
  for (let n = 1n; n < 80n && term !== 0n; n++) {
    term = (term * scaled) / FIXED_ONE / n;
    sum += term;
  }
  const er = new D(sum.toString()).div(FIXED_ONE_DEC);
  return k >= 0 ? er.mul(TWO.pow(k)) : er.div(TWO.pow(-k));
}

const TWO = new D(2);
const LN2 = D.ln(2);
/** 2²⁰⁰, the unit of the fixed-point Taylor series in `exp`. */
const FIXED_ONE = 1n << 200n;
const FIXED_ONE_DEC = new D(FIXED_ONE.toString());

const sigmoid = (x: Dec): Dec => ONE.div(ONE.plus(exp(x.neg())));
// sinh, cosh, tanh and sech from e^(−|x|), so that no intermediate is larger than the result.
const sinh = (x: Dec): Dec => {
  const e = exp(x.abs());
  const v = e.minus(ONE.div(e)).div(2);
  return x.isNeg() ? v.neg() : v;
};
const cosh = (x: Dec): Dec => {
  const e = exp(x.abs());
  return e.plus(ONE.div(e)).div(2);
};
const tanh = (x: Dec): Dec => {
  const e2 = exp(x.abs().mul(-2));
  const v = ONE.minus(e2).div(ONE.plus(e2));
  return x.isNeg() ? v.neg() : v;
};
const sech = (x: Dec): Dec => {
  const e = exp(x.abs().neg());
  return e.mul(2).div(ONE.plus(e.mul(e)));
};

/** The elementary functions; the registry's activations go through their formulas (see `activation`). */
const ELEMENTARY: ReadonlyMap<string, (args: readonly Dec[]) => Dec> = new Map<string, (args: readonly Dec[]) => Dec>([
  ['exp', ([x = NAN]) => exp(x)],
  ['log', ([x = NAN]) => (x.isNeg() ? NAN : x.isZero() ? new D(-Infinity) : D.ln(x))],
  ['sqrt', ([x = NAN]) => (x.isNeg() ? NAN : x.sqrt())],
  ['abs', ([x = NAN]) => x.abs()],
  ['sign', ([x = NAN]) => (x.isNaN() ? NAN : x.isZero() ? ZERO : new D(x.s ?? 1))],
  ['sinh', ([x = NAN]) => sinh(x)],
  ['cosh', ([x = NAN]) => cosh(x)],
  ['tanh', ([x = NAN]) => tanh(x)],
  ['sech', ([x = NAN]) => sech(x)],
  ['sigmoid', ([x = NAN]) => sigmoid(x)],
  ['erf', ([x = NAN]) => erf(x)],
  ['max', (xs) => (xs.some((x) => x.isNaN()) ? NAN : D.max(...xs))],
  ['min', (xs) => (xs.some((x) => x.isNaN()) ? NAN : D.min(...xs))],
  // heaviside(0) = 1/2, as functions.ts.
  ['heaviside', ([x = NAN]) => (x.isNaN() ? NAN : x.isZero() ? HALF : x.isPos() ? ONE : ZERO)],
]);

/** Parsed registry formulas, once per activation. */
const formulas = new Map<ActivationId, { tree: Expr; defaults: Map<string, number> }>();

function activationFormula(id: ActivationId): { tree: Expr; defaults: Map<string, number> } | undefined {
  const hit = formulas.get(id);
  if (hit !== undefined) return hit;
  const entry = activations[id];
  const defaults = new Map<string, number>(entry.params.map((p) => [p.name, p.default]));
  const parsed = parse(entry.expression, { symbols: [...defaults.keys()] });
  if (!parsed.ok) return undefined;
  const formula = { tree: parsed.tree, defaults };
  formulas.set(id, formula);
  return formula;
}

function compareValues(op: CompareOp, a: Dec, b: Dec): Dec {
  if (a.isNaN() || b.isNaN()) return ZERO;
  const c = a.cmp(b);
  const holds = op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : c >= 0;
  return holds ? ONE : ZERO;
}

/** Thrown while compiling a tree the precise evaluator does not support. */
class Unsupported extends Error {}

/**
 * Compiles `e` for high-precision evaluation in `scope`, or returns undefined when it contains a
 * `d/dz(…)` node (directly or through a definition) or an unknown name.
 */
export function preciseEvaluator(e: Expr, scope: Scope): PreciseFn | undefined {
  let byScope = evaluators.get(e);
  if (byScope === undefined) {
    byScope = new WeakMap();
    evaluators.set(e, byScope);
  }
  if (byScope.has(scope)) return byScope.get(scope);
  let result: PreciseFn | undefined;
  try {
    const fn = compile(e, scope, new Map(), new Set());
    // Values are kept per point: the grader's reference (one tree, one scope) meets the same
    // sample points with every answer.
    const values = new Map<number, PreciseValue>();
    result = (z) => {
      const hit = values.get(z);
      if (hit !== undefined) return hit;
      let v: Dec;
      lostDigits = 0;
      try {
        v = fn(exactDecimal(z));
      } catch {
        v = NAN;
      }
      const value = { value: v, trusted: lostDigits <= MAX_LOST_DIGITS };
      if (values.size >= VALUE_CACHE) values.clear();
      values.set(z, value);
      return value;
    };
  } catch (error) {
    if (!(error instanceof Unsupported)) throw error;
    result = undefined;
  }
  byScope.set(scope, result);
  return result;
}

/** Compiled trees, by tree and scope (trees and scopes are immutable). */
const evaluators = new WeakMap<Expr, WeakMap<Scope, PreciseFn | undefined>>();
/** Most point values kept per compiled tree. */
const VALUE_CACHE = 4096;

/** The exact value of a constant tree (no names), or undefined if it has none in range. */
export function preciseConstant(e: Expr): Dec | undefined {
  const fn = preciseEvaluator(e, { variable: '\u0000', params: new Map(), define: new Map() });
  const v = fn?.(0);
  return v !== undefined && v.trusted && v.value.isFinite() ? v.value : undefined;
}

type Compiled = (z: Dec) => Dec;

function compile(e: Expr, scope: Scope, defined: Map<string, Compiled>, compiling: Set<string>): Compiled {
  const build = (node: Expr): Compiled => compile(node, scope, defined, compiling);
  if (e.kind !== 'number' && e.kind !== 'constant' && !mentionsName(e)) {
    // A constant subexpression is evaluated once, at the first point.
    const inner = compileNode(e, build, scope, defined, compiling);
    let value: Dec | undefined;
    return (z) => (value ??= inner(z));
  }
  return compileNode(e, build, scope, defined, compiling);
}

/** Whether `e` mentions a name or a d/dz node (otherwise it is a constant). */
function mentionsName(e: Expr): boolean {
  if (e.kind === 'name' || e.kind === 'derivative') return true;
  return children(e).some(mentionsName);
}

function compileNode(
  e: Expr,
  build: (node: Expr) => Compiled,
  scope: Scope,
  defined: Map<string, Compiled>,
  compiling: Set<string>,
): Compiled {
  switch (e.kind) {
    case 'number': {
      let v: Dec;
      try {
        v = new D(e.text);
      } catch {
        v = exactDecimal(e.value);
      }
      return () => v;
    }
    case 'constant': {
      const v = e.name === 'e' ? E : PI;
      return () => v;
    }
    case 'name': {
      const n = e.name;
      if (n === scope.variable) return (z) => z;
      const p = scope.params.get(n);
      if (p !== undefined) {
        const v = exactDecimal(p);
        return () => v;
      }
      const tree = scope.define.get(n);
      if (tree === undefined || compiling.has(n)) throw new Unsupported(n);
      const done = defined.get(n);
      if (done !== undefined) return done;
      compiling.add(n);
      const fn = build(tree);
      compiling.delete(n);
      defined.set(n, fn);
      return fn;
    }
    case 'neg': {
      const a = build(e.arg);
      return (z) => a(z).neg();
    }
    case 'add': {
      const [l, r] = [build(e.left), build(e.right)];
      return (z) => addNoting(l(z), r(z), false);
    }
    case 'sub': {
      const [l, r] = [build(e.left), build(e.right)];
      return (z) => addNoting(l(z), r(z), true);
    }
    case 'mul': {
      const [l, r] = [build(e.left), build(e.right)];
      return (z) => l(z).mul(r(z));
    }
    case 'div': {
      const [l, r] = [build(e.left), build(e.right)];
      return (z) => {
        const d = r(z);
        return d.isZero() ? NAN : l(z).div(d);
      };
    }
    case 'pow': {
      const [l, r] = [build(e.left), build(e.right)];
      return (z) => {
        const x = l(z);
        const y = r(z);
        // A negative base needs an integer exponent (as Math.pow); 0 to a negative power is a pole.
        if (x.isNeg() && !y.isInteger()) return NAN;
        if (x.isZero() && y.isNeg()) return NAN;
        if (x.isZero() && y.isZero()) return ONE;
        // Small integer powers are a few multiplications whatever the size of x.
        if (x.isZero() || x.abs().eq(ONE) || (y.isInteger() && y.abs().lte(64))) return x.pow(y);
        // |x^y| = e^(y·ln|x|), ln|x| ≈ (decimal exponent + 1)·ln 10: refuse what exp would refuse,
        // before Decimal spends long on it.
        const size = Math.abs(y.toNumber()) * (Math.abs(x.e) + 1) * Math.LN10;
        if (!(size <= POW_LIMIT)) return NAN;
        return x.pow(y);
      };
    }
    case 'compare': {
      const [l, r] = [build(e.left), build(e.right)];
      const op = e.op;
      return (z) => compareValues(op, l(z), r(z));
    }
    case 'cond': {
      const [t, a, b] = [build(e.test), build(e.then), build(e.otherwise)];
      return (z) => {
        const test = t(z);
        if (test.isNaN()) return NAN;
        return test.isZero() ? b(z) : a(z);
      };
    }
    case 'derivative':
      throw new Unsupported('derivative');
    case 'sum':
    case 'delta':
      throw new Unsupported(e.kind);
    case 'call': {
      const args = e.args.map(build);
      const elementary = ELEMENTARY.get(e.name);
      if (elementary !== undefined) return (z) => elementary(args.map((a) => a(z)));
      const info = FUNCTIONS.get(e.name);
      const id = info?.activationId;
      const formula = id === undefined ? undefined : activationFormula(id);
      if (info === undefined || formula === undefined) throw new Unsupported(e.name);
      // The activation's formula, with z bound to the first argument and the parameter to the second.
      const [first, second] = args;
      if (first === undefined) throw new Unsupported(e.name);
      const inner = compile(
        formula.tree,
        {
          variable: 'z',
          params: formula.defaults,
          define: new Map(),
        },
        new Map(),
        new Set(),
      );
      if (second === undefined || info.param === undefined) return (z) => inner(first(z));
      const param = info.param;
      const withParam = (value: Dec): Compiled =>
        compile(
          formula.tree,
          {
            variable: 'z',
            params: new Map([...formula.defaults, [param, value.toNumber()]]),
            define: new Map(),
          },
          new Map(),
          new Set(),
        );
      // A constant second argument (the common case) is compiled once.
      const constant = second(ZERO);
      const fixed = withParam(constant);
      return (z) => {
        const p = second(z);
        return (p.eq(constant) ? fixed : withParam(p))(first(z));
      };
    }
  }
}

/** Whether two high-precision values agree: relative 1e-11, or both below `floor` in size. */
export function preciseAgree(a: Dec, b: Dec, relative: number, floor: number): boolean {
  if (!a.isFinite() || !b.isFinite()) return false;
  const size = D.max(a.abs(), b.abs());
  return a.minus(b).abs().lte(size.mul(relative).plus(floor));
}

/** A Decimal as the nearest double (±Infinity beyond float64's range). */
export const toDouble = (d: Dec): number => d.toNumber();
