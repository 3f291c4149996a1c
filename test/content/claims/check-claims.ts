import { equivalent } from '../../../src/grading/equivalent.ts';
import { hashSeed, mulberry32 } from '../../../src/grading/index.ts';
import type { EquivalenceResult } from '../../../src/grading/equivalent.ts';
import {
  FUNCTIONS,
  children,
  call,
  compare,
  compile,
  cond,
  derive,
  div,
  expandIndices,
  mul,
  name,
  num,
  parse,
  readTeX,
  splitTeX,
  sub,
  substitute,
  withChildren,
} from '../../../src/symbolic/index.ts';
import type { Expr, FunctionName, RelationOp, TeXDefinition, TeXStatement } from '../../../src/symbolic/index.ts';
import type { DirectiveEvent, FormulaEvent, ScopeEvent, SourceEvent } from './extract-formulas.ts';
import { COMPUTED, fillComputed } from '../../../components/exercise/instantiate.ts';
import { SWEEP, assignments } from '../../lessons/check-indexed.ts';

/** One place where the site's mathematics is wrong or unreadable and not marked so. */
export interface ClaimFailure {
  readonly file: string;
  readonly line: number;
  readonly tex: string;
  readonly message: string;
}

export interface MarkedFormula {
  readonly file: string;
  readonly line: number;
  readonly tex: string;
  readonly reason: string;
}

export interface ClaimReport {
  /** Every formula read. */
  formulas: number;
  /** Formulas that state at least one relation between expressions (not a condition, not only a definition). */
  claims: number;
  /** Claims whose every relation holds. */
  checked: number;
  /** Where those claims are, with their relations (for the mutation tests). */
  checkedFormulas: { file: string; line: number; tex: string; ops: RelationOp[] }[];
  /** Conditions (`z > 0`, `\alpha = 0.01`: a name against numbers), which say where, not what. */
  conditions: number;
  /** Definitions (`a = \sigma(z)`, `g(z) = …`) read into the scope. */
  definitions: number;
  /** Formulas with a relation the checker does not state (`\to`, `\in`, `\iff`, `\mapsto`): listed, not checked. */
  otherRelations: MarkedFormula[];
  /** Relations about quantities declared `outside` (`\frac{\partial L}{\partial w}`), not claims in z. */
  outside: number;
  /**
   * Those formulas, each with the links of its chains that are still claims in z (or numbers) and
   * were checked: in `\delta_1 = (0.5)(-0.3)(0.7116) \approx -0.107` the `\approx` is.
   */
  outsideFormulas: (MarkedFormula & { checkedLinks: number })[];
  marked: MarkedFormula[];
  /** Formulas that hold on a line marked unchecked (the mark is needed only if another formula there fails). */
  heldOnMarkedLines: MarkedFormula[];
  failures: ClaimFailure[];
}

/** What the formulas of one file may use: names defined so far, parameter values. */
interface Scope {
  definitions: Map<string, TeXDefinition>;
  /** Parameter name → the values to check at (every combination). */
  params: Map<string, readonly number[]>;
  /** Symbols declared as other quantities (`\partial`, `L`, `w`): formulas using them are not claims in z. */
  outside: Set<string>;
  /** The current exercise's `{{name}}` placeholders. */
  placeholders: Readonly<Record<string, readonly number[]>>;
  /** Vectors the prose writes components of (`claims: indexed`, a derivation's `indexed:`). */
  indexed?: IndexedScope;
}

/**
 * What formulas about vectors may use, and how a relation between them is instantiated: for each
 * size, each value of its free indices and seeded points, as the derivations with `indexed:` are.
 */
export interface IndexedScope {
  readonly vectors: string[];
  /** Letters that may stand free as indices (`i`, `j`, `k`); a sum binds its own. */
  readonly indices: string[];
  /** Vectors sampled on the probability simplex (targets `y`): positive, summing to 1. */
  readonly simplex: string[];
  readonly sizes: number[];
  /** Defined vectors by a component with a letter index (`s_i` ↦ its tree), from the prose or the derivation. */
  readonly define: Record<string, Expr>;
}

/** Extra sides to compare every side of a formula with (the registry's own functions). */
export interface Reference {
  readonly label: string;
  readonly tree: Expr;
}

/** A formula with its scope, as the registry checks it. */
export interface FormulaContext {
  readonly definitions?: ReadonlyMap<string, TeXDefinition>;
  readonly params?: ReadonlyMap<string, readonly number[]>;
  readonly references?: readonly Reference[];
  /** Symbols of other quantities: a formula that uses one is about them, not a claim in z. */
  readonly outside?: ReadonlySet<string>;
  /** Known kinks, sampled on both sides and never at (the registry's). */
  readonly kinks?: readonly number[];
  readonly indexed?: IndexedScope;
}

const VARIABLE = 'z';
const BARE_NAME = /^\s*(?:([A-Za-z])(?:_\{?\w+\}?)?|\\([A-Za-z]+))\s*$/;
const DEFINED_HEAD = /^\s*(?:([A-Za-z])|\\(varphi|phi|psi|chi))\s*(?:\(\s*z\s*\))?\s*$/;
/** `g`, `g(z)`, `\varphi(z)`: the head of a definition in the formula's variable. */
const definedHead = (variable: string): RegExp =>
  new RegExp(`^\\s*(?:([A-Za-z])|\\\\(varphi|phi|psi|chi))\\s*(?:\\(\\s*${variable}\\s*\\))?\\s*$`);
const FOR_AFTER = /^\s*(?:for(?: all| every| each)?|when(?:ever)?|if|where|on|at)\s*$/i;
const FOR_BEFORE = /(?:^|[\s(])(?:for(?: all| every| each)?|when(?:ever)?|if|on|at)\s*$/i;

/**
 * Checks every formula of a file in order; `report` collects the counts. An exercise (a YAML list
 * item) starts from the file's scope with its own `define`; when it has `{{name}}` placeholders,
 * all of its formulas are checked together at every combination of their values, so that a name
 * one formula defines (`g = \sigma({{z0}})`) is the one the next uses.
 */
export function checkEvents(events: readonly SourceEvent[], report: ClaimReport): void {
  const scope: Scope = { definitions: new Map(), params: new Map(), outside: new Set(), placeholders: {} };
  const first = events.findIndex((e) => e.kind === 'scope');
  runEvents(first < 0 ? events : events.slice(0, first), scope, report);
  if (first < 0) return;
  const baseline = cloneScope(scope);
  for (let k = first; k < events.length;) {
    const start = events[k] as ScopeEvent;
    let end = k + 1;
    while (end < events.length && events[end]?.kind !== 'scope') end++;
    const item = events.slice(k + 1, end);
    k = end;
    const text = item.map((e) => (e.kind === 'formula' ? e.tex : e.kind === 'directive' ? e.text : '')).join(' ');
    // A placeholder is used as `{{key}}` or by name inside a worked number `{{= … key … }}`.
    const computed = [...text.matchAll(COMPUTED)].map((m) => m[1] ?? '').join(' ');
    const used = Object.fromEntries(
      Object.entries(start.placeholders).filter(
        ([key]) => text.includes(`{{${key}}}`) || new RegExp(`\\b${key}\\b`).test(computed),
      ),
    );
    const combos = combinations(new Map(Object.entries(used)), new Set(Object.keys(used)));
    const partials = combos.map((values) => {
      const partial = emptyReport();
      const itemScope = cloneScope(baseline);
      for (const [key, def] of Object.entries(start.define)) {
        const parsed = parse(def, { symbols: [...itemScope.params.keys()] });
        if (parsed.ok) itemScope.definitions.set(key, { tree: parsed.tree, isFunction: true });
      }
      // Placeholders in formulas become TeX groups; in directives (`claims: params \alpha = {{a}}`), numbers.
      const substituted = item.map((e) =>
        e.kind === 'formula'
          ? { ...e, tex: fill(e.tex, values) }
          : e.kind === 'directive'
            ? { ...e, text: fill(e.text, values).replace(/\{(-?[\d.]+)\}/g, '$1') }
            : e,
      );
      runEvents(substituted, itemScope, partial);
      return { values, partial };
    });
    merge(report, partials);
  }
}

/**
 * `{{a}}` → `{0.01}` (a TeX group, so `{{a}}\,z` reads as 0.01·z), after the worked numbers
 * `{{= … }}` are worked out exactly as the page works them out.
 */
function fill(tex: string, values: Readonly<Record<string, number>>): string {
  let out = fillComputed(tex, values);
  for (const [key, v] of Object.entries(values)) out = out.replaceAll(`{{${key}}}`, `{${String(v)}}`);
  return out;
}

/** One exercise checked at several placeholder values: counts of the first, failures of all (once per place). */
function merge(
  report: ClaimReport,
  partials: readonly { values: Record<string, number>; partial: ClaimReport }[],
): void {
  const head = partials[0]?.partial;
  if (head === undefined) return;
  report.formulas += head.formulas;
  report.claims += head.claims;
  report.checked += Math.min(...partials.map((p) => p.partial.checked));
  report.checkedFormulas.push(...head.checkedFormulas);
  report.conditions += head.conditions;
  report.definitions += head.definitions;
  report.outside += head.outside;
  report.outsideFormulas.push(...head.outsideFormulas);
  report.otherRelations.push(...head.otherRelations);
  report.marked.push(...head.marked);
  report.heldOnMarkedLines.push(...head.heldOnMarkedLines);
  const seen = new Set<string>();
  for (const { values, partial } of partials) {
    for (const f of partial.failures) {
      const key = `${f.file}:${String(f.line)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const at = Object.entries(values)
        .map(([k, v]) => `{{${k}}} = ${String(v)}`)
        .join(', ');
      report.failures.push(at === '' ? f : { ...f, message: `with ${at}: ${f.message}` });
    }
  }
}

/** Formulas and directives of one scope, in order. */
function runEvents(events: readonly SourceEvent[], scope: Scope, report: ClaimReport): void {
  const formulas = events.filter((e): e is FormulaEvent => e.kind === 'formula');
  const domains = new Map<FormulaEvent, Domain>();
  for (const e of events) {
    if (e.kind === 'scope') continue;
    if (e.kind === 'stray') {
      const text = e.text.length > 40 ? `${e.text.slice(0, 40)}…` : e.text;
      report.failures.push({
        file: e.file,
        line: e.line,
        tex: text,
        message: 'a `$` that opens no formula: the page shows it and the TeX after it as text (is its pair lost?)',
      });
      continue;
    }
    if (e.kind === 'directive') {
      const error = applyDirective(e.command, e.text, scope);
      if (error !== undefined) report.failures.push({ file: e.file, line: e.line, tex: e.text, message: error });
      continue;
    }
    const index = formulas.indexOf(e);
    let domain = domainFor(e, formulas[index - 1], formulas[index + 1], scope, formulas[index + 2]);
    // "for $z > 0$, $f(z) = z^2$ and $f'(z) = 2z$": the condition carries over `and` and `,`.
    const previous = formulas[index - 1];
    if (domain === undefined && previous?.group === e.group && /^\s*(?:,|and|, and)\s*$/.test(e.before)) {
      domain = domains.get(previous);
    }
    if (domain !== undefined) domains.set(e, domain);
    // "with equality only where $g(z) = 0$", "for $\lvert z\rvert > 3$": a relation introduced by
    // where/when/if/for, after prose, is a condition.
    const previousIsCondition = previous?.group === e.group && isConditionTeX(previous.tex);
    // ("at $z \approx -1.278$, where $g'(z) = 0$" is a claim about that point, and stays one.)
    const introduced =
      /\b(?:when|whenever|if|for(?: all| every| each)?)\s*$/i.test(e.before) ||
      (/\bwhere\s*$/i.test(e.before) && !previousIsCondition);
    if (introduced && isSingleRelation(e.tex)) {
      report.formulas++;
      report.conditions++;
      continue;
    }
    const context = {
      definitions: scope.definitions,
      params: scope.params,
      outside: scope.outside,
      ...(scope.indexed === undefined ? {} : { indexed: scope.indexed }),
    };
    checkFormula(continuing(e, formulas[index - 1]), context, report, scope.definitions, domain);
  }
}

/**
 * A line that starts with `=` (an order exercise's `= -\sum_k y_k (\delta_{kj} - s_j)`) continues the
 * line before it in the source: it is checked as that line's last side `=` its own.
 */
function continuing(e: FormulaEvent, previous: FormulaEvent | undefined): FormulaEvent {
  if (!/^\s*=/.test(e.tex) || previous === undefined) return e;
  const split = splitTeX(previous.tex.replace(/^\s*=/, ''));
  const last = split.ok ? split.statements.at(-1)?.sides.at(-1)?.tex : undefined;
  return last === undefined ? e : { ...e, tex: `${last} ${e.tex}` };
}

function cloneScope(s: Scope): Scope {
  return {
    definitions: new Map(s.definitions),
    params: new Map(s.params),
    outside: new Set(s.outside),
    placeholders: s.placeholders,
    ...(s.indexed === undefined
      ? {}
      : {
          indexed: {
            vectors: [...s.indexed.vectors],
            indices: [...s.indexed.indices],
            simplex: [...s.indexed.simplex],
            sizes: [...s.indexed.sizes],
            define: { ...s.indexed.define },
          },
        }),
  };
}

function applyDirective(command: DirectiveEvent['command'], text: string, scope: Scope): string | undefined {
  if (command === 'define') {
    for (const [key, value] of Object.entries(JSON.parse(text) as Record<string, string>)) {
      const tree = value.startsWith('@')
        ? activationCall(value.slice(1), scope)
        : parse(value, { symbols: [...scope.params.keys()] });
      if (tree === undefined || (!('kind' in tree) && !tree.ok)) return `define ${key}: cannot read \`${value}\``;
      scope.definitions.set(key, { tree: 'kind' in tree ? tree : tree.tree, isFunction: true });
    }
    return undefined;
  }
  if (command === 'forget') {
    for (const n of text.split(/[\s,]+/)) scope.definitions.delete(n.replace(/^\\/, ''));
    return undefined;
  }
  if (command === 'outside') {
    // Symbols up to the reason (after a dash).
    const symbols = text.split('—')[0] ?? '';
    for (const symbol of symbols.split(/\s+/)) if (symbol !== '') scope.outside.add(symbol);
    return undefined;
  }
  if (command === 'indexed') return applyIndexed(text, scope);
  if (command === 'params') {
    for (const part of text.split(';')) {
      const m = /^\s*\\?([A-Za-z][A-Za-z0-9_]*)\s*=\s*(.+)$/.exec(part);
      const values = m?.[2]?.split(',').map((v) => Number(v.trim()));
      if (m === null || values === undefined || values.some((v) => !Number.isFinite(v))) {
        return `claims: params: cannot read \`${part}\` (write \\alpha = 0.01, 0.3)`;
      }
      scope.params.set(m[1] ?? '', values);
    }
    return undefined;
  }
  const m = /^(.*?)=(.*)$/.exec(text);
  // `let s_i = \dfrac{e^{z_i}}{\sum_{k=1}^{n} e^{z_k}}`: a vector defined componentwise.
  const component = m === null ? null : COMPONENT_HEAD.exec(m[1] ?? '');
  if (m !== null && component !== null && scope.indexed?.vectors.includes(component[1] ?? '') === true) {
    const key = `${component[1] ?? ''}_${component[2] ?? ''}`;
    const read = readIndexedTeX(m[2] ?? '', scope.indexed, [...scope.params.keys()], scope.definitions, component[2]);
    if (!read.ok) return `claims: let ${key}: ${read.error.message} (${read.error.code})`;
    scope.indexed.define[key] = read.tree;
    return undefined;
  }
  const head = m === null ? null : DEFINED_HEAD.exec(m[1] ?? '');
  if (m === null || head === null) return `claims: let: write \`let g(z) = <TeX>\` or \`let a = <TeX>\``;
  const key = head[1] ?? head[2] ?? '';
  const read = readTeX(m[2] ?? '', { parameters: [...scope.params.keys()], definitions: scope.definitions });
  if (!read.ok) return `claims: let ${key}: ${read.error.message} (${read.error.code})`;
  scope.definitions.set(key, { tree: read.tree, isFunction: /\(\s*z\s*\)/.test(m[1] ?? '') });
  return undefined;
}

/** `s_i`, `s_{k}`: the head of a componentwise definition. */
const COMPONENT_HEAD = /^\s*([A-Za-z])_\{?([A-Za-z])\}?\s*$/;

/**
 * `claims: indexed vectors z s y; indices i j k; simplex y; sizes 2 3 4 5`, or a derivation's
 * `indexed:` block as JSON (its `define` in the answer syntax). Adds to what is declared already.
 */
function applyIndexed(text: string, scope: Scope): string | undefined {
  const into: IndexedScope = scope.indexed ?? {
    vectors: [],
    indices: [],
    simplex: [],
    sizes: [2, 3, 4, 5],
    define: {},
  };
  const add = (list: string[], items: readonly string[]): void => {
    for (const x of items) if (!list.includes(x)) list.push(x);
  };
  if (text.startsWith('{')) {
    const block = JSON.parse(text) as {
      vectors?: string[];
      indices?: string[];
      simplex?: string[];
      sizes?: number[];
      define?: Record<string, string>;
    };
    add(into.vectors, block.vectors ?? []);
    add(into.indices, block.indices ?? []);
    add(into.simplex, block.simplex ?? []);
    if (block.sizes !== undefined) into.sizes.splice(0, into.sizes.length, ...block.sizes);
    for (const [key, body] of Object.entries(block.define ?? {})) {
      const r = parse(body, { indexed: { vectors: into.vectors, indices: [key.slice(2)] } });
      if (!r.ok) return `indexed.define.${key}: cannot read \`${body}\``;
      into.define[key] = r.tree;
    }
  } else {
    // Declarations up to the reason (after a dash).
    for (const part of (text.split('—')[0] ?? '').split(';')) {
      const [key, ...words] = part.trim().split(/[\s,]+/);
      if (key === 'vectors') add(into.vectors, words);
      else if (key === 'indices') add(into.indices, words);
      else if (key === 'simplex') add(into.simplex, words);
      else if (key === 'sizes' && words.every((w) => /^[1-9]$/.test(w)))
        into.sizes.splice(0, into.sizes.length, ...words.map(Number));
      else
        return `claims: indexed: cannot read \`${part.trim()}\` (write vectors z s; indices i j; simplex y; sizes 2 3)`;
    }
  }
  scope.indexed = into;
  return undefined;
}

/** `readTeX` with the scope's vectors and indices (and one more index: a definition's own). */
function readIndexedTeX(
  tex: string,
  indexed: IndexedScope,
  parameters: readonly string[],
  definitions: ReadonlyMap<string, TeXDefinition>,
  ownIndex?: string,
  offset = 0,
  variable = VARIABLE,
): ReturnType<typeof readTeX> {
  const indices =
    ownIndex === undefined || indexed.indices.includes(ownIndex) ? indexed.indices : [...indexed.indices, ownIndex];
  return readTeX(tex, { variable, parameters, definitions, offset, indexed: { vectors: indexed.vectors, indices } });
}

/** `fn(z)` or `fn(z, alpha)` for a registry id, through the expression language's function table. */
function activationCall(id: string, scope: Scope): Expr | undefined {
  for (const [fn, info] of FUNCTIONS) {
    if (info.activationId !== id) continue;
    const withParam = info.param !== undefined && scope.params.has(info.param);
    return call(fn, withParam && info.param !== undefined ? [name(VARIABLE), name(info.param)] : [name(VARIABLE)]);
  }
  const fn = id.replace(/-/g, '_');
  return FUNCTIONS.has(fn as FunctionName) ? call(fn as FunctionName, [name(VARIABLE)]) : undefined;
}

/** An interval of z a formula is restricted to by the prose: "… $claim$ for $z > 0$" or "For $z < 0$, $claim$". */
function domainFor(
  f: FormulaEvent,
  previous: FormulaEvent | undefined,
  next: FormulaEvent | undefined,
  scope: Scope,
  afterNext?: FormulaEvent,
): Domain | undefined {
  if (next !== undefined && next.group === f.group && FOR_AFTER.test(f.after)) {
    const d = intervalOf(next.tex, scope);
    // "… for $z < 0$ or $z > 6$": both intervals.
    const also =
      afterNext !== undefined && afterNext.group === f.group && /^\s*or\s*$/.test(next.after)
        ? intervalOf(afterNext.tex, scope)
        : undefined;
    if (d !== undefined) return also === undefined ? d : [d[0], d[1], d[2], also];
  }
  if (previous !== undefined && previous.group === f.group) {
    // "For $z < 0$, $claim$" and "inputs $z < 0$, where $claim$".
    // A condition introduced by "for" holds to the end of its clause (no `.`, `;` or `:` in between).
    if ((!/[.;:]/.test(f.before) && FOR_BEFORE.test(previous.before)) || /^\s*,?\s*where\s*$/i.test(f.before)) {
      return intervalOf(previous.tex, scope);
    }
  }
  return undefined;
}

/** `z > c`, `z \le c`, `c < z < d` as an interval (strict ends nudged inward so a kink is never sampled). */
function intervalOf(
  tex: string,
  scope: { readonly definitions: ReadonlyMap<string, TeXDefinition> },
): Domain | undefined {
  const split = splitTeX(tex);
  if (!split.ok || split.statements.length !== 1) return undefined;
  const s = split.statements[0] as TeXStatement;
  let lo = Number.NEGATIVE_INFINITY;
  let hi = Number.POSITIVE_INFINITY;
  const zAt = s.sides.findIndex((side) => /^[a-z]$/.test(side.tex.trim()) && side.tex.trim() !== 'e');
  const letter = s.sides[zAt]?.tex.trim() ?? VARIABLE;
  if (zAt < 0 || s.ops.length === 0) return undefined;
  for (let k = 0; k < s.ops.length; k++) {
    const op = s.ops[k] as RelationOp;
    const leftIsZ = k === zAt;
    const rightIsZ = k + 1 === zAt;
    if (!leftIsZ && !rightIsZ) continue;
    const other = s.sides[leftIsZ ? k + 1 : k];
    const read = other === undefined ? undefined : readTeX(other.tex, { definitions: scope.definitions });
    if (read === undefined || !read.ok || namesIn(read.tree).size > 0) return undefined;
    const c = compile(read.tree)({});
    if (!Number.isFinite(c)) return undefined;
    const nudge = 1e-9 * Math.max(1, Math.abs(c));
    // Normalise to "z op c".
    const normal = leftIsZ
      ? op
      : ({ '<': '>', '≤': '≥', '>': '<', '≥': '≤', '=': '=', '≈': '≈', '≠': '≠' } as const)[op];
    if (normal === '<') hi = Math.min(hi, c - nudge);
    else if (normal === '≤') hi = Math.min(hi, c);
    else if (normal === '>') lo = Math.max(lo, c + nudge);
    else if (normal === '≥') lo = Math.max(lo, c);
    else if (normal === '=') {
      // "at $z = -3$": a point.
      lo = c;
      hi = c;
    } else return undefined;
  }
  return [lo, hi, letter];
}

/** Whether a side is a number (`0.105`, `4.2 \times 10^{-18}`, `-1.278`): the digits shown set the tolerance of `≈`. */
function shownDigits(tex: string): number | undefined {
  const m = /^\s*-?\s*(\d+)(?:\.(\d+))?\s*(?:\\times\s*10\^\{?(-?\d+)\}?)?\s*$/.exec(tex);
  if (m === null) {
    // A computation with rounded numbers (`1 - 0.990134`): the finest decimal shown sets the tolerance.
    const r = readTeX(tex);
    if (!r.ok || namesIn(r.tree).size > 0) return undefined;
    const units = [...tex.matchAll(/\d+(?:\.(\d+))?(?:\s*\\times\s*10\^\{?(-?\d+)\}?)?/g)]
      .filter((d) => d[1] !== undefined || d[2] !== undefined)
      .map((d) => 10 ** (Number(d[2] ?? 0) - (d[1]?.length ?? 0)));
    return units.length === 0 ? undefined : 0.5 * Math.min(...units) * (1 + 1e-9);
  }
  const decimals = m[2]?.length ?? 0;
  const exponent = m[3] === undefined ? 0 : Number(m[3]);
  // Half a unit in the last digit shown (plus a hair for the float64 of the bound itself).
  return 0.5 * 10 ** (exponent - decimals) * (1 + 1e-9);
}

function namesIn(e: Expr, out = new Set<string>()): Set<string> {
  if (e.kind === 'name') out.add(e.name);
  for (const c of children(e)) namesIn(c, out);
  return out;
}

function combinations(
  params: ReadonlyMap<string, readonly number[]>,
  used: ReadonlySet<string>,
): Record<string, number>[] {
  let out: Record<string, number>[] = [{}];
  for (const [key, values] of params) {
    if (!used.has(key)) continue;
    out = out.flatMap((o) => values.map((v) => ({ ...o, [key]: v })));
  }
  return out;
}

type Side = { readonly tex: string; readonly tree: Expr };

/** Where a claim holds, from the prose: an interval of the letter (`z`, or `h` in a difference quotient). */
type Domain = readonly [lo: number, hi: number, letter: string, also?: Domain];

/** Pieces of definitions given under conditions of the prose, per scope. */
const pieces = new WeakMap<Map<string, TeXDefinition>, Map<string, { tree: Expr; domain: Domain }[]>>();

/** `cond(z in d1, t1, cond(z in d2, t2, 0/0))`. */
function joinPieces(list: readonly { tree: Expr; domain: Domain }[], variable: string): Expr {
  let out: Expr = div(num(0), num(0));
  for (let k = list.length - 1; k >= 0; k--) {
    const { tree, domain } = list[k] as { tree: Expr; domain: Domain };
    const z = name(variable);
    const tests: Expr[] = [];
    if (Number.isFinite(domain[0])) tests.push(compare('>=', z, num(domain[0])));
    if (Number.isFinite(domain[1])) tests.push(compare('<=', z, num(domain[1])));
    const test = tests.reduce((a, b) => mul(a, b), num(1) as Expr);
    out = cond(test, tree, out);
  }
  return out;
}

/** What one reading of a formula found. */
interface Reading {
  isClaim: boolean;
  problems: string[];
  /** A side uses a symbol declared `outside`. */
  about: boolean;
  definitions: number;
  conditions: number;
  /** The relation that is not checked (`\to`, `\in`), when the formula uses one. */
  other?: string;
  /** The relations checked. */
  ops: RelationOp[];
  /**
   * In a statement with a side about an `outside` quantity, the links between two readable sides
   * are still checked: their count, and what failed (a failure whatever the outside side is).
   */
  links: number;
  linkProblems: string[];
  /** A single letter the formula uses instead of z (`\tanh'(u) = 1 - \tanh^{2} u`): read it again in that letter. */
  otherVariable?: string;
}

/**
 * Checks one formula and records it in `report`. `scope` is updated with the formula's own
 * definitions (`a = \sigma(z)` defines a for what follows); `domain` restricts every relation.
 * A formula without z whose only unknown is one letter (`\frac{1}{u} = u^{-1}`) is an identity in that letter.
 */
export function checkFormula(
  f: FormulaEvent,
  context: FormulaContext,
  report: ClaimReport,
  scope: Map<string, TeXDefinition> = new Map(context.definitions ?? []),
  domain?: Domain,
): void {
  report.formulas++;
  let reading = readFormula(f, context, new Map(scope), domain, VARIABLE, scope, false);
  if (reading.otherVariable !== undefined && !/(?<![\\A-Za-z])z(?![A-Za-z])/.test(f.tex)) {
    // `\frac{d}{du}` names the letter; otherwise the first unknown one.
    const named = /\\[dt]?frac\{d\}\{d([a-y])\}/.exec(f.tex)?.[1];
    const letter = named ?? reading.otherVariable;
    // The letter is a dummy variable here, even if the prose defined it as something else earlier.
    const dummy = new Map(scope);
    dummy.delete(letter);
    const again = readFormula(f, context, dummy, domain, letter, scope, false);
    if (again.isClaim && again.problems.length === 0) reading = again;
  }
  if (reading.definitions > 0) readFormula(f, context, scope, domain, VARIABLE, scope, true);
  report.definitions += reading.definitions;
  report.conditions += reading.conditions;
  // A relation the checker does not state (`\to`) is listed; the statements before it are still checked.
  if (reading.other !== undefined)
    report.otherRelations.push({ file: f.file, line: f.line, tex: f.tex, reason: reading.other });
  if (!reading.isClaim) return;
  if (reading.about && reading.problems.length > 0) {
    report.outside++;
    report.outsideFormulas.push({
      file: f.file,
      line: f.line,
      tex: f.tex,
      reason: 'outside',
      checkedLinks: reading.links - reading.linkProblems.length,
    });
    if (reading.linkProblems.length > 0 && f.unchecked === undefined)
      report.failures.push({ file: f.file, line: f.line, tex: f.tex, message: reading.linkProblems.join('; ') });
    return;
  }
  report.claims++;
  if (f.unchecked !== undefined) {
    const entry = { file: f.file, line: f.line, tex: f.tex, reason: f.unchecked };
    if (reading.problems.length > 0) {
      report.marked.push(entry);
      return;
    }
    // A formula that holds on a marked line is checked; the mark must still be needed by another one.
    report.heldOnMarkedLines.push(entry);
  }
  if (reading.problems.length === 0) {
    report.checked++;
    report.checkedFormulas.push({ file: f.file, line: f.line, tex: f.tex, ops: reading.ops });
  } else report.failures.push({ file: f.file, line: f.line, tex: f.tex, message: reading.problems.join('; ') });
}

function readFormula(
  f: FormulaEvent,
  context: FormulaContext,
  scope: Map<string, TeXDefinition>,
  domain: Domain | undefined,
  variable: string,
  /** The scope the pieces of piecewise definitions belong to, and whether this reading records them. */
  owner: Map<string, TeXDefinition>,
  commit: boolean,
): Reading {
  const out: Reading = {
    isClaim: false,
    problems: [],
    about: false,
    definitions: 0,
    conditions: 0,
    ops: [],
    links: 0,
    linkProblems: [],
  };
  const params = context.params ?? new Map<string, readonly number[]>();
  const split = splitTeX(f.tex);
  if (!split.ok) {
    out.isClaim = true;
    out.problems.push(`${split.error.message} (${split.error.code})`);
    return out;
  }
  if (split.unchecked.length > 0)
    out.other = `the relation ${split.unchecked.map((r) => `\`${r}\``).join(', ')} is not one the checker states`;
  const statements = split.statements;
  const read = (tex: string, start: number): Side | string => {
    const r =
      context.indexed === undefined
        ? readTeX(tex, { variable, parameters: [...params.keys()], definitions: scope, offset: start })
        : readIndexedTeX(tex, context.indexed, [...params.keys()], scope, undefined, start, variable);
    if (r.ok) return { tex, tree: r.tree };
    const symbol = /^\\(?:[A-Za-z]+|.)|^./.exec(f.tex.slice(r.error.position))?.[0] ?? '';
    const named = /`([^`]+)`/.exec(r.error.message)?.[1] ?? '';
    const isOutside = context.outside?.has(symbol) === true || context.outside?.has(named) === true;
    // A function the course does not have (`\operatorname{Var}`) counts only when declared by its full name.
    const unknown =
      r.error.code === 'unknown-symbol' || r.error.code === 'unknown-command' || r.error.code === 'unknown-function';
    if (unknown && isOutside) {
      out.about = true;
    } else if (r.error.code === 'unknown-symbol' && /^[a-y]$/.test(symbol) && symbol !== 'e') {
      out.otherVariable ??= symbol;
    }
    return `cannot read \`${f.tex.slice(r.error.position, r.error.position + 12)}\` at ${String(r.error.position)}: ${r.error.message} (${r.error.code})`;
  };
  // Definitions first: a "where" clause (`…, \quad u = …`) defines u for the statements before it too.
  const defined = new Set<TeXStatement>();
  for (const s of statements) {
    const first = s.sides[0];
    // `s_i = \dfrac{e^{z_i}}{\sum_k e^{z_k}}`: the prose defines a vector componentwise (once).
    const component = first === undefined ? null : COMPONENT_HEAD.exec(first.tex);
    const indexed = context.indexed;
    const base = component?.[1] ?? '';
    if (
      component !== null &&
      indexed !== undefined &&
      indexed.vectors.includes(base) &&
      !Object.keys(indexed.define).some((k) => k.startsWith(`${base}_`)) &&
      s.ops[0] === '=' &&
      !s.condition
    ) {
      const rhs = s.sides[1];
      const value =
        rhs === undefined
          ? undefined
          : readIndexedTeX(rhs.tex, indexed, [...params.keys()], scope, component[2], rhs.start, variable);
      if (value?.ok === true) {
        if (commit) indexed.define[`${base}_${component[2] ?? ''}`] = value.tree;
        defined.add(s);
        out.definitions++;
        continue;
      }
    }
    const head = first === undefined ? null : definedHead(variable).exec(first.tex);
    const key = head?.[1] ?? head?.[2];
    if (head === null || key === undefined || s.ops[0] !== '=' || s.condition) continue;
    const isFunction = /\(/.test(first?.tex ?? '');
    // `g(z) = …` (re)defines g; a bare `a = …` defines a only if a is not defined yet.
    // A defined name is a claim (`g(z) = \max(\alpha z, z)` after the cases): `claims: forget g` starts afresh.
    // "… at $u = z/\sqrt{2}$", "with $u = z$": a letter introduced by at/with/where is (re)defined.
    const introduced = /\b(?:at|with|where|and)\s*$/i.test(f.before) && !isFunction;
    const piecewise = domain !== undefined && isFunction && domain[2] === variable;
    const hasPieces = (pieces.get(owner)?.get(key)?.length ?? 0) > 0;
    if (
      key === variable ||
      key === 'e' ||
      (scope.has(key) && !introduced && !(piecewise && hasPieces)) ||
      params.has(key)
    ) {
      continue;
    }
    if (piecewise) {
      // "$g(z) = z$ for $z > 0$ and $g(z) = 0.01z$ for $z \le 0$": pieces, joined into one definition.
      const rhs = s.sides[1];
      const value = rhs === undefined ? undefined : read(rhs.tex, rhs.start);
      if (value === undefined || typeof value === 'string') continue;
      const byName = pieces.get(owner) ?? new Map<string, { tree: Expr; domain: Domain }[]>();
      const list = [...(byName.get(key) ?? []), { tree: value.tree, domain }];
      if (commit) {
        pieces.set(owner, byName);
        byName.set(key, list);
      }
      scope.set(key, { tree: joinPieces(list, variable), isFunction: true });
      defined.add(s);
      out.definitions++;
      continue;
    }
    const rhs = s.sides[1];
    if (rhs === undefined) continue;
    const value = read(rhs.tex, rhs.start);
    // `g(z) = 0` says where, not what g is: a function's definition depends on z.
    if (typeof value === 'string' || (isFunction && !namesIn(value.tree).has(variable))) continue;
    // A name for an expression of z is a function of z (`g = \tanh z`, then `g(z)^{2}`); a bracket that
    // mentions the name (`g(1 - g)`) stays a product.
    scope.set(key, { tree: value.tree, isFunction: isFunction || namesIn(value.tree).has(variable) });
    defined.add(s);
    out.definitions++;
  }
  let restricted = domain;
  for (const s of statements) {
    if (s.ops.length === 0) continue;
    if (s.condition) {
      restricted =
        intervalOf(f.tex.slice(s.sides[0]?.start ?? 0, s.sides.at(-1)?.end ?? 0), { definitions: scope }) ?? restricted;
      continue;
    }
    // A name against numbers only (`z > 0`, `0 \le \alpha < 1`, `a = \tfrac12`) says where, not what.
    if (!defined.has(s) && isCondition(s)) {
      out.conditions++;
      continue;
    }
    const pairs = defined.has(s) ? s.sides.slice(1) : s.sides;
    const ops = defined.has(s) ? s.ops.slice(1) : s.ops;
    if (ops.length === 0) continue;
    out.isClaim = true;
    const trees: (Side | string)[] = pairs.map((side) => read(side.tex, side.start));
    const unreadable = trees.find((t): t is string => typeof t === 'string');
    if (unreadable !== undefined) {
      out.problems.push(unreadable);
      // `\delta_1 = (0.5)(-0.3)(0.7116) \approx -0.107`: the sides that read are still a claim.
      if (out.about && context.indexed === undefined) {
        for (let k = 0; k < ops.length; k++) {
          const a = trees[k];
          const b = trees[k + 1];
          if (a === undefined || b === undefined || typeof a === 'string' || typeof b === 'string') continue;
          out.links++;
          const problem = checkRelation(
            a,
            ops[k] as RelationOp,
            b,
            params,
            restricted,
            variable,
            context.kinks,
            f.tolerance,
          );
          if (problem !== undefined) out.linkProblems.push(problem);
        }
      }
      continue;
    }
    const readable = trees as Side[];
    out.ops.push(...(ops as RelationOp[]));
    for (let k = 0; k < ops.length; k++) {
      const indexed = context.indexed;
      if (
        indexed !== undefined &&
        (isIndexed(readable[k] as Side, indexed) || isIndexed(readable[k + 1] as Side, indexed))
      ) {
        const problem = checkIndexedRelation(
          readable[k] as Side,
          ops[k] as RelationOp,
          readable[k + 1] as Side,
          params,
          indexed,
          `${f.file}:${String(f.line)}:${f.tex}`,
          f.tolerance,
        );
        if (problem !== undefined) out.problems.push(problem);
        continue;
      }
      const problem = checkRelation(
        readable[k] as Side,
        ops[k] as RelationOp,
        readable[k + 1] as Side,
        params,
        restricted,
        variable,
        context.kinks,
        f.tolerance,
      );
      if (problem !== undefined) out.problems.push(problem);
    }
    for (const ref of context.references ?? []) {
      for (const side of readable) {
        // One way: the side must equal the registry wherever the registry's function is defined.
        const refSide = { tex: ref.label, tree: ref.tree };
        const problem = checkRelation(side, '⊑', refSide, params, restricted, variable, context.kinks);
        if (problem !== undefined) out.problems.push(problem);
      }
    }
  }
  return out;
}

/** The formula is one statement with relations (`g(z) = 0`, `a = \tfrac12`). */
function isSingleRelation(tex: string): boolean {
  const split = splitTeX(tex);
  return split.ok && split.statements.length === 1 && (split.statements[0]?.ops.length ?? 0) > 0;
}

/** The formula is a condition (`z \approx -1.278`, `z > 0`): a name against numbers. */
function isConditionTeX(tex: string): boolean {
  const split = splitTeX(tex);
  return split.ok && split.statements.length === 1 && isCondition(split.statements[0] as TeXStatement);
}

/** At least one side is a bare name (`z`, `\alpha`, `g`) and every other side is a number. */
function isCondition(s: TeXStatement): boolean {
  let bare = 0;
  for (const side of s.sides) {
    const t = side.tex.trim();
    if (BARE_NAME.test(t) && !/^\\(sigma|tanh|pi)$/.test(t)) {
      bare++;
      continue;
    }
    const r = readTeX(t);
    if (!r.ok || namesIn(r.tree).size > 0) return false;
  }
  return bare > 0;
}

/** One relation `a op b`, at every combination of the parameters it uses; a sentence if it fails. */
function checkRelation(
  left: Side,
  op: RelationOp | '⊑',
  right: Side,
  params: ReadonlyMap<string, readonly number[]>,
  domain: Domain | undefined,
  variable: string,
  kinks: readonly number[] = [],
  tolerance?: number,
  /** Sample points of the checker (its default unless given: the indexed relations use the derivations' 8). */
  samples?: number,
): string | undefined {
  const also = domain?.[3];
  if (domain !== undefined && also !== undefined) {
    const first = checkRelation(left, op, right, params, [domain[0], domain[1], domain[2]], variable, kinks, tolerance);
    return first ?? checkRelation(left, op, right, params, also, variable, kinks, tolerance);
  }
  const applies = domain !== undefined && domain[2] === variable;
  const point = applies && domain[0] === domain[1] ? domain[0] : undefined;
  const interval = applies && point === undefined ? ([domain[0], domain[1]] as const) : undefined;
  // At a point ("at $z = -3$") the two sides are numbers: compare them there.
  const at = (e: Expr): Expr => (point === undefined ? e : substitute(e, new Map([[variable, num(point)]])));
  const a: Side = { tex: left.tex, tree: at(left.tree) };
  const b: Side = { tex: right.tex, tree: at(right.tree) };
  const used = new Set([...namesIn(a.tree), ...namesIn(b.tree)]);
  used.delete(variable);
  for (const values of combinations(params, used)) {
    const options = {
      params: values,
      variable,
      kinks,
      ...(interval === undefined ? {} : { interval }),
      ...(samples === undefined ? {} : { samples }),
    };
    let verdicts: EquivalenceResult[];
    try {
      switch (op) {
        case '⊑':
          verdicts = [equivalent(a.tree, b.tree, options)];
          break;
        case '=':
          // Both ways: the checker compares where its second argument is defined.
          verdicts = [equivalent(a.tree, b.tree, options), equivalent(b.tree, a.tree, options)];
          break;
        case '≈': {
          const h = shownDigits(b.tex) ?? shownDigits(a.tex) ?? tolerance;
          if (h === undefined) return `\`${a.tex} \\approx ${b.tex}\`: neither side shows digits to set the tolerance`;
          // |a − b| ≤ h, as max(|a − b|/s, 1/1000) ≡ 1/1000 with s = 1000h: scaled to order one, so
          // that a tiny claim (4.2 × 10^{-18}) is not lost under the checker's absolute zero floor.
          const bound = num(1e-3);
          const gap = div(call('abs', [sub(a.tree, b.tree)]), num(1000 * h));
          verdicts = [equivalent(call('max', [gap, bound]), bound, options)];
          break;
        }
        case '<':
        case '≤':
          // a ≤ b everywhere, as max(a, b) ≡ b.
          verdicts = [equivalent(call('max', [a.tree, b.tree]), b.tree, options)];
          break;
        case '>':
        case '≥':
          verdicts = [equivalent(call('max', [a.tree, b.tree]), a.tree, options)];
          break;
        case '≠':
          return `\`${a.tex} \\ne ${b.tex}\`: the checker proves equalities, not that two sides differ`;
      }
    } catch (e) {
      return `\`${a.tex}\` ${op} \`${b.tex}\`: the checker refused it (${e instanceof Error ? e.message : String(e)})`;
    }
    const failed = verdicts.find((v) => !v.equal);
    if (failed !== undefined) {
      const at = failed.counterexample?.z;
      const paramText = Object.entries(values)
        .map(([k, v]) => `${k} = ${String(v)}`)
        .join(', ');
      const where =
        at === undefined
          ? (failed.reason ?? 'not equal')
          : `at ${variable} = ${String(at)}${paramText === '' ? '' : ` (${paramText})`} the left side is ${value(a.tree, variable, at, values)} and the right side ${value(b.tree, variable, at, values)}`;
      return `\`${a.tex}\` ${op === '⊑' ? '=' : op} \`${b.tex}\` fails: ${where}`;
    }
  }
  return undefined;
}

/**
 * Points per sweep of one component, as test/lessons/check-indexed.ts compares the derivations' steps,
 * and one seeded point per entry (each entry its own: 54 points for an (i, j) claim over n = 2…5); the
 * derivations take three per entry, and a changed formula is re-checked by every mutation test.
 */
const INDEXED_SAMPLES = 8;
const POINTS_PER_CLAIM_ENTRY = 1;

/** Whether a side is about vectors: a component, the length n, a delta, a sum or a partial derivative. */
function isIndexed(side: Side, indexed: IndexedScope): boolean {
  const walk = (e: Expr): boolean => {
    if (e.kind === 'delta' || e.kind === 'sum') return true;
    if (e.kind === 'name' && (e.name === 'n' || indexed.vectors.includes(/^([A-Za-z])_/.exec(e.name)?.[1] ?? '')))
      return true;
    if (e.kind === 'derivative' && e.variable !== VARIABLE) return true;
    return children(e).some(walk);
  };
  return walk(side.tree);
}

/** The indices a tree leaves free: subscripts of components and bare index letters not bound by a sum. */
function freeIndices(
  e: Expr,
  indexed: IndexedScope,
  bound: readonly string[] = [],
  out = new Set<string>(),
): Set<string> {
  const note = (x: string): void => {
    if (!bound.includes(x) && /^[A-Za-z]$/.test(x) && x !== 'n') out.add(x);
  };
  if (e.kind === 'name') {
    const m = /^([A-Za-z])_([A-Za-z])$/.exec(e.name);
    if (m !== null && indexed.vectors.includes(m[1] ?? '')) note(m[2] ?? '');
    else if (indexed.indices.includes(e.name)) note(e.name);
  }
  if (e.kind === 'derivative') freeIndices(name(e.variable), indexed, bound, out);
  if (e.kind === 'sum') {
    freeIndices(e.from, indexed, bound, out);
    freeIndices(e.to, indexed, bound, out);
    freeIndices(e.body, indexed, [...bound, e.index], out);
    return out;
  }
  for (const c of children(e)) freeIndices(c, indexed, bound, out);
  return out;
}

/**
 * A relation between sides about vectors, entry by entry: for each size n, each value of the free
 * indices in 1…n and a seeded point each (the undefined vectors sampled in [−3, 3], a simplex vector on the
 * simplex), both sides are written out by `expandIndices` and compared by {@link checkRelation} as
 * functions of one component (the one differentiated by, else the first), the others held at the point,
 * exactly as test/lessons/check-indexed.ts checks the derivations' steps.
 */
function checkIndexedRelation(
  a: Side,
  op: RelationOp,
  b: Side,
  params: ReadonlyMap<string, readonly number[]>,
  indexed: IndexedScope,
  seed: string,
  tolerance?: number,
): string | undefined {
  const random = mulberry32(hashSeed(seed));
  const free = [...new Set([...freeIndices(a.tree, indexed), ...freeIndices(b.tree, indexed)])].sort();
  const defined = new Set(Object.keys(indexed.define).map((k) => k.slice(0, 1)));
  const sampled = indexed.vectors.filter((v) => !defined.has(v));
  for (const n of indexed.sizes) {
    for (const indices of assignments(free, n)) {
      for (let p = 0; p < POINTS_PER_CLAIM_ENTRY; p++) {
        const point: Record<string, number> = {};
        for (const v of sampled) {
          const simplex = indexed.simplex.includes(v);
          const values = Array.from({ length: n }, () => (simplex ? 0.05 + random() : -3 + 6 * random()));
          const total = values.reduce((x, y) => x + y, 0);
          values.forEach((x, k) => (point[`${v}_${String(k + 1)}`] = simplex ? x / total : x));
        }
        const label = [`n = ${String(n)}`, ...Object.entries(indices).map(([k, v]) => `${k} = ${String(v)}`)].join(
          ', ',
        );
        const options = { n, indices, vectors: indexed.vectors, define: indexed.define };
        const x = expandIndices(a.tree, options);
        const y = expandIndices(b.tree, options);
        if (!x.ok || !y.ok)
          return `(${label}): ${(x.ok ? undefined : x.error.message) ?? (y.ok ? '' : y.error.message)}`;
        // Swept: the component differentiated by, else the first sampled one.
        const by = [x.tree, y.tree].map(derivativeVariable).find((v) => v !== undefined);
        // ∂/∂z_j by the course's differentiator, as read-tex takes d/dz and primes.
        const left = resolveDerivatives(x.tree);
        const right = resolveDerivatives(y.tree);
        if (typeof left === 'string') return `(${label}): ${left}`;
        if (typeof right === 'string') return `(${label}): ${right}`;
        const variable = by ?? `${sampled[0] ?? 'z'}_1`;
        const fixed = new Map(params);
        for (const [k, v] of Object.entries(point)) if (k !== variable) fixed.set(k, [v]);
        const problem = checkRelation(
          { tex: a.tex, tree: left },
          op,
          { tex: b.tex, tree: right },
          fixed,
          [SWEEP[0], SWEEP[1], variable],
          variable,
          [],
          tolerance,
          INDEXED_SAMPLES,
        );
        if (problem !== undefined) return `${problem} (${label}, point ${String(p + 1)})`;
      }
    }
  }
  return undefined;
}

/** Every `d/dz_3(…)` of an instantiated tree replaced by its derivative (innermost first), or why not. */
function resolveDerivatives(e: Expr): Expr | string {
  const kids = children(e);
  const resolved: Expr[] = [];
  for (const c of kids) {
    const r = resolveDerivatives(c);
    if (typeof r === 'string') return r;
    resolved.push(r);
  }
  const tree = kids.length === 0 ? e : withChildren(e, resolved);
  if (tree.kind !== 'derivative') return tree;
  const others = [...namesIn(tree.arg)].filter((n) => n !== tree.variable);
  const d = derive(tree.arg, others, tree.variable);
  return d.ok ? d.derivativeTree : `cannot differentiate by ${tree.variable}: ${d.error.message}`;
}

function derivativeVariable(e: Expr): string | undefined {
  if (e.kind === 'derivative') return e.variable;
  for (const c of children(e)) {
    const v = derivativeVariable(c);
    if (v !== undefined) return v;
  }
  return undefined;
}

function value(e: Expr, variable: string, at: number, params: Record<string, number>): string {
  try {
    return String(compile(e)({ [variable]: at, ...params }));
  } catch {
    return '(a numeric derivative)';
  }
}

export function emptyReport(): ClaimReport {
  return {
    formulas: 0,
    claims: 0,
    checked: 0,
    conditions: 0,
    definitions: 0,
    outside: 0,
    outsideFormulas: [],
    otherRelations: [],
    marked: [],
    heldOnMarkedLines: [],
    failures: [],
    checkedFormulas: [],
  };
}

/**
 * After every file: a line (or YAML string) marked `claims: unchecked` whose formulas all hold
 * fails (remove the mark), and so does one where the mark also covers a claim that holds.
 */
export function finishReport(report: ClaimReport): ClaimReport {
  const needed = new Set(report.marked.map((m) => `${m.file}:${String(m.line)}`));
  const seen = new Set<string>();
  for (const m of report.heldOnMarkedLines) {
    const key = `${m.file}:${String(m.line)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (needed.has(key)) {
      // A mark must not cover a claim that holds: a later change to it would go unnoticed.
      report.failures.push({
        file: m.file,
        line: m.line,
        tex: m.tex,
        message: `a "claims: unchecked" mark here also covers this claim, which holds: name the formula it means, claims: unchecked "<part of its TeX>" <reason>`,
      });
      continue;
    }
    report.failures.push({
      file: m.file,
      line: m.line,
      tex: m.tex,
      message: `marked "claims: unchecked" (${m.reason}) but every formula on the line holds: remove the mark`,
    });
  }
  return report;
}
