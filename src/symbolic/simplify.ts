import { add, call, cond, div, mul, neg, num, pow, sub, compare } from './expr.ts';
import type { Expr } from './expr.ts';
import { equalTrees } from './equal-trees.ts';

import { isConstant } from './tree.ts';

// The derivation engine imports `withChildren` from here; its home is tree.ts.
export { withChildren } from './tree.ts';

/** Options of {@link simplify}. */
export interface SimplifyOptions {
  /**
   * Only the identities that never reorder anything (`x*1`, `x+0`, `0*x`, `-(-x)`, `x^1`, `x + -y`):
   * what a derivation applies silently between two named steps. Default `false` (everything below).
   */
  readonly light?: boolean;
  /** The variable: factors free of it (numbers, parameters) are written first in a product. Default `'z'`. */
  readonly variable?: string;
}

/** Most passes before giving up on a fixed point (each pass only shrinks or reorders the tree). */
const MAX_PASSES = 24;

/**
 * A readable form of `e`, equal to it as a function wherever `e` is defined (not a CAS: no
 * factoring, no expansion). Bottom-up, to a fixed point:
 * - constant folding where the result is short (`2*3` → 6, `1/2` stays a fraction, `1/3 − 1` → `−2/3`);
 * - identities with 0 and 1: `x+0`, `x*1`, `0*x`, `x/1`, `0/x`, `x^1`, `x^0`, `1^x`;
 * - signs: `-(-x)` → x, `x + -y` → x − y, `x - -y` → x + y, `(-x)*y` → −(x·y), `x^(-k)` → 1/x^k;
 * - products: numeric coefficient first, equal factors merged (`u*u` → u², `u^2*u` → u³),
 *   fractions pulled out (`a*(b/c)` → a·b/c);
 * - sums: like terms collected (`x + x` → 2x, `3x - x` → 2x), zero terms dropped;
 * - `log(exp(u))` → u, `exp(log(u))` → u, `sqrt(u)^2` → u, `sqrt(u^2)` → |u|, `c ? a : a` → a.
 * Derivative nodes `d/dz(…)` are left exactly as they are: they are what a step still has to do.
 */
export function simplify(e: Expr, options: SimplifyOptions = {}): Expr {
  const ctx: Pass = { light: options.light === true, variable: options.variable ?? 'z' };
  let current = e;
  for (let i = 0; i < MAX_PASSES; i++) {
    const next = pass(current, ctx);
    if (equalTrees(next, current)) return next;
    current = next;
  }
  return current;
}

/** What one `simplify` call passes down: its options, read once. */
interface Pass {
  readonly light: boolean;
  readonly variable: string;
}

// ── numbers ──────────────────────────────────────────────────────────────────

/** The value of a number literal or a negated one (`-2`), else undefined. */
export function numericValue(e: Expr): number | undefined {
  if (e.kind === 'number') return e.value;
  if (e.kind === 'neg' && e.arg.kind === 'number') return -e.arg.value;
  return undefined;
}

/** A literal for `v`: trees keep numbers ≥ 0, so a negative value is `-(|v|)`. */
export function numberExpr(v: number): Expr {
  if (v < 0) return neg(num(-v));
  return num(v === 0 ? 0 : v);
}

/** A folded value worth printing: finite and short (integers below 1e12, decimals of ≤ 8 characters). */
function nice(v: number): boolean {
  if (!Number.isFinite(v)) return false;
  if (Number.isInteger(v)) return Math.abs(v) < 1e12;
  const s = String(Math.abs(v));
  return s.length <= 8 && !s.includes('e');
}

const isValue = (e: Expr, v: number): boolean => numericValue(e) === v;

/** Largest denominator a folded fraction keeps (1/3 − 1 → −2/3; beyond it, decimals as before). */
const MAX_DENOMINATOR = 1000;

const gcd = (a: number, b: number): number => (b === 0 ? Math.abs(a) : gcd(b, a % b));

/** `e` as an exact fraction p/q (q > 0) when it is an integer, a negated one or a quotient of integers. */
function rationalOf(e: Expr): [number, number] | undefined {
  const v = numericValue(e);
  if (v !== undefined) return Number.isSafeInteger(v) ? [v, 1] : undefined;
  if (e.kind === 'neg') {
    const r = rationalOf(e.arg);
    return r === undefined ? undefined : [-r[0], r[1]];
  }
  if (e.kind === 'div') {
    const a = numericValue(e.left);
    const b = numericValue(e.right);
    if (a === undefined || b === undefined || !Number.isSafeInteger(a) || !Number.isSafeInteger(b) || b === 0)
      return undefined;
    return b < 0 ? [-a, -b] : [a, b];
  }
  return undefined;
}

/** The fraction p/q as a tree: an integer or `p/q` (`-2/3` for a negative one, printed as typed). */
function rationalExpr(p: number, q: number): Expr {
  if (q === 1) return numberExpr(p);
  return div(numberExpr(p), num(q));
}

/**
 * Exact arithmetic on fractions with small denominators (what a teacher writes): 1/3 − 1 = −2/3,
 * 2/3·3/4 = 1/2, (1/2)/(1/4) = 2. Undefined when either side is not a fraction, or the result's
 * denominator exceeds MAX_DENOMINATOR or its parts leave the safe integers.
 */
function foldRational(kind: 'add' | 'sub' | 'mul' | 'div' | 'pow', left: Expr, right: Expr): Expr | undefined {
  if (kind === 'pow') return undefined;
  const a = rationalOf(left);
  const b = rationalOf(right);
  if (a === undefined || b === undefined) return undefined;
  // A plain quotient of two integers is already a fraction (only reduce it).
  const [p0, q0] = a;
  const [p1, q1] = b;
  let p: number;
  let q: number;
  if (kind === 'add' || kind === 'sub') {
    p = p0 * q1 + (kind === 'add' ? 1 : -1) * p1 * q0;
    q = q0 * q1;
  } else if (kind === 'mul') {
    p = p0 * p1;
    q = q0 * q1;
  } else {
    if (p1 === 0) return undefined;
    p = p0 * q1;
    q = q0 * p1;
  }
  if (q < 0) [p, q] = [-p, -q];
  if (!Number.isSafeInteger(p) || !Number.isSafeInteger(q)) return undefined;
  const d = gcd(p, q) || 1;
  [p, q] = [p / d, q / d];
  if (q > MAX_DENOMINATOR) return undefined;
  return rationalExpr(p, q);
}

// ── the pass ─────────────────────────────────────────────────────────────────

/** One bottom-up pass: children first, then the local rules at this node. */
function pass(e: Expr, ctx: Pass): Expr {
  switch (e.kind) {
    case 'number':
    case 'name':
    case 'constant':
    case 'derivative':
    case 'sum':
    case 'delta':
      return e;
    case 'neg':
      return simplifyNeg(neg(pass(e.arg, ctx)));
    case 'call':
      return simplifyCall(
        call(
          e.name,
          e.args.map((a) => pass(a, ctx)),
        ),
        ctx,
      );
    case 'compare':
      return compare(e.op, pass(e.left, ctx), pass(e.right, ctx));
    case 'cond': {
      const then = pass(e.then, ctx);
      const otherwise = pass(e.otherwise, ctx);
      const test = pass(e.test, ctx);
      // c ? a : a = a (wherever c is defined).
      if (!ctx.light && equalTrees(then, otherwise)) return then;
      return cond(test, then, otherwise);
    }
    default: {
      const left = pass(e.left, ctx);
      const right = pass(e.right, ctx);
      const folded = foldRational(e.kind, left, right);
      if (folded !== undefined) return folded;
      switch (e.kind) {
        case 'add':
        case 'sub':
          return ctx.light
            ? lightSum(e.kind, left, right)
            : collectSum(e.kind === 'add' ? add(left, right) : sub(left, right), ctx);
        case 'mul':
          return ctx.light ? lightProduct(left, right) : collectProduct(mul(left, right), ctx);
        case 'div':
          return simplifyQuotient(left, right, ctx);
        case 'pow':
          return simplifyPower(left, right, ctx);
      }
    }
  }
}

function simplifyNeg(e: Expr & { kind: 'neg' }): Expr {
  const a = e.arg;
  if (a.kind === 'neg') return a.arg; // -(-x) = x
  if (isValue(a, 0)) return num(0);
  return e;
}

function lightSum(kind: 'add' | 'sub', left: Expr, right: Expr): Expr {
  if (isValue(right, 0)) return left; // x ± 0 = x
  if (isValue(left, 0)) return kind === 'add' ? right : simplifyNeg(neg(right)); // 0 + x = x, 0 − x = −x
  if (right.kind === 'neg') return kind === 'add' ? sub(left, right.arg) : add(left, right.arg); // x + −y = x − y
  return kind === 'add' ? add(left, right) : sub(left, right);
}

function lightProduct(left: Expr, right: Expr): Expr {
  // 0·x = 0 wherever x is defined.
  if (isValue(left, 0) || isValue(right, 0)) return num(0);
  if (isValue(left, 1)) return right;
  if (isValue(right, 1)) return left;
  if (isValue(left, -1)) return simplifyNeg(neg(right));
  if (isValue(right, -1)) return simplifyNeg(neg(left));
  return mul(left, right);
}

function simplifyQuotient(a: Expr, b: Expr, ctx: Pass): Expr {
  if (isValue(b, 1)) return a; // x/1 = x
  if (isValue(a, 0)) return num(0); // 0/x = 0 wherever x ≠ 0
  if (ctx.light) return div(a, b);
  const va = numericValue(a);
  const vb = numericValue(b);
  // Fold only when the quotient is an integer: 6/3 → 2, but 1/2 stays a fraction.
  if (va !== undefined && vb !== undefined && vb !== 0 && Number.isInteger(va / vb) && nice(va / vb)) {
    return numberExpr(va / vb);
  }
  if (a.kind === 'neg') return neg(div(a.arg, b)); // (−a)/b = −(a/b)
  if (b.kind === 'neg') return neg(div(a, b.arg)); // a/(−b) = −(a/b)
  if (a.kind === 'div') return div(a.left, mul(a.right, b)); // (a/b)/c = a/(b·c)
  if (b.kind === 'div') return div(mul(a, b.right), b.left); // a/(b/c) = a·c/b
  if (equalTrees(a, b)) return num(1); // u/u = 1 wherever u ≠ 0
  return cancel(a, b, ctx) ?? div(a, b);
}

function simplifyPower(base: Expr, exponent: Expr, ctx: Pass): Expr {
  if (isValue(exponent, 1)) return base; // x^1 = x
  if (isValue(exponent, 0)) return num(1); // x^0 = 1
  if (isValue(base, 1)) return num(1); // 1^x = 1
  if (ctx.light) return pow(base, exponent);
  const vb = numericValue(base);
  const ve = numericValue(exponent);
  if (vb !== undefined && ve !== undefined && Number.isInteger(ve) && nice(vb ** ve)) return numberExpr(vb ** ve);
  if (ve !== undefined) {
    // (u^k)^m = u^(k·m) for integers k, m (true for every u where the left side is defined).
    if (Number.isInteger(ve) && base.kind === 'pow') {
      const vk = numericValue(base.right);
      if (vk !== undefined && Number.isInteger(vk)) return simplifyPower(base.left, numberExpr(vk * ve), ctx);
    }
    // (a·b)^n = a^n·b^n for an integer n.
    if (Number.isInteger(ve) && base.kind === 'mul') {
      return collectProduct(
        mul(simplifyPower(base.left, exponent, ctx), simplifyPower(base.right, exponent, ctx)),
        ctx,
      );
    }
    // sqrt(u)^2 = u wherever sqrt(u) is defined.
    if (ve === 2 && base.kind === 'call' && base.name === 'sqrt' && base.args[0] !== undefined) return base.args[0];
    // u^(−k) = 1/u^k: reads as a fraction.
    if (ve < 0) return div(num(1), simplifyPower(base, numberExpr(-ve), ctx));
  }
  return pow(base, exponent);
}

function simplifyCall(e: Expr & { kind: 'call' }, ctx: Pass): Expr {
  if (ctx.light) return e;
  const [a] = e.args;
  if (a === undefined || e.args.length !== 1) return e;
  // log(exp(u)) = u; exp(log(u)) = u where log(u) is defined.
  if (e.name === 'log' && a.kind === 'call' && a.name === 'exp' && a.args[0] !== undefined) return a.args[0];
  if (e.name === 'exp' && a.kind === 'call' && a.name === 'log' && a.args[0] !== undefined) return a.args[0];
  if (e.name === 'exp' && isValue(a, 0)) return num(1);
  if (e.name === 'log' && isValue(a, 1)) return num(0);
  // sqrt(u²) = |u|.
  if (e.name === 'sqrt' && a.kind === 'pow' && isValue(a.right, 2)) return call('abs', [a.left]);
  return e;
}

// ── products ─────────────────────────────────────────────────────────────────

/** A product read as sign × numeric coefficient × factors, over a denominator. */
interface Product {
  sign: number;
  numbers: number[];
  factors: Expr[];
  denominators: Expr[];
}

function readProduct(e: Expr, into: Product): void {
  if (e.kind === 'mul') {
    readProduct(e.left, into);
    readProduct(e.right, into);
  } else if (e.kind === 'neg') {
    into.sign = -into.sign;
    readProduct(e.arg, into);
  } else if (e.kind === 'number') {
    into.numbers.push(e.value);
  } else if (e.kind === 'div') {
    // a·(b/c) = (a·b)/c: one fraction bar for the whole product.
    readProduct(e.left, into);
    into.denominators.push(e.right);
  } else {
    into.factors.push(e);
  }
}

/** `u^k` as [u, k] for a numeric k, anything else as [e, 1]. */
function baseAndExponent(e: Expr): [Expr, number] {
  if (e.kind === 'pow') {
    const k = numericValue(e.right);
    if (k !== undefined) return [e.left, k];
  }
  return [e, 1];
}

/** Merges equal bases: u·u → u², u²·u → u³ (numeric exponents only), in first-appearance order. */
function mergeFactors(factors: readonly Expr[], ctx: Pass): Expr[] {
  const merged: [Expr, number][] = [];
  for (const f of factors) {
    const [base, k] = baseAndExponent(f);
    const same = merged.find(([b]) => equalTrees(b, base));
    if (same !== undefined && nice(same[1] + k)) same[1] += k;
    else merged.push([base, k]);
  }
  return merged
    .filter(([, k]) => k !== 0)
    .map(([b, k]) => (k === 1 ? b : simplifyPower(b, numberExpr(k), { light: false, variable: ctx.variable })));
}

/**
 * (c·u^m·…)/(d·u^k·…) with common bases cancelled: u^m/u^k = u^(m−k) wherever u ≠ 0, and the
 * numeric factors divided when that gives an integer. Undefined when nothing cancels.
 */
function cancel(a: Expr, b: Expr, ctx: Pass): Expr | undefined {
  const top: Product = { sign: 1, numbers: [], factors: [], denominators: [] };
  const bottom: Product = { sign: 1, numbers: [], factors: [], denominators: [] };
  readProduct(a, top);
  readProduct(b, bottom);
  if (top.denominators.length > 0 || bottom.denominators.length > 0) return undefined;
  const up = mergeFactors(top.factors, ctx).map(baseAndExponent);
  const down = mergeFactors(bottom.factors, ctx).map(baseAndExponent);
  let changed = false;
  for (const pair of down) {
    const match = up.find(([base]) => equalTrees(base, pair[0]));
    if (match === undefined) continue;
    match[1] -= pair[1];
    pair[1] = 0;
    changed = true;
  }
  let cn = top.numbers.reduce((x, y) => x * y, 1);
  let cd = bottom.numbers.reduce((x, y) => x * y, 1);
  if (cd !== 1 && Number.isInteger(cn / cd) && nice(cn / cd)) {
    cn /= cd;
    cd = 1;
    changed = true;
  }
  if (!changed) return undefined;
  // Negative exponents left over go to the denominator.
  const power = ([base, k]: [Expr, number]): Expr => (k === 1 ? base : pow(base, numberExpr(k)));
  const numerator = [num(cn), ...up.filter(([, k]) => k > 0).map(power)];
  const denominator = [
    num(cd),
    ...down.filter(([, k]) => k > 0).map(power),
    ...up.filter(([, k]) => k < 0).map(([base, k]): Expr => power([base, -k])),
  ];
  const n = collectProduct(productOf(numerator) ?? num(1), ctx);
  const dd = collectProduct(productOf(denominator) ?? num(1), ctx);
  const q = isValue(dd, 1) ? n : div(n, dd);
  return top.sign * bottom.sign < 0 ? neg(q) : q;
}

function productOf(factors: readonly Expr[]): Expr | undefined {
  let out: Expr | undefined;
  for (const f of factors) out = out === undefined ? f : mul(out, f);
  return out;
}

function collectProduct(e: Expr, ctx: Pass): Expr {
  const p: Product = { sign: 1, numbers: [], factors: [], denominators: [] };
  readProduct(e, p);
  if (p.numbers.includes(0)) return num(0); // 0·x = 0 wherever x is defined
  const folded = p.numbers.reduce((x, y) => x * y, 1);
  const coefficient: Expr[] = nice(folded) ? (folded === 1 ? [] : [num(folded)]) : p.numbers.map((v) => num(v));
  const merged = mergeFactors(p.factors, ctx);
  // Constant factors (parameters, pi…) first, after the number: b·z·σ(bz) rather than z·σ(bz)·b.
  const factors = [
    ...coefficient,
    ...merged.filter((f) => isConstant(f, ctx.variable)),
    ...merged.filter((f) => !isConstant(f, ctx.variable)),
  ];
  let top = productOf(factors) ?? num(1);
  const bottom = productOf(p.denominators);
  if (bottom !== undefined) top = div(top, bottom);
  return p.sign < 0 ? neg(top) : top;
}

// ── sums ─────────────────────────────────────────────────────────────────────

/** One term of a sum: coefficient × rest (rest undefined for a pure number). */
interface Term {
  coefficient: number;
  rest: Expr | undefined;
}

function readSum(e: Expr, sign: number, into: Term[]): void {
  if (e.kind === 'add' || e.kind === 'sub') {
    readSum(e.left, sign, into);
    readSum(e.right, e.kind === 'add' ? sign : -sign, into);
    return;
  }
  if (e.kind === 'neg') {
    readSum(e.arg, -sign, into);
    return;
  }
  into.push(splitCoefficient(e, sign));
}

/** `3*u*v` → 3 × u·v; `u/2` stays whole (a fraction is not a coefficient here). */
function splitCoefficient(e: Expr, sign: number): Term {
  if (e.kind === 'number') return { coefficient: sign * e.value, rest: undefined };
  if (e.kind === 'mul') {
    const p: Product = { sign, numbers: [], factors: [], denominators: [] };
    readProduct(e, p);
    const c = p.numbers.reduce((x, y) => x * y, 1);
    if (p.denominators.length === 0 && nice(c)) return { coefficient: p.sign * c, rest: productOf(p.factors) };
  }
  return { coefficient: sign, rest: e };
}

function collectSum(e: Expr, ctx: Pass): Expr {
  const terms: Term[] = [];
  readSum(e, 1, terms);
  const collected: Term[] = [];
  for (const t of terms) {
    const same = collected.find((c) =>
      c.rest === undefined || t.rest === undefined ? c.rest === t.rest : equalTrees(c.rest, t.rest),
    );
    if (same !== undefined && nice(same.coefficient + t.coefficient)) same.coefficient += t.coefficient;
    else collected.push({ ...t });
  }
  let out: Expr | undefined;
  for (const t of collected) {
    if (t.coefficient === 0) continue; // c·u − c·u = 0 wherever u is defined
    const magnitude = Math.abs(t.coefficient);
    const body =
      t.rest === undefined
        ? num(magnitude)
        : magnitude === 1
          ? t.rest
          : collectProduct(mul(num(magnitude), t.rest), ctx);
    if (out === undefined) out = t.coefficient < 0 ? simplifyNeg(neg(body)) : body;
    else out = t.coefficient < 0 ? sub(out, body) : add(out, body);
  }
  return out ?? num(0);
}
