import { activations } from '../math/index.ts';
import type { ActivationId } from '../math/index.ts';
import { add, call, cond, derivative, div, mul, name, neg, num, pow, sub } from './expr.ts';
import type { CallNode, Expr } from './expr.ts';
import { FUNCTIONS } from './functions.ts';
import type { FunctionInfo } from './functions.ts';
import { parse } from './parse.ts';
import { numberExpr, numericValue } from './simplify.ts';
import { isConstant, substitute } from './tree.ts';

// The derivation engine and the index import these from here; their home is tree.ts.
export { isConstant, substitute } from './tree.ts';
import { toText } from './to-text.ts';

/**
 * The name of the rule a derivation step applies. `setup` is the first line `d/dz(g)`;
 * `simplification` the last; `definition` rewrites a registry activation into its formula (when a
 * parameter argument depends on the variable); `constant` is d/dz(c) = 0 and d/dz(z) = 1 on their own.
 */
export type DerivativeRule =
  | 'setup'
  | 'constant'
  | 'sum'
  | 'constant-multiple'
  | 'product'
  | 'quotient'
  | 'power'
  | 'chain'
  | 'exponential'
  | 'logarithm'
  | 'known-derivative'
  | 'piecewise'
  | 'definition'
  | 'simplification';

/** Where a derivative changes branch or is undefined: at the zeros of `at`. */
export interface KinkSource {
  /**
   * `kink`: g continuous, g′ switches branch (abs, max, min, relu, a condition); `jump`: g itself
   * switches value (sign, heaviside, a comparison); `pole`: g′ is undefined there (a zero
   * denominator, log or sqrt of 0). A condition may also be a jump; the lab tells them apart numerically.
   */
  readonly kind: 'kink' | 'jump' | 'pole';
  /** An expression whose zeros are the kinks (`u` for |u|, `a - b` for max(a, b)). */
  readonly at: Expr;
  /** One line naming it: `|z| has a kink where z = 0`. */
  readonly description: string;
}

/** One rule applied to `d/dz(arg)`: the replacement (which may hold new `d/dz(…)` nodes). */
export interface RuleApplication {
  readonly result: Expr;
  readonly rule: DerivativeRule;
  /** One line saying what the rule did, in answer-syntax text. */
  readonly note: string;
  /** Kinks this step introduces (piecewise rules). */
  readonly kinks: readonly KinkSource[];
}

const registryCache = new Map<string, Expr>();

/** A registry string (`expression`, `derivativeExpression`) parsed with the entry's parameters as symbols. */
function registryTree(id: ActivationId, field: 'expression' | 'derivativeExpression'): Expr {
  const key = `${id}:${field}`;
  const cached = registryCache.get(key);
  if (cached !== undefined) return cached;
  const entry = activations[id];
  const parsed = parse(entry[field], { symbols: entry.params.map((p) => p.name) });
  // The registry's strings are checked by its own tests; a failure here is a bug in src/math.
  if (!parsed.ok) throw new Error(`activations['${id}'].${field} does not parse: ${parsed.error.message}`);
  registryCache.set(key, parsed.tree);
  return parsed.tree;
}

/**
 * `z` ↦ u and each parameter ↦ the call's extra argument (when the function has one and it was
 * given) or the registry default.
 */
function registryBindings(e: CallNode, id: ActivationId): Map<string, Expr> {
  const info = FUNCTIONS.get(e.name);
  const map = new Map<string, Expr>([['z', e.args[0] ?? num(0)]]);
  for (const p of activations[id].params) {
    const given = info?.param === p.name ? e.args[1] : undefined;
    map.set(p.name, given ?? num(p.default));
  }
  return map;
}

const show = toText;

/**
 * One differentiation rule for the node `e` (the argument of a `d/dv(…)` node): returns the
 * replacement, in which the parts still to differentiate are `d/dv(…)` nodes. One rule per node
 * kind, with the math in the comment (mathjs's derivative.js is the model).
 */
export function applyRule(e: Expr, v: string): RuleApplication {
  const d = (x: Expr): Expr => derivative(v, x);
  const dv = `d/d${v}`;
  const plain = (result: Expr, rule: DerivativeRule, note: string): RuleApplication => ({
    result,
    rule,
    note,
    kinks: [],
  });
  // d/dz(c) = 0 for anything free of z; d/dz(z) = 1.
  if (isConstant(e, v)) return plain(num(0), 'constant', `${show(e)} does not depend on ${v}`);
  switch (e.kind) {
    case 'name':
      return plain(num(1), 'constant', `${dv}(${v}) = 1`);
    case 'neg':
      // d/dz(−u) = −u'
      return plain(neg(d(e.arg)), 'constant-multiple', 'a minus sign is a constant factor −1');
    case 'add':
    case 'sub':
      // d/dz(u ± w) = u' ± w'
      return plain(
        e.kind === 'add' ? add(d(e.left), d(e.right)) : sub(d(e.left), d(e.right)),
        'sum',
        'differentiate term by term',
      );
    case 'mul':
      // d/dz(c·u) = c·u'; d/dz(u·w) = u'·w + u·w'
      if (isConstant(e.left, v))
        return plain(mul(e.left, d(e.right)), 'constant-multiple', `${show(e.left)} is a constant factor`);
      if (isConstant(e.right, v))
        return plain(mul(d(e.left), e.right), 'constant-multiple', `${show(e.right)} is a constant factor`);
      return plain(add(mul(d(e.left), e.right), mul(e.left, d(e.right))), 'product', "(u·w)' = u'·w + u·w'");
    case 'div':
      // d/dz(u/c) = u'/c; d/dz(c/w) = −c·w'/w²; d/dz(u/w) = (u'·w − u·w')/w²
      if (isConstant(e.right, v))
        return plain(div(d(e.left), e.right), 'constant-multiple', `dividing by ${show(e.right)} is a constant factor`);
      if (isConstant(e.left, v))
        return {
          result: neg(div(mul(e.left, d(e.right)), pow(e.right, num(2)))),
          rule: 'quotient',
          note: "(c/w)' = −c·w'/w² (quotient rule with a constant numerator)",
          kinks: [pole(e.right)],
        };
      return {
        result: div(sub(mul(d(e.left), e.right), mul(e.left, d(e.right))), pow(e.right, num(2))),
        rule: 'quotient',
        note: "(u/w)' = (u'·w − u·w')/w²",
        kinks: [pole(e.right)],
      };
    case 'pow':
      return powerRule(e.left, e.right, v);
    case 'call':
      return callRule(e, v);
    case 'compare':
      // A comparison is a step function (0 or 1): its derivative is 0 away from where it switches.
      return {
        result: num(0),
        rule: 'piecewise',
        note: `${show(e)} is 0 or 1, constant on each side of where it switches`,
        kinks: [
          { kind: 'jump', at: sub(e.left, e.right), description: `jump where ${show(e.left)} = ${show(e.right)}` },
        ],
      };
    case 'cond':
      // d/dz(t ? a : b) = t ? a' : b', away from where t switches.
      return {
        result: cond(e.test, d(e.then), d(e.otherwise)),
        rule: 'piecewise',
        note: 'differentiate each branch; the condition stays',
        kinks: conditionKinks(e.test),
      };
    case 'derivative':
      throw new Error('applyRule: nested d/dz(…) is not differentiated');
    default:
      // number and constant are caught by isConstant above.
      return plain(num(0), 'constant', `${show(e)} is a constant`);
  }
}

/** Where `w` = 0 the derivative is undefined (a zero denominator, log or sqrt of 0). */
function pole(w: Expr): KinkSource {
  return { kind: 'pole', at: w, description: `undefined where ${show(w)} = 0` };
}

/** The switching points of a condition `l op r`: where l − r = 0. */
function conditionKinks(test: Expr): KinkSource[] {
  if (test.kind === 'compare') {
    return [
      {
        kind: 'kink',
        at: sub(test.left, test.right),
        description: `branch point where ${show(test.left)} = ${show(test.right)}`,
      },
    ];
  }
  return [{ kind: 'kink', at: test, description: `branch point where ${show(test)} changes sign` }];
}

function powerRule(u: Expr, w: Expr, v: string): RuleApplication {
  const d = (x: Expr): Expr => derivative(v, x);
  const inner = !(u.kind === 'name' && u.name === v);
  if (isConstant(w, v)) {
    // d/dz(u^n) = n·u^(n−1)·u'
    const n = numericValue(w);
    const lowered = n === undefined ? sub(w, num(1)) : numberExpr(n - 1);
    const outer = mul(w, pow(u, lowered));
    // u^(n−1) is undefined at u = 0 unless n − 1 is a natural number.
    const smooth = n !== undefined && Number.isInteger(n) && n >= 1;
    return {
      result: inner ? mul(outer, d(u)) : outer,
      rule: inner ? 'chain' : 'power',
      note: inner ? "power rule, then the chain rule: (u^n)' = n·u^(n−1)·u'" : `(${v}^n)' = n·${v}^(n−1)`,
      kinks: smooth ? [] : [pole(u)],
    };
  }
  if (isConstant(u, v)) {
    // d/dz(e^w) = e^w·w'; d/dz(a^w) = a^w·ln(a)·w'
    const factor = u.kind === 'constant' && u.name === 'e' ? pow(u, w) : mul(pow(u, w), call('log', [u]));
    const innerW = !(w.kind === 'name' && w.name === v);
    return {
      result: innerW ? mul(factor, d(w)) : factor,
      rule: innerW ? 'chain' : 'exponential',
      note: u.kind === 'constant' && u.name === 'e' ? "(e^w)' = e^w·w'" : "(a^w)' = a^w·ln(a)·w'",
      kinks: [],
    };
  }
  // d/dz(u^w) = d/dz(e^(w·ln u)) = u^w·(w'·ln u + w·u'/u), for u > 0.
  return {
    result: mul(pow(u, w), add(mul(d(w), call('log', [u])), div(mul(w, d(u)), u))),
    rule: 'power',
    note: "u^w = e^(w·ln u), so (u^w)' = u^w·(w'·ln u + w·u'/u) (for u > 0)",
    kinks: [pole(u)],
  };
}

/** The kink sources of a one-argument function's entry at its argument u. */
function entryKinks(info: FunctionInfo, u: Expr): KinkSource[] {
  return info.kinks.map((k): KinkSource => {
    const at = k.at === 0 ? u : sub(u, num(k.at));
    if (k.kind === 'pole') return pole(at);
    const what = k.kind === 'kink' ? 'has a kink' : 'jumps';
    return { kind: k.kind, at, description: `${info.name} ${what} where ${show(u)} = ${k.at}` };
  });
}

/**
 * The outer derivative f'(u) of a one-argument function, with its rule name and note: the entry's
 * own `derivative`, else (an activation) the registry's `derivativeExpression`.
 */
function outerDerivative(
  e: CallNode,
  info: FunctionInfo,
): { outer: Expr; rule: DerivativeRule; note: string; kinks: KinkSource[] } | undefined {
  const u = e.args[0] ?? num(0);
  const fx = `${e.name}(u)`;
  const kinks = entryKinks(info, u);
  if (info.derivative !== undefined) {
    const { outer, rule, note } = info.derivative;
    return { outer: outer(u), rule, note: `${fx}' = ${note}`, kinks };
  }
  const id = info.activationId;
  if (id === undefined) return undefined;
  const bindings = registryBindings(e, id);
  bindings.set('z', name('__u__'));
  const outerInU = substitute(registryTree(id, 'derivativeExpression'), bindings);
  const outer = substitute(outerInU, new Map([['__u__', u]]));
  const shown = substitute(outerInU, new Map([['__u__', name('u')]]));
  return {
    outer,
    rule: kinks.length > 0 ? 'piecewise' : 'known-derivative',
    note: `${fx}' = ${show(shown)} (the ${activations[id].name} entry of the activation library)`,
    kinks,
  };
}

function callRule(e: CallNode, v: string): RuleApplication {
  const d = (x: Expr): Expr => derivative(v, x);
  const info = FUNCTIONS.get(e.name);
  if (info === undefined) throw new Error(`applyRule: unknown function ${e.name}`);
  if (info.rule !== undefined) return info.rule(e, v, { d, isConstant: (x) => isConstant(x, v) });
  // A registry activation whose parameter argument depends on z: rewrite it into its formula first.
  if (info.activationId !== undefined && e.args.slice(1).some((a) => !isConstant(a, v))) {
    const formula = substitute(registryTree(info.activationId, 'expression'), registryBindings(e, info.activationId));
    return {
      result: d(formula),
      rule: 'definition',
      note: `write ${e.name} out, since its parameter depends on ${v}`,
      kinks: [],
    };
  }
  const u = e.args[0] ?? num(0);
  const outer = outerDerivative(e, info);
  if (outer === undefined) throw new Error(`applyRule: no derivative rule for ${e.name}`);
  const direct = u.kind === 'name' && u.name === v;
  if (direct)
    return { result: outer.outer, rule: outer.rule, note: outer.note.replace(/\bu\b/g, v), kinks: outer.kinks };
  // Chain rule: d/dz f(u) = f'(u)·u'
  return {
    result: mul(outer.outer, d(u)),
    rule: outer.rule === 'piecewise' ? 'piecewise' : 'chain',
    note: `chain rule with u = ${show(u)}: ${outer.note}, times u'`,
    kinks: outer.kinks,
  };
}
