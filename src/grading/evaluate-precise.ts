import { activations } from '../math/index.ts';
import type { ActivationId } from '../math/index.ts';
import { FUNCTIONS, isClosed, parse } from '../symbolic/index.ts';
import type { CompareOp, Expr } from '../symbolic/index.ts';
import type { Scope } from './evaluate-with-derivatives.ts';
import { D, exactDecimal, NAN, ONE, PRECISE_MATH, ZERO } from './precise-math.ts';
import type { Dec } from './precise-math.ts';

export { exactDecimal } from './precise-math.ts';

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
/** Most digits lost by one addition or subtraction during the current evaluation of one compiled tree. */
interface Tally {
  lost: number;
}

/** x ± y, noting in `tally` how many leading digits cancel. */
function addNoting(x: Dec, y: Dec, minus: boolean, tally: Tally): Dec {
  const v = minus ? x.minus(y) : x.plus(y);
  // Operands with fewer than EXACT_DIGITS significant digits were not rounded (literals, the
  // point, their products): cancelling them loses nothing (0.1·z − 0.1·z is exactly 0).
  if (v.isFinite() && !x.isZero() && !y.isZero() && (x.sd() >= EXACT_DIGITS || y.sd() >= EXACT_DIGITS)) {
    const lost = v.isZero() ? Number.POSITIVE_INFINITY : Math.max(x.e, y.e) - v.e;
    if (lost > tally.lost) tally.lost = lost;
  }
  return v;
}

const PI = D.acos(-1);
const E = D.exp(1);

/** Beyond this |y·ln x|, x^y is not computed (Decimal's pow slows down with it). */
const POW_LIMIT = 1e6;

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
    // One tally per compiled tree, reset at each point: evaluations of one tree never nest.
    const tally: Tally = { lost: 0 };
    const fn = compile(e, scope, new Map(), new Set(), tally);
    // Values are kept per point: the grader's reference (one tree, one scope) meets the same
    // sample points with every answer.
    const values = new Map<number, PreciseValue>();
    result = (z) => {
      const hit = values.get(z);
      if (hit !== undefined) return hit;
      let v: Dec;
      tally.lost = 0;
      try {
        v = fn(exactDecimal(z));
      } catch {
        v = NAN;
      }
      const value = { value: v, trusted: tally.lost <= MAX_LOST_DIGITS };
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

function compile(
  e: Expr,
  scope: Scope,
  defined: Map<string, Compiled>,
  compiling: Set<string>,
  tally: Tally,
): Compiled {
  const build = (node: Expr): Compiled => compile(node, scope, defined, compiling, tally);
  if (e.kind !== 'number' && e.kind !== 'constant' && isClosed(e)) {
    // A constant subexpression is evaluated once, at the first point.
    const inner = compileNode(e, build, scope, defined, compiling, tally);
    let value: Dec | undefined;
    return (z) => (value ??= inner(z));
  }
  return compileNode(e, build, scope, defined, compiling, tally);
}

function compileNode(
  e: Expr,
  build: (node: Expr) => Compiled,
  scope: Scope,
  defined: Map<string, Compiled>,
  compiling: Set<string>,
  tally: Tally,
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
      return (z) => addNoting(l(z), r(z), false, tally);
    }
    case 'sub': {
      const [l, r] = [build(e.left), build(e.right)];
      return (z) => addNoting(l(z), r(z), true, tally);
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
      const info = FUNCTIONS.get(e.name);
      const precise = info?.precise;
      if (precise !== undefined)
        return (z) =>
          precise(
            args.map((a) => a(z)),
            PRECISE_MATH,
          );
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
        tally,
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
          tally,
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
