import { equivalent } from '../../src/grading/index.ts';
import { activations } from '../../src/math/index.ts';
import { children, equalTrees, name, num, parse, simplify, substitute, toText } from '../../src/symbolic/index.ts';
import type { Expr } from '../../src/symbolic/index.ts';

/** A form of g′ written with g = g(z), and whether it needs z besides g. */
export interface GForm {
  readonly expression: string;
  readonly tree: Expr;
  /** True when the form uses z as well as g (a "mixed" form, like SiLU's). */
  readonly mixed: boolean;
}

/** Shapes that recur in the lessons: σ′ = g(1 − g), tanh′ = 1 − g², softsign′ = (1 − |g|)², softplus′ = 1 − e^(−g)… */
const GENERIC = [
  'g*(1 - g)',
  '1 - g^2',
  '(1 - abs(g))^2',
  '1 - exp(-g)',
  'g > 0 ? 1 : 0',
  '(1 - g^2)/2',
  '2*g*(1 - g)',
];
/** The same with a parameter p as the input's scale: σ(pz)′ = p·g(1 − g), tanh(pz)′ = p(1 − g²). */
const SCALED = ['p*g*(1 - g)', 'p*(1 - g^2)', 'p*(1 - abs(g))^2', '1 - exp(-p*g)', 'p*g'];

/**
 * Candidate forms: the generic shapes, each scaled by each parameter, and every registry entry's
 * `inTermsOfG` with its parameters set to the entry's default or to one of the input's parameters.
 * Forms in g alone come before mixed forms (those that also need z).
 */
export function candidateForms(parameters: readonly string[], variable = 'z'): Expr[] {
  const out: Expr[] = [];
  const add = (text: string, symbols: readonly string[], map: ReadonlyMap<string, Expr> = new Map()): void => {
    const r = parse(text, { symbols: ['g', ...new Set(symbols)], variable: 'z' });
    if (!r.ok) return;
    const renamed = variable === 'z' ? map : new Map([...map, ['z', name(variable)]]);
    const tree = simplify(substitute(r.tree, renamed), { variable });
    if (!out.some((t) => equalTrees(t, tree))) out.push(tree);
  };
  for (const form of GENERIC) add(form, []);
  for (const p of parameters) for (const form of SCALED) add(form, ['p'], new Map([['p', name(p)]]));
  for (const entry of Object.values(activations)) {
    const form = entry.inTermsOfG;
    if (form === undefined) continue;
    const names = entry.params.map((p) => p.name);
    const symbols = [...names, ...parameters].filter((n) => n !== variable);
    add(form, symbols, new Map(entry.params.map((p): [string, Expr] => [p.name, num(p.default)])));
    for (const p of parameters) add(form, symbols, new Map(names.map((n): [string, Expr] => [n, name(p)])));
  }
  return out;
}

/**
 * The first candidate form of g′ in terms of g that THE checker (`equivalent`, with `define:
 * { g: input }`) finds equal to `derivative`; forms without z are preferred. Undefined when none
 * holds ("no simple form in terms of g found").
 */
export function findInTermsOfG(
  input: Expr,
  derivative: Expr,
  parameters: readonly string[],
  params: Readonly<Record<string, number>>,
  variable = 'z',
): GForm | undefined {
  const parsed: GForm[] = candidateForms(parameters, variable).map((tree) => ({
    expression: toText(tree),
    tree,
    mixed: mentions(tree, variable),
  }));
  parsed.sort((a, b) => Number(a.mixed) - Number(b.mixed));
  const holds = (form: GForm, values: Readonly<Record<string, number>>): boolean => {
    try {
      return equivalent(form.tree, derivative, { define: { g: input }, params: values, variable }).equal;
    } catch {
      return false; // a candidate naming something this input lacks: not a form of this derivative
    }
  };
  // A form must hold at the current values and, to be general, at other values of the parameters
  // too (`g*(1-g)` fits σ(bz)' only at b = 1; `b*g*(1-g)` fits every b).
  const other = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, v * 1.37 + 0.11]));
  const current = parsed.filter((form) => holds(form, params));
  return current.find((form) => parameters.length === 0 || holds(form, other)) ?? current[0];
}

function mentions(e: Expr, n: string): boolean {
  if (e.kind === 'name') return e.name === n;
  switch (e.kind) {
    case 'number':
    case 'constant':
      return false;
    case 'neg':
    case 'derivative':
      return mentions(e.arg, n);
    case 'call':
      return e.args.some((a) => mentions(a, n));
    case 'cond':
      return mentions(e.test, n) || mentions(e.then, n) || mentions(e.otherwise, n);
    case 'sum':
    case 'delta':
      return children(e).some((c) => mentions(c, n));
    default:
      return mentions(e.left, n) || mentions(e.right, n);
  }
}
