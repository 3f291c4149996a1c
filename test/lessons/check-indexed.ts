import type { ParsedStep } from '../../components/derivation/derivation-view.ts';
import type { Derivation, IndexedDerivation } from '../../src/content/derivation-schema.ts';
import { equivalent, hashSeed, mulberry32 } from '../../src/grading/index.ts';
import { derive, evaluate, expandIndices, name, parse } from '../../src/symbolic/index.ts';
import type { Expr } from '../../src/symbolic/index.ts';

/**
 * The step checker for derivations about vectors (`indexed:` in the YAML): every step is
 * instantiated with `expandIndices` for each size n, each value of the free indices in 1…n and a few
 * seeded points z ∈ [−3, 3]ⁿ, and each consecutive pair is compared with the one checker
 * (`equivalent`) as functions of the component the derivation differentiates by (`z_j` ↦ `z_2`),
 * the other components held at the point. So `∂sᵢ/∂zⱼ` is checked entry by entry.
 */

/** Seeded points per (n, indices): the other components are held here while the variable is swept. */
export const POINTS_PER_ENTRY = 3;

/** The range the differentiated component is swept over at each instance. */
export const SWEEP: readonly [number, number] = [-40, 40];

/** One instantiation: n, the free indices, the point. */
export interface Instance {
  readonly n: number;
  readonly indices: Readonly<Record<string, number>>;
  /** Values of every component of every sampled vector, e.g. `{ z_1: 0.3, z_2: -1.1 }`. */
  readonly point: Readonly<Record<string, number>>;
  /** The component differentiated by at this instance (`z_2`), or the scalar variable. */
  readonly variable: string;
  readonly label: string;
}

/** Every assignment of the free indices to 1…n. */
export function assignments(indices: readonly string[], n: number): Record<string, number>[] {
  let out: Record<string, number>[] = [{}];
  for (const index of indices)
    out = out.flatMap((a) => Array.from({ length: n }, (_, k) => ({ ...a, [index]: k + 1 })));
  return out;
}

/** The instances a derivation is checked at, seeded by its id so the same file gets the same points. */
export function instances(id: string, data: Derivation, indexed: IndexedDerivation): Instance[] {
  const random = mulberry32(hashSeed(id));
  const defined = new Set(Object.keys(indexed.define).map((k) => k.slice(0, 1)));
  const sampled = indexed.vectors.filter((v) => !defined.has(v));
  const out: Instance[] = [];
  for (const n of indexed.sizes) {
    for (const indices of assignments(indexed.indices, n)) {
      for (let p = 0; p < POINTS_PER_ENTRY; p++) {
        const point: Record<string, number> = {};
        for (const v of sampled) {
          const values = Array.from({ length: n }, () =>
            indexed.simplex.includes(v) ? 0.05 + random() : -3 + 6 * random(),
          );
          const total = values.reduce((a, b) => a + b, 0);
          values.forEach((x, k) => (point[`${v}_${String(k + 1)}`] = indexed.simplex.includes(v) ? x / total : x));
        }
        const expanded = expandIndices(name(data.variable), { n, indices, vectors: indexed.vectors });
        const variable = expanded.ok && expanded.tree.kind === 'name' ? expanded.tree.name : data.variable;
        const idx = Object.entries(indices).map(([k, v]) => `${k} = ${String(v)}`);
        out.push({
          n,
          indices,
          point,
          variable,
          label: [`n = ${String(n)}`, ...idx, `point ${String(p + 1)}`].join(', '),
        });
      }
    }
  }
  return out;
}

/** The definitions of defined vectors, parsed with their own index. */
export function definitionTrees(indexed: IndexedDerivation): Record<string, Expr> {
  return Object.fromEntries(
    Object.entries(indexed.define).map(([key, text]) => {
      const r = parse(text, { indexed: { vectors: indexed.vectors, indices: [key.slice(2)] } });
      if (!r.ok) throw new Error(`define.${key} "${text}" does not parse: ${r.error.message}`);
      return [key, r.tree];
    }),
  );
}

/** Every step of `parsed` instantiated at `at`, or an error message naming the step. */
export function instantiate(
  parsed: readonly ParsedStep[],
  indexed: IndexedDerivation,
  define: Record<string, Expr>,
  at: Instance,
): { trees: Expr[] } | { error: string; step: string } {
  const trees: Expr[] = [];
  for (const p of parsed) {
    const r = expandIndices(p.tree, { n: at.n, indices: at.indices, vectors: indexed.vectors, define });
    if (!r.ok) return { error: r.error.message, step: p.step.id };
    trees.push(r.tree);
  }
  return { trees };
}

export interface IndexedCheck {
  readonly failures: string[];
  /** Step pairs compared, summed over instances and parameter sets. */
  readonly comparisons: number;
  /** Instances (n, indices, point) checked. */
  readonly entries: number;
}

/**
 * Consecutive steps at every instance. At most one failure per step (the first instance where it
 * fails), so a broken step gives one line: `… › step <id> (n = 3, i = 1, j = 2, point 1): at z_2 = …`.
 */
export function checkIndexedSteps(
  d: { readonly id: string; readonly data: Derivation },
  parsed: readonly ParsedStep[],
  parameterSets: readonly Record<string, number>[],
  where: (step: string) => string,
): IndexedCheck {
  const indexed = d.data.indexed;
  if (indexed === undefined) return { failures: [], comparisons: 0, entries: 0 };
  const define = definitionTrees(indexed);
  const failed = new Set<string>();
  const failures: string[] = [];
  let comparisons = 0;
  const all = instances(d.id, d.data, indexed);
  for (const at of all) {
    const made = instantiate(parsed, indexed, define, at);
    if ('error' in made) {
      if (!failed.has(made.step)) failures.push(`${where(made.step)} (${at.label}): ${made.error}`);
      failed.add(made.step);
      continue;
    }
    for (const params of parameterSets) {
      const fixed = { ...params, ...at.point };
      delete fixed[at.variable];
      for (let i = 1; i < made.trees.length; i++) {
        const step = parsed[i]?.step.id ?? String(i);
        const previous = made.trees[i - 1];
        const current = made.trees[i];
        if (previous === undefined || current === undefined || failed.has(step)) continue;
        comparisons++;
        // The sweep of the one component stays inside ±40: the tails (±1000), where e^{z_j} overflows, are
        // re-checked in 50 digits point by point, which the scalar derivations need and these do not.
        const verdict = equivalent(current, previous, {
          params: fixed,
          variable: at.variable,
          samples: 8,
          interval: SWEEP,
        });
        if (verdict.equal) continue;
        const c = verdict.counterexample;
        const detail =
          c === undefined
            ? (verdict.reason ?? 'not equal to the previous step')
            : `at ${at.variable} = ${String(c.z)} the previous step gives ${String(c.right)}, this step gives ${String(c.left)}`;
        failures.push(`${where(step)} (${at.label}): ${detail}`);
        failed.add(step);
      }
    }
  }
  return { failures, comparisons, entries: all.length };
}

/** |a − b| ≤ rel·max(|a|, |b|) + abs. */
const near = (a: number, b: number, rel: number, abs: number): boolean =>
  Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b)) + abs;

/**
 * The last step against the first, independently of the steps between: when the first step is
 * `d/dz_j(f)`, the last must equal `derive(f)` (the course's differentiator on the instantiated f)
 * and a central difference of f, at every instance's point.
 */
export function checkIndexedResult(
  d: { readonly id: string; readonly data: Derivation },
  parsed: readonly ParsedStep[],
  parameterSets: readonly Record<string, number>[],
  where: (step: string) => string,
): IndexedCheck {
  const indexed = d.data.indexed;
  const last = parsed[parsed.length - 1];
  if (indexed === undefined || last === undefined) return { failures: [], comparisons: 0, entries: 0 };
  const define = definitionTrees(indexed);
  const failures: string[] = [];
  let comparisons = 0;
  const all = instances(d.id, d.data, indexed);
  for (const at of all) {
    const made = instantiate(parsed, indexed, define, at);
    if ('error' in made)
      return { failures: [`${where(made.step)} (${at.label}): ${made.error}`], comparisons, entries: 0 };
    const first = made.trees[0];
    const result = made.trees[made.trees.length - 1];
    if (first?.kind !== 'derivative' || result === undefined) return { failures: [], comparisons, entries: 0 };
    for (const params of parameterSets) {
      const env = { ...params, ...at.point };
      const names = Object.keys(env).filter((k) => k !== at.variable);
      const derived = derive(first.arg, names, at.variable);
      if (!derived.ok) {
        failures.push(`${where(last.step.id)} (${at.label}): derive() failed: ${derived.error.message}`);
        continue;
      }
      const shown = evaluate(result, env);
      const symbolic = evaluate(derived.derivativeTree, env);
      const x = env[at.variable] ?? 0;
      const h = 1e-5;
      const f = (v: number): number => evaluate(first.arg, { ...env, [at.variable]: v });
      const central = (f(x + h) - f(x - h)) / (2 * h);
      comparisons++;
      if (!near(shown, symbolic, 1e-12, 1e-15) || !near(shown, central, 1e-6, 1e-9)) {
        failures.push(
          `${where(last.step.id)} (${at.label}): the last step gives ${String(shown)}, derive() gives ${String(symbolic)}, a central difference ${String(central)}`,
        );
        break;
      }
    }
  }
  return { failures, comparisons, entries: all.length };
}
