import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { activationIds, activations } from '../../../src/math/index.ts';
import type { Activation, ActivationId, ParamSpec } from '../../../src/math/index.ts';
import { FUNCTIONS, call, derivative, name } from '../../../src/symbolic/index.ts';
import type { Expr, FunctionName, TeXDefinition } from '../../../src/symbolic/index.ts';
import { checkEvents, checkFormula, emptyReport } from './check-claims.ts';
import type { ClaimReport, Reference } from './check-claims.ts';
import { latexLine, latexOf, mdxEvents, registryMarks, yamlEvents } from './extract-formulas.ts';
import type { LatexField } from './extract-formulas.ts';

export const ROOT = new URL('../../../', import.meta.url).pathname;

/** A source file: its path from the project root and its text (the mutation tests pass altered text). */
export interface SourceFile {
  readonly path: string;
  readonly text: string;
}

function filesIn(dir: string, ext: string): SourceFile[] {
  return readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => ({ path: `${dir}/${f}`, text: readFileSync(join(ROOT, dir, f), 'utf8') }));
}

/** Every lesson, exercise file and derivation file of the site. */
export function contentFiles(): SourceFile[] {
  return [
    ...filesIn('content/lessons', '.mdx'),
    ...filesIn('content/exercises', '.yaml'),
    ...filesIn('content/derivations', '.yaml'),
  ];
}

/** The registry's source file of an activation. */
export function registryFile(id: ActivationId): SourceFile {
  const path = `src/math/activations/${id}.ts`;
  return { path, text: readFileSync(join(ROOT, path), 'utf8') };
}

/** Checks content files (MDX and YAML) into `report`. */
export function checkContent(files: readonly SourceFile[], report: ClaimReport = emptyReport()): ClaimReport {
  for (const f of files)
    checkEvents(f.path.endsWith('.mdx') ? mdxEvents(f.path, f.text) : yamlEvents(f.path, f.text), report);
  return report;
}

/** The function of the expression language that evaluates an activation through the registry. */
function functionOf(id: ActivationId): FunctionName {
  for (const [fn, info] of FUNCTIONS) if (info.activationId === id) return fn;
  const fn = id.replace(/-/g, '_');
  if (FUNCTIONS.has(fn as FunctionName)) return fn as FunctionName;
  throw new Error(`no function of the expression language evaluates ${id}`);
}

/** Values to check a parameter at: its default and, if adjustable, one more inside its range. */
function paramValues(p: ParamSpec): readonly number[] {
  if (!p.adjustable) return [p.default];
  const other = Number.isFinite(p.max) ? p.min + 0.37 * (p.max - p.min) : p.default * 2 + 0.5;
  return other === p.default ? [p.default] : [p.default, other];
}

/**
 * Checks the TeX of a registry entry: every side of `latex.g` against the registry's own value
 * (through the expression language's call), every side of `latex.derivative` and `latex.inTermsOfG`
 * against the derivative of that value, and the sides against each other.
 */
export function checkRegistryEntry(a: Activation, file: SourceFile, report: ClaimReport = emptyReport()): ClaimReport {
  const fn = functionOf(a.id);
  const info = FUNCTIONS.get(fn);
  const args: Expr[] = [name('z')];
  if (info?.param !== undefined && a.params.some((p) => p.name === info.param)) args.push(name(info.param));
  const value = call(fn, args);
  const params = new Map(a.params.map((p) => [p.name, paramValues(p)] as const));
  const definitions = new Map<string, TeXDefinition>([['g', { tree: value, isFunction: true }]]);
  const marks = registryMarks(file.text);
  const references: Record<LatexField, Reference> = {
    g: { label: `registry ${a.id}.value`, tree: value },
    derivative: { label: `d/dz registry ${a.id}.value`, tree: derivative('z', value) },
    inTermsOfG: { label: `d/dz registry ${a.id}.value`, tree: derivative('z', value) },
  };
  // One scope for the entry: `latex.g` may define a name (`u = …`) its derivative uses.
  const scope = new Map(definitions);
  for (const [field, tex] of latexOf(a)) {
    const line = latexLine(file.text, field);
    const reason = marks.get(line);
    checkFormula(
      {
        kind: 'formula',
        file: file.path,
        line,
        group: line,
        tex,
        before: '',
        after: '',
        ...(reason === undefined ? {} : { unchecked: reason }),
      },
      { definitions, params, references: [references[field]], kinks: a.kinks.map((k) => k.at) },
      report,
      scope,
    );
  }
  return report;
}

/** Every registry entry. */
export function checkRegistry(report: ClaimReport = emptyReport()): ClaimReport {
  for (const id of activationIds) checkRegistryEntry(activations[id], registryFile(id), report);
  return report;
}
