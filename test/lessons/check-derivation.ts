import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseDerivation } from '../../components/derivation/derivation-view.ts';
import type { ParsedStep } from '../../components/derivation/derivation-view.ts';
import { derivationSchema } from '../../src/content/derivation-schema.ts';
import type { Derivation } from '../../src/content/derivation-schema.ts';
import { equivalent } from '../../src/grading/index.ts';
import { activations } from '../../src/math/index.ts';
import { checkIndexedSteps } from './check-indexed.ts';
import { children, evaluate, parse } from '../../src/symbolic/index.ts';
import type { Expr } from '../../src/symbolic/index.ts';

/**
 * The derivation step checker: every consecutive pair of steps must be equal as functions of the
 * variable (by `equivalent`, the course's one checker), and the last step must match the registry's
 * `activations[id].derivative`. It reads the YAML through the same schema and the same
 * `parseDerivation` as the page, so the expressions checked are the expressions displayed.
 */

/** A derivation file, validated by the content schema. */
export interface LoadedDerivation {
  readonly id: string;
  readonly file: string;
  readonly data: Derivation;
}

/** Reads and validates one `content/derivations/*.yaml` (or fixture) file; the id is the file name. */
export function loadDerivation(file: string): LoadedDerivation {
  const id = basename(file, '.yaml');
  const result = derivationSchema.safeParse(parseYaml(readFileSync(file, 'utf8')));
  if (!result.success) throw new Error(`${file}: ${JSON.stringify(result.error.issues)}`);
  return { id, file, data: result.data };
}

/** Every `.yaml` file in a folder, loaded. */
export function loadDerivations(dir: string): LoadedDerivation[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => loadDerivation(join(dir, f)));
}

/** Which lesson places which derivation: `<Derivation id="…"` in `content/lessons/*.mdx`. */
export function derivationUses(lessonsDir: string): Map<string, string[]> {
  const uses = new Map<string, string[]>();
  for (const file of readdirSync(lessonsDir).filter((f) => f.endsWith('.mdx'))) {
    const lesson = basename(file, '.mdx');
    for (const m of readFileSync(join(lessonsDir, file), 'utf8').matchAll(/<Derivation\s+id="([^"]+)"/g)) {
      const id = m[1];
      if (id !== undefined) uses.set(id, [...(uses.get(id) ?? []), lesson]);
    }
  }
  return uses;
}

/** The base parameters, then each `checkParams` set laid over them. */
export function parameterSets(data: Derivation): Record<string, number>[] {
  return [data.params, ...data.checkParams.map((p) => ({ ...data.params, ...p }))];
}

const describeParams = (base: Readonly<Record<string, number>>, set: Readonly<Record<string, number>>): string => {
  const changed = Object.entries(set).filter(([k, v]) => base[k] !== v);
  return changed.length === 0 ? '' : ` (with ${changed.map(([k, v]) => `${k} = ${v}`).join(', ')})`;
};

/** Counts of what one check covered, for the report. */
export interface CheckResult {
  /** Failure messages, each naming the lesson, the derivation and the step. Empty when all is well. */
  readonly failures: string[];
  /** Step pairs compared (times parameter sets). */
  readonly comparisons: number;
}

/**
 * Checks consecutive steps with `equivalent(this step, previous step)`: the previous step is the
 * reference, so points where it is undefined are skipped. Messages read
 * `lesson <lesson> › derivation <id> › step <step>: at z = 2 the previous step gives …, this step gives …`.
 */
export function checkSteps(d: LoadedDerivation, lesson: string): CheckResult {
  const where = (stepId: string): string => `lesson ${lesson} › derivation ${d.id} › step ${stepId}`;
  let parsed: ParsedStep[];
  try {
    parsed = parseDerivation(d.id, d.data);
  } catch (e) {
    return {
      failures: [`lesson ${lesson} › derivation ${d.id}: ${e instanceof Error ? e.message : String(e)}`],
      comparisons: 0,
    };
  }
  if (d.data.indexed !== undefined) {
    // About vectors: every step instantiated for each n, index values and point (check-indexed.ts).
    const r = checkIndexedSteps(d, parsed, parameterSets(d.data), where);
    return { failures: r.failures, comparisons: r.comparisons };
  }
  const failures: string[] = [];
  let comparisons = 0;
  for (const params of parameterSets(d.data)) {
    const suffix = describeParams(d.data.params, params);
    for (let i = 1; i < parsed.length; i++) {
      const previous = parsed[i - 1];
      const current = parsed[i];
      if (previous === undefined || current === undefined) continue;
      comparisons++;
      const verdict = equivalent(current.tree, previous.tree, {
        define: d.data.define,
        params,
        kinks: d.data.kinks,
        variable: d.data.variable,
      });
      if (verdict.equal) continue;
      const c = verdict.counterexample;
      const detail =
        c === undefined
          ? (verdict.reason ?? 'not equal to the previous step')
          : `at ${d.data.variable} = ${c.z} the previous step gives ${c.right}, this step gives ${c.left}`;
      failures.push(`${where(current.step.id)}${suffix}: ${detail}`);
    }
  }
  return { failures, comparisons };
}

/** Points for the comparison with the registry: a fine grid over [−10, 10] plus both sides of each kink. */
export function registryPoints(kinks: readonly number[]): number[] {
  const points: number[] = [];
  for (let k = 0; k <= 160; k++) points.push(-10 + k * 0.125 + 0.0371);
  for (const kink of kinks) points.push(kink - 1e-3, kink + 1e-3, kink - 0.3, kink + 0.3);
  // Never exactly at a kink: g' does not exist there, and the registry returns a convention.
  return points.filter((z) => kinks.every((kink) => Math.abs(z - kink) > 1e-6));
}

/** |a − b| ≤ 1e-9·max(|a|, |b|) + 1e-13: far below a coefficient off by 1e-6, above float64 cancellation. */
export function closeEnough(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b)) + 1e-13;
}

function containsDerivative(e: Expr): boolean {
  return e.kind === 'derivative' || children(e).some(containsDerivative);
}

/**
 * The last step against `activations[activation].derivative(z, params)` for every parameter set.
 * Defined symbols (g) are evaluated from their definitions at each point.
 */
export function checkAgainstActivation(d: LoadedDerivation, lesson: string): CheckResult {
  const id = d.data.activation;
  if (id === undefined) return { failures: [], comparisons: 0 };
  const entry = activations[id];
  const parsed = parseDerivation(d.id, d.data);
  const last = parsed[parsed.length - 1];
  if (last === undefined) return { failures: [`lesson ${lesson} › derivation ${d.id}: no steps`], comparisons: 0 };
  const where = `lesson ${lesson} › derivation ${d.id} › step ${last.step.id}`;
  if (containsDerivative(last.tree))
    return { failures: [`${where}: the last step still contains d/dz(…)`], comparisons: 0 };
  const symbols = [...Object.keys(d.data.params), ...Object.keys(d.data.define)];
  const defined = Object.entries(d.data.define).map(([name, text]) => {
    const r = parse(text, { symbols: symbols.filter((s) => s !== name) });
    if (!r.ok) throw new Error(`${d.file}: define.${name} "${text}" does not parse: ${r.error.message}`);
    return [name, r.tree] as const;
  });
  const kinks = [...d.data.kinks, ...entry.kinks.map((k) => k.at)];
  const failures: string[] = [];
  let comparisons = 0;
  for (const params of parameterSets(d.data)) {
    const suffix = describeParams(d.data.params, params);
    for (const z of registryPoints(kinks)) {
      const env: Record<string, number> = { ...params, z };
      for (const [name, tree] of defined) env[name] = evaluate(tree, env);
      const shown = evaluate(last.tree, env);
      const expected = entry.derivative(z, params);
      comparisons++;
      if (!closeEnough(shown, expected)) {
        failures.push(
          `${where}${suffix}: at z = ${z} the last step gives ${shown}, activations['${id}'].derivative gives ${expected}`,
        );
        break;
      }
    }
  }
  return { failures, comparisons };
}
