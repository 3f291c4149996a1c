import { compareValues, FUNCTIONS, isClosed } from '../symbolic/index.ts';
import type { Expr, FunctionName } from '../symbolic/index.ts';
import { exactDecimal, preciseConstant } from './evaluate-precise.ts';
import { richardsonDerivative } from './richardson.ts';

/**
 * Evaluation for the checker: the value of a tree at a point *and* a running bound on its
 * floating-point error, so that the comparison can tell "these differ" from "these cancel in
 * float64". Derivative nodes `d/dz(f)` are evaluated numerically (see richardson.ts).
 *
 * Error model (first-order running error analysis, each rounding costs at most ε·|result|):
 *   x ± y : e = eₓ + e_y + ε|v|
 *   x · y : e = |y|eₓ + |x|e_y + eₓe_y + ε|v|
 *   x / y : e = (eₓ + |v|e_y)/|y| + ε|v|          (d(x/y) = (dx − v·dy)/y)
 *   x ^ y : e = |v|(|y|eₓ/|x| + |ln x|e_y) + ε|v|
 *   f(x)  : e = |f′(x)|eₓ + cε|v|                  (f′ analytic for elementary f, else the spread of
 *                                                   f over [x − eₓ, x + eₓ], which also covers jumps)
 * The bound is a worst case (absolute values add), so it over-estimates; the comparison only uses
 * it to excuse differences of that size, and refuses to call a point conclusive when it is large.
 */

/** Mutable state threaded through one evaluation. */
export interface EvalState {
  /** The variable's value at the current point. */
  z: number;
  /** Error bound of the value just returned. */
  err: number;
  /**
   * Set when a non-finite intermediate came from float64 rather than from the mathematics:
   * overflow (`exp(800)`), or a pole or domain edge hit by a value within its error of it
   * (`1/(1 − tanh(z)²)` at z = 20, where 1 − tanh² rounds to 0).
   */
  unreliable: boolean;
  /** Largest step a numeric derivative may take from `z` without crossing a kink. */
  maxStep: number;
}

/** A compiled tree: returns the value at `state.z` and leaves its error bound in `state.err`. */
export type CheckedFn = (state: EvalState) => number;

/** What names mean: the variable, parameters (numbers) and defined symbols (expressions of z). */
export interface Scope {
  readonly variable: string;
  readonly params: ReadonlyMap<string, number>;
  readonly define: ReadonlyMap<string, Expr>;
}

const EPS = Number.EPSILON;
/** Safety factor on error bounds when deciding that a value is "within its error" of an edge. */
export const ERROR_FACTOR = 4;
/** Rounding allowance, in ε·|value|, for Math functions and for the registry's activations. */
const MATH_ULPS = 4;
const REGISTRY_ULPS = 16;

/** A fresh state at `z`. */
export function stateAt(z: number, maxStep = Number.POSITIVE_INFINITY): EvalState {
  return { z, err: 0, unreliable: false, maxStep };
}

/** NaN or negative bounds become Infinity: "no idea" rather than "exact". */
const bound = (e: number): number => (e >= 0 ? e : Number.POSITIVE_INFINITY);

/**
 * Compiles `e` once for evaluation at many points. Names resolve through `scope`'s Maps only,
 * never through an object's properties. Throws an Error for a name the scope does not bind or a
 * cyclic definition: both are the caller's bugs, not a student's (the parser already refused
 * unknown names in answers).
 */
export function compileChecked(e: Expr, scope: Scope): CheckedFn {
  const defined = new Map<string, CheckedFn>();
  const compiling = new Set<string>();

  const symbol = (n: string): CheckedFn => {
    const done = defined.get(n);
    if (done !== undefined) return done;
    const tree = scope.define.get(n);
    if (tree === undefined) throw new Error(`checker: no value for the name \`${n}\``);
    if (compiling.has(n)) throw new Error(`checker: the definition of \`${n}\` refers to itself`);
    compiling.add(n);
    const fn = build(tree);
    compiling.delete(n);
    defined.set(n, fn);
    return fn;
  };

  const build = (node: Expr): CheckedFn => {
    // A constant subexpression (`1e16 + 2 − 1e16`, `sqrt(2*pi)`) is folded in high precision and
    // rounded once: its error bound is half an ulp, so an answer's own sloppiness in constants
    // never buys it a wider tolerance.
    if (node.kind !== 'number' && node.kind !== 'constant' && isClosed(node)) {
      const exact = preciseConstant(node);
      const v = exact === undefined ? Number.NaN : exact.toNumber();
      if (Number.isFinite(v)) {
        const err = exact !== undefined && exactDecimal(v).eq(exact) ? 0 : 0.5 * EPS * Math.abs(v);
        return (s) => {
          s.err = err;
          return v;
        };
      }
    }
    switch (node.kind) {
      case 'number': {
        const v = node.value;
        // Integers (below 2⁵³) are exact; a decimal like 0.1 is rounded once.
        const err = Number.isSafeInteger(v) ? 0 : 0.5 * EPS * Math.abs(v);
        return (s) => {
          s.err = err;
          return v;
        };
      }
      case 'constant': {
        const v = node.name === 'e' ? Math.E : Math.PI;
        const err = 0.5 * EPS * v;
        return (s) => {
          s.err = err;
          return v;
        };
      }
      case 'name': {
        const n = node.name;
        if (n === scope.variable) {
          return (s) => {
            s.err = 0;
            return s.z;
          };
        }
        const p = scope.params.get(n);
        if (p !== undefined) {
          return (s) => {
            s.err = 0;
            return p;
          };
        }
        if (scope.define.has(n)) {
          // Resolved lazily so that definitions may refer to each other in any order.
          let fn: CheckedFn | undefined;
          return (s) => (fn ??= symbol(n))(s);
        }
        throw new Error(`checker: no value for the name \`${n}\``);
      }
      case 'neg': {
        const a = build(node.arg);
        return (s) => -a(s);
      }
      case 'add':
      case 'sub': {
        const l = build(node.left);
        const r = build(node.right);
        const minus = node.kind === 'sub';
        return (s) => {
          const x = l(s);
          const ex = s.err;
          const y = r(s);
          const ey = s.err;
          const v = minus ? x - y : x + y;
          s.err = bound(ex + ey + EPS * Math.abs(v));
          if (!Number.isFinite(v) && Number.isFinite(x) && Number.isFinite(y)) s.unreliable = true;
          return v;
        };
      }
      case 'mul': {
        const l = build(node.left);
        const r = build(node.right);
        return (s) => {
          const x = l(s);
          const ex = s.err;
          const y = r(s);
          const ey = s.err;
          const v = x * y;
          s.err = bound(Math.abs(y) * ex + Math.abs(x) * ey + ex * ey + EPS * Math.abs(v));
          // An underflow to 0 of a product of non-zero factors: see `underflowed`.
          if (v === 0 && x !== 0 && y !== 0) s.err = Math.max(s.err, Number.MIN_VALUE);
          if (!Number.isFinite(v) && Number.isFinite(x) && Number.isFinite(y)) s.unreliable = true;
          return v;
        };
      }
      case 'div': {
        const l = build(node.left);
        const r = build(node.right);
        return (s) => {
          const x = l(s);
          const ex = s.err;
          const y = r(s);
          const ey = s.err;
          const v = x / y;
          const ay = Math.abs(y);
          // A denominator within its error of 0 has an unknown sign and size: no bound at all.
          s.err =
            ay <= ERROR_FACTOR * ey
              ? Number.POSITIVE_INFINITY
              : bound((ex + Math.abs(v) * ey) / ay + EPS * Math.abs(v));
          if (!Number.isFinite(v) && Number.isFinite(x) && Number.isFinite(y)) {
            // x/0 with an exact 0 is a real pole; with a 0 that is only rounding, or an overflow, it is float64's.
            if (y !== 0 || ey > 0) s.unreliable = true;
          }
          return v;
        };
      }
      case 'pow': {
        const l = build(node.left);
        const r = build(node.right);
        return (s) => {
          const x = l(s);
          const ex = s.err;
          const y = r(s);
          const ey = s.err;
          const v = x ** y;
          const av = Math.abs(v);
          let err: number;
          if (x > 0) err = av * ((Math.abs(y) * ex) / x + Math.abs(Math.log(x)) * ey) + EPS * av;
          else if (x < 0)
            err = (av * Math.abs(y) * ex) / -x + EPS * av; // integer y: ln|x| has no part
          else err = ex > 0 && y > 0 ? ex ** y : 0;
          s.err = bound(err);
          // x^y underflowed to 0 although x ≠ 0 (2^(−1100)): a later division by it is float64's loss.
          if (v === 0 && x !== 0) s.err = Math.max(s.err, Number.MIN_VALUE);
          if (!Number.isFinite(v) && Number.isFinite(x) && Number.isFinite(y)) {
            // 0^(−1) with an exact 0 is a pole, (−1)^0.5 a real domain error; near-edge or overflow is float64's.
            const nearEdge = Math.abs(x) <= ERROR_FACTOR * ex && ex > 0;
            const overflow = Number.isNaN(v) ? false : x !== 0;
            if (nearEdge || overflow) s.unreliable = true;
          }
          return v;
        };
      }
      case 'call':
        return buildCall(node.name, node.args.map(build));
      case 'compare': {
        const l = build(node.left);
        const r = build(node.right);
        const op = node.op;
        return (s) => {
          const x = l(s);
          const ex = s.err;
          const y = r(s);
          const ey = s.err;
          const v = compareValues(op, x, y);
          // A comparison of values within their error of each other could go either way.
          s.err = ex + ey > 0 && Math.abs(x - y) <= ERROR_FACTOR * (ex + ey) ? 1 : 0;
          return v;
        };
      }
      case 'cond': {
        const t = build(node.test);
        const a = build(node.then);
        const b = build(node.otherwise);
        return (s) => {
          const test = t(s);
          const et = s.err;
          if (Number.isNaN(test)) {
            s.err = 0;
            return Number.NaN;
          }
          if (et > 0 && Math.abs(test) <= ERROR_FACTOR * et) {
            // Undecided test: the result is one branch or the other, so the bound covers both.
            const va = a(s);
            const ea = s.err;
            const vb = b(s);
            const eb = s.err;
            s.err = bound(Math.abs(va - vb) + Math.max(ea, eb));
            return test !== 0 ? va : vb;
          }
          return test !== 0 ? a(s) : b(s);
        };
      }
      case 'derivative': {
        const f = build(node.arg);
        return (s) => richardsonDerivative(f, s);
      }
      case 'sum':
      case 'delta':
        throw new Error('checker: instantiate sum(…) and delta(…) with expandIndices before comparing');
    }
  };

  return build(e);
}

/**
 * The checked evaluation of a call, after the entry's error model (see `ErrorModel` in
 * src/symbolic/functions/function-info.ts).
 */
function buildCall(name: FunctionName, args: readonly CheckedFn[]): CheckedFn {
  const info = FUNCTIONS.get(name);
  if (info === undefined) throw new Error(`checker: unknown function \`${name}\``);
  const f = info.evaluate;
  const ulps = (info.activationId === undefined ? MATH_ULPS : REGISTRY_ULPS) * EPS;
  const model = info.error;
  const [only] = args;
  if (model.kind === 'slope' && only !== undefined && args.length === 1) {
    const { propagate, edgeAtZero = false, positive = false } = model;
    return (s) => {
      const x = only(s);
      const ex = s.err;
      const v = f([x]);
      s.err = bound((ex > 0 ? propagate(x, v, ex) : 0) + ulps * Math.abs(v));
      // f > 0 underflowed to 0 (e^x for x < −745): the smallest double bounds the error, so a
      // log or a division of it later is float64's loss (re-checked in 50 digits), not a real pole.
      if (v === 0 && positive && x > Number.NEGATIVE_INFINITY) s.err = Math.max(s.err, Number.MIN_VALUE);
      if (!Number.isFinite(v) && Number.isFinite(x)) {
        if (!edgeAtZero || (ex > 0 && Math.abs(x) <= ERROR_FACTOR * ex)) s.unreliable = true;
      }
      return v;
    };
  }
  if (model.kind === 'lipschitz') {
    // f moves by at most the largest error of its arguments (max, min: 1-Lipschitz in the sup norm).
    return (s) => {
      const xs: number[] = [];
      let err = 0;
      for (const a of args) {
        xs.push(a(s));
        err = Math.max(err, s.err);
      }
      const v = f(xs);
      s.err = bound(err);
      return v;
    };
  }
  // `spread` (sign, heaviside, the registry's activations): the spread of f over
  // each argument's error interval, which bounds the propagated error and also covers a jump.
  return (s) => {
    const xs: number[] = [];
    const es: number[] = [];
    for (const a of args) {
      xs.push(a(s));
      es.push(s.err);
    }
    const v = f(xs);
    let err = ulps * Math.abs(v);
    for (let i = 0; i < xs.length; i++) {
      const ei = es[i] ?? 0;
      const xi = xs[i] ?? Number.NaN;
      if (ei === 0) continue;
      const up = xs.slice();
      const down = xs.slice();
      up[i] = xi + ei;
      down[i] = xi - ei;
      err += Math.max(Math.abs(f(up) - v), Math.abs(f(down) - v));
    }
    s.err = bound(err);
    if (!Number.isFinite(v) && xs.every(Number.isFinite)) s.unreliable = true;
    return v;
  };
}
