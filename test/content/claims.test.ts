import { describe, expect, it } from 'vitest';
import { activationIds, activations } from '../../src/math/index.ts';
import { compile, readTeX, splitTeX } from '../../src/symbolic/index.ts';
import { emptyReport, finishReport } from './claims/check-claims.ts';
import type { ClaimFailure, ClaimReport } from './claims/check-claims.ts';
import { checkContent, checkRegistry, checkRegistryEntry, contentFiles, registryFile } from './claims/site-claims.ts';
import type { SourceFile } from './claims/site-claims.ts';
import { latexLine, latexOf } from './claims/extract-formulas.ts';
import type { LatexField } from './claims/extract-formulas.ts';

/**
 * Every formula the site displays: lessons (prose, lists, tables, <Notes>, which the slides show
 * too), exercises (prompts, hints, worked solutions, feedback, order steps), derivation notes and
 * the registry's TeX. Each relation (=, ≈, <, ≤, >, ≥) between expressions in z is checked with
 * the one checker; a formula that is wrong on purpose or unreadable carries a `claims: unchecked`
 * comment in its source. See test/content/claims/extract-formulas.ts for the directives.
 */

const format = (f: ClaimFailure): string =>
  `${f.file}:${String(f.line)}: ${f.tex.replace(/\s+/g, ' ')}\n    ${f.message}`;

function summary(r: ClaimReport): string {
  const marked = r.marked.map((m) => `  ${m.file}:${String(m.line)}  ${m.tex.replace(/\s+/g, ' ')}  — ${m.reason}`);
  const other = r.otherRelations.map((m) => `  ${m.file}:${String(m.line)}  ${m.tex.replace(/\s+/g, ' ')}`);
  return [
    `${String(r.formulas)} formulas, ${String(r.checked)} claims checked, ${String(r.marked.length)} marked unchecked (list):`,
    ...marked,
    `Not claims in z: ${String(r.conditions)} conditions (a name against numbers, such as z > 0), ${String(r.definitions)} definitions, ` +
      `${String(r.outside)} relations between other quantities (declared with claims: outside; in them ` +
      `${String(r.outsideFormulas.reduce((n, f) => n + f.checkedLinks, 0))} links between sides in z or numbers checked), ` +
      `${String(r.otherRelations.length)} with a relation the checker does not state (→, ∈, ⇔, ↦):`,
    ...other,
  ].join('\n');
}

const site = (): ClaimReport => finishReport(checkRegistry(checkContent(contentFiles())));

describe('every formula the site displays', () => {
  const report = site();

  it('holds, or is marked unchecked in its source', () => {
    console.log(summary(report));
    expect(report.failures.map(format)).toEqual([]);
    // Every claim is either checked or marked.
    expect(report.checked + report.marked.length).toBe(report.claims);
  });

  it('reads the whole site, not a corner of it', () => {
    const files = new Set(report.checkedFormulas.map((f) => f.file));
    for (const dir of ['content/lessons/', 'content/exercises/', 'content/derivations/', 'src/math/activations/']) {
      expect(
        [...files].some((f) => f.startsWith(dir)),
        dir,
      ).toBe(true);
    }
    // Every lesson has checked claims, and every registry entry.
    for (const f of contentFiles().filter((c) => c.path.endsWith('.mdx'))) expect(files.has(f.path), f.path).toBe(true);
    for (const id of Object.keys(activations)) expect(files.has(`src/math/activations/${id}.ts`), id).toBe(true);
  });
});

/** A side that is the number 0 (`0`, `\tanh 0`): 2·0 = −0 = 0, so no mutation of it can show. */
function isZero(tex: string): boolean {
  const r = readTeX(tex);
  if (!r.ok) return false;
  try {
    return compile(r.tree)({}) === 0;
  } catch {
    return false;
  }
}

/** The file with one formula on one line replaced. */
function mutate(file: SourceFile, line: number, from: string, to: string): SourceFile {
  const lines = file.text.split('\n');
  const text = lines[line - 1] ?? '';
  if (!text.includes(from)) throw new Error(`${file.path}:${String(line)} does not contain ${from}`);
  lines[line - 1] = text.replace(from, to);
  return { path: file.path, text: lines.join('\n') };
}

function failuresOf(file: SourceFile): ClaimFailure[] {
  return finishReport(checkContent([file], emptyReport())).failures;
}

const lesson = (id: string): SourceFile => {
  const f = contentFiles().find((c) => c.path === `content/lessons/${id}.mdx`);
  if (f === undefined) throw new Error(id);
  return f;
};

describe('a changed formula fails with its file and line', () => {
  it('the sigmoid summary with (1 + e^{-z})^{3} for ^{2}', () => {
    const file = lesson('sigmoid');
    const line = file.text.split('\n').findIndex((l) => l.startsWith('- $\\sigma(z) = \\dfrac{1}{1 + e^{-z}}$')) + 1;
    expect(failuresOf(file)).toEqual([]);
    const failures = failuresOf(mutate(file, line, '(1 + e^{-z})^{2}', '(1 + e^{-z})^{3}'));
    expect(failures.map((f) => `${f.file}:${String(f.line)}`)).toEqual([`content/lessons/sigmoid.mdx:${String(line)}`]);
    expect(failures[0]?.message).toMatch(/at z = -?[\d.e-]+ the left side is -?[\d.e-]+ and the right side -?[\d.e-]+/);
  });

  it('a number in a chain that starts with another quantity (δ₂ = (−0.9) · 0 = 0, δ being outside) is still checked', () => {
    const file = contentFiles().find((c) => c.path === 'content/exercises/backprop-through-a-layer.yaml') as SourceFile;
    const line = file.text.split('\n').findIndex((l) => l.includes('$\\delta_2 = (-0.9) \\cdot 0 = 0$')) + 1;
    expect(line).toBeGreaterThan(0);
    expect(failuresOf(file)).toEqual([]);
    const failures = failuresOf(mutate(file, line, '(-0.9) \\cdot 0 = 0', '(-0.9) \\cdot 1 = 0'));
    expect(failures.map((f) => `${f.file}:${String(f.line)}`)).toEqual([`${file.path}:${String(line)}`]);
    expect(failures[0]?.message).toMatch(/`\(-0\.9\) \\cdot 1` = `0` fails/);
  });

  it('a formula that lost its opening `$` (the rest of the line shows as raw TeX)', () => {
    const file = lesson('initialisation');
    const line = file.text.split('\n').findIndex((l) => l.includes("relative to the stack's input $z^{(1)}$")) + 1;
    expect(line).toBeGreaterThan(0);
    expect(failuresOf(file)).toEqual([]);
    const failures = failuresOf(mutate(file, line, '$z^{(1)}$', '^{(1)}$'));
    expect(failures.map((f) => `${f.file}:${String(f.line)}`)).toEqual([
      `content/lessons/initialisation.mdx:${String(line)}`,
    ]);
    expect(failures[0]?.message).toMatch(/a `\$` that opens no formula/);
    // A dollar sign written `\$` is prose, not a formula.
    expect(failuresOf(mutate(file, line, '$z^{(1)}$', '$z^{(1)}$ (\\$5)'))).toEqual([]);
  });

  it.each([
    ['softplus', '$\\sigma(z)$', '$\\sigma(2z)$'],
    ['SELU', '$\\lambda\\alpha e^{z}$ for $z < 0$', '$\\lambda e^{z}$ for $z < 0$'],
    ['softsign', '$(1 - \\lvert g\\rvert)^{2}$', '$(1 - \\lvert g\\rvert)^{3}$'],
  ])('the family table: the %s row changed', (name, from, to) => {
    const file = lesson('wider-family');
    // Prettier pads table cells, so the row is found by its first cell, spaces aside.
    const line = file.text.split('\n').findIndex((l) => l.split('|')[1]?.trim() === name) + 1;
    expect(line).toBeGreaterThan(0);
    const failures = failuresOf(mutate(file, line, from, to));
    expect(failures.map((f) => `${f.file}:${String(f.line)}`)).toEqual([
      `content/lessons/wider-family.mdx:${String(line)}`,
    ]);
  });

  // Formulas about vectors are checked entry by entry (n = 2…5, every value of the free indices):
  // a wrong one fails at its line, and the message names the entry.
  it.each([
    ['output-layers.mdx', '- Softmax: ', 's_i(\\delta_{ij} - s_j)', 's_i(\\delta_{ij} + s_j)'],
    ['output-layers.mdx', '- the entry $\\partial s_1 / \\partial z_2', '= -s_1 s_2$', '= s_1 s_2$'],
    ['output-layers.yaml', '      Equivalently, $\\sum_i s_i = 1$', '\\sum_i s_i = 1', '\\sum_i s_i = 2'],
    // An order exercise's line `= …` continues the line before it.
    ['output-layers.yaml', '      - = s_j - y_j', '= s_j - y_j', '= s_j + y_j'],
    ['softmax-jacobian.yaml', "    note: 'Output $i$", '/ \\sum_k e^{z_k}', '/ \\sum_k e^{z_i}'],
  ])('%s: %s… with %s → %s', { timeout: 30_000 }, (name, start, from, to) => {
    const file = contentFiles().find((c) => c.path.endsWith(`/${name}`)) as SourceFile;
    const line = file.text.split('\n').findIndex((l) => l.startsWith(start)) + 1;
    expect(line).toBeGreaterThan(0);
    expect(failuresOf(file)).toEqual([]);
    const failures = failuresOf(mutate(file, line, from, to));
    expect(failures.map((f) => `${f.file}:${String(f.line)}`)).toEqual([`${file.path}:${String(line)}`]);
    expect(failures[0]?.message).toMatch(/\(n = [2-5](?:, [ijk] = [1-5])*, point [1-3]\)/);
  });

  it("the registry's σ′ TeX with ^{3} for ^{2}", () => {
    const file = registryFile('sigmoid');
    const a = activations.sigmoid;
    const wrong = {
      ...a,
      latex: { ...a.latex, derivative: a.latex.derivative.replace('\\right)^{2}', '\\right)^{3}') },
    };
    expect(wrong.latex.derivative).not.toBe(a.latex.derivative);
    expect(checkRegistryEntry(a, file).failures).toEqual([]);
    const failures = checkRegistryEntry(wrong, file).failures;
    const line = file.text.split('\n').findIndex((l) => l.includes('derivative: "\\\\sigma\'(z)')) + 1;
    expect(line).toBeGreaterThan(0);
    expect(failures.map((f) => `${f.file}:${String(f.line)}`)).toEqual([
      `src/math/activations/sigmoid.ts:${String(line)}`,
    ]);
  });

  // The property, over every checked equality and ≈ of content/ (where the formula stands verbatim
  // on its line: not quoted YAML, not an exercise's placeholders) and of the registry: multiply one
  // side by 2, negate it, or change an exponent 2 to 3, and the check fails at that formula's line.
  // (An inequality that is not tight can survive a factor, so only = and ≈.)
  const files = contentFiles();
  const report = finishReport(checkContent(files, emptyReport()));
  const verbatim = (f: { file: string; line: number; tex: string }): boolean => {
    const lines = files.find((c) => c.path === f.file)?.text.split('\n') ?? [];
    return lines[f.line - 1]?.includes(f.tex) === true;
  };
  const candidates = report.checkedFormulas.filter(
    (f) => f.ops.length > 0 && f.ops.every((op) => op === '=' || op === '≈') && verbatim(f),
  );
  /** The TeX with its last relation's last side multiplied by 2, negated, or with an exponent 2 → 3. */
  const variants = (tex: string): [kind: string, to: string][] => {
    const split = splitTeX(tex);
    if (!split.ok) return [];
    // The last statement that does not start with a bare name (`g(z) = z\,\Phi(z), \qquad \Phi(z) = …`:
    // the first may be a definition), else the first; its last side, unless it is 0 (2·0 = −0 = 0).
    const relations = split.statements.filter((s) => s.ops.length > 0);
    const bare = /^\s*[A-Za-z](?:\(\s*z\s*\))?\s*$/;
    const statement = relations.filter((s) => !bare.test(s.sides[0]?.tex ?? '')).at(-1) ?? relations[0];
    const side = statement?.sides.at(-1);
    if (side === undefined || isZero(side.tex)) return [];
    const before = tex.slice(0, side.start);
    const after = tex.slice(side.end);
    const out: [string, string][] = [
      ['factor', `${before}2\\left(${side.tex}\\right)${after}`],
      ['sign', `${before}-\\left(${side.tex}\\right)${after}`],
    ];
    if (tex.includes('^{2}')) out.push(['exponent', tex.replace('^{2}', '^{3}')]);
    return out;
  };
  const mutations = candidates.flatMap((f) =>
    variants(f.tex).map(([kind, to]) => [kind, f.file, f.line, f.tex, to] as const),
  );
  const registryMutations = activationIds.flatMap((id) =>
    latexOf(activations[id]).flatMap(([field, tex]) =>
      variants(tex).map(([kind, to]) => [kind, id, field, to] as const),
    ),
  );

  it('covers enough formulas to mean something', () => {
    console.log(
      `mutation property: ${String(mutations.length)} mutations of ${String(candidates.length)} checked equalities in content/, ` +
        `${String(registryMutations.length)} of the registry's TeX`,
    );
    expect(mutations.length).toBeGreaterThan(150);
    expect(registryMutations.length).toBeGreaterThan(60);
  });

  it.each(mutations)('%s: %s:%i', (_kind, path, line, from, to) => {
    const file = files.find((l) => l.path === path) as SourceFile;
    const failures = failuresOf(mutate(file, line, from, to));
    expect(failures.map((f) => `${f.file}:${String(f.line)}`)).toContain(`${path}:${String(line)}`);
  });

  it.each(registryMutations)('%s: registry %s latex.%s', (_kind, id, field: LatexField, to) => {
    const a = activations[id];
    const file = registryFile(id);
    const failures = checkRegistryEntry({ ...a, latex: { ...a.latex, [field]: to } }, file).failures;
    const line = latexLine(file.text, field);
    expect(failures.map((f) => `${f.file}:${String(f.line)}`)).toContain(`${file.path}:${String(line)}`);
  });
});
