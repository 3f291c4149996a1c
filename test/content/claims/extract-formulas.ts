import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, visit } from 'yaml';
import type { Node } from 'yaml';
import type { Activation } from '../../../src/math/index.ts';

/**
 * Everything the claim checker reads, in source order: formulas with their place, the author's
 * `claims:` directives, and (in YAML) the start of a new exercise or step, where the names defined
 * by the previous one are forgotten.
 *
 * A directive is a comment whose text starts with `claims:` — `{/* claims: … *\/}` in MDX,
 * `# claims: …` in YAML, `// claims: …` in TypeScript:
 * - `claims: unchecked <reason>`: the formulas on this line (when the comment shares the line with
 *   formulas) or else on the next line with formulas (in YAML: of the next string) are deliberately
 *   wrong or unreadable; `claims: unchecked "\pm" <reason>` marks only those that contain `\pm`;
 * - `claims: tolerance 0.02`: the same lines; `\approx` there holds to within 0.02 (for approximations
 *   between functions, whose sides show no digits);
 * - `claims: let g(z) = <TeX>` / `claims: let a = <TeX>`: a name from here on (a function of z, or a value);
 * - `claims: forget g`: the names are undefined from here on (a new section defines g afresh);
 * - `claims: params \alpha = 0.01, 0.3; \beta = 1`: parameter values from here on (every combination is checked);
 * - `claims: indexed vectors z s y; indices i j k; simplex y`: components `z_i`, `\delta_{ij}`, `\sum_k …` and
 *   `\partial s_i / \partial z_j` are read from here on (a derivation's `indexed:` block says so by itself);
 *   a relation in them is checked entry by entry (see `checkIndexedRelation` in check-claims.ts);
 * - `claims: outside \partial L w x — reason`: symbols of other quantities from here on; a relation that
 *   uses one is about them (the loss, the weights), not a claim in z, and is counted apart.
 */
export type SourceEvent = FormulaEvent | DirectiveEvent | ScopeEvent | StrayEvent;

/**
 * A `$` that opens no formula (a formula whose other `$` was lost): the page shows it, and the TeX
 * after it, as raw text. Always a failure.
 */
export interface StrayEvent {
  readonly kind: 'stray';
  readonly file: string;
  readonly line: number;
  /** The prose from the stray `$` on. */
  readonly text: string;
}

export interface FormulaEvent {
  readonly kind: 'formula';
  readonly file: string;
  /** 1-based line of the formula's first character. */
  readonly line: number;
  readonly tex: string;
  /** Prose on the same line between the previous formula (or the line start) and this one. */
  readonly before: string;
  /** Prose on the same line between this formula and the next (or the line end). */
  readonly after: string;
  /** Formulas in one piece of prose (an MDX line, a YAML string) share it: "… $a$ for $z > 0$" reads across them. */
  readonly group: number;
  /** The reason given by a `claims: unchecked` directive for this line, if any. */
  readonly unchecked?: string;
  /** The absolute tolerance a `claims: tolerance` directive gives `\approx` on this line (when no digits set it). */
  readonly tolerance?: number;
}

export interface DirectiveEvent {
  readonly kind: 'directive';
  readonly file: string;
  readonly line: number;
  /** `define` comes from a derivation's own `define`/`activation` fields (answer syntax, as JSON). */
  readonly command: 'let' | 'forget' | 'params' | 'outside' | 'define' | 'indexed';
  readonly text: string;
}

/** A new exercise or derivation step: names defined before are forgotten; its own `define` and `params` apply. */
export interface ScopeEvent {
  readonly kind: 'scope';
  /** The item's `define` (answer syntax), e.g. `{ g: 'sigmoid(z)' }`. */
  readonly define: Readonly<Record<string, string>>;
  /** Every value each `{{name}}` placeholder can take (choices, or the grid of a range). */
  readonly placeholders: Readonly<Record<string, readonly number[]>>;
}

const DIRECTIVE = /claims:\s*(unchecked|tolerance|let|forget|params|outside|indexed)\b\s*(.*?)\s*$/;

interface RawDirective {
  readonly line: number;
  readonly command: 'unchecked' | 'tolerance' | 'let' | 'forget' | 'params' | 'outside' | 'indexed';
  readonly text: string;
}

/** Directives in comments: `{/* claims: … *\/}`, `# claims: …`, `// claims: …`, by line. */
function directivesIn(source: string, comment: RegExp): RawDirective[] {
  const out: RawDirective[] = [];
  source.split('\n').forEach((text, i) => {
    for (const m of text.matchAll(comment)) {
      const d = DIRECTIVE.exec(m[1] ?? '');
      if (d !== null) out.push({ line: i + 1, command: d[1] as RawDirective['command'], text: d[2] ?? '' });
    }
  });
  return out;
}

/** Lines that a `claims: unchecked` directive marks: its own line if it has formulas, else the next one that has. */
function markedLines(
  directives: readonly RawDirective[],
  formulaLines: ReadonlySet<number>,
  command: 'unchecked' | 'tolerance' = 'unchecked',
): Map<number, string> {
  const marked = new Map<number, string>();
  const last = Math.max(0, ...formulaLines);
  for (const d of directives) {
    if (d.command !== command) continue;
    let line = d.line;
    while (!formulaLines.has(line) && line <= last) line++;
    if (formulaLines.has(line)) marked.set(line, d.text);
  }
  return marked;
}

/**
 * A reason that starts with a quoted snippet (`claims: unchecked "\pm" ± stands for two formulas`)
 * marks only the formulas containing it; otherwise every formula of the line or string.
 */
function onlyFor(reason: string | undefined, tex: string): string | undefined {
  if (reason === undefined) return undefined;
  const m = /^"([^"]+)"\s*(.*)$/.exec(reason);
  if (m === null) return reason;
  return tex.includes(m[1] ?? '') ? (m[2] ?? '') : undefined;
}

interface Found {
  readonly line: number;
  readonly group: number;
  readonly tex: string;
  readonly before: string;
  readonly after: string;
  /** Not a formula: prose from an unpaired `$` on. */
  readonly stray?: true;
}

/** Inline `$…$` formulas of one line of prose, with the prose around each. */
function inlineFormulas(text: string, line: number, group = line): Found[] {
  const out: Found[] = [];
  const spans: { start: number; end: number; tex: string }[] = [];
  // `$…$` not `$$`; a `\$` is a literal dollar. Code spans (`…`) are skipped.
  const pattern = /`[^`]*`|(?<!\\)\$(?!\$)((?:\\.|[^$\\])+?)\$/g;
  for (const m of text.matchAll(pattern)) {
    if (m[1] === undefined) continue;
    spans.push({ start: m.index, end: m.index + m[0].length, tex: m[1] });
  }
  spans.forEach((s, k) => {
    const prevEnd = spans[k - 1]?.end ?? 0;
    const nextStart = spans[k + 1]?.start ?? text.length;
    out.push({ line, group, tex: s.tex, before: text.slice(prevEnd, s.start), after: text.slice(s.end, nextStart) });
  });
  // What is left once code spans and formulas are taken out must hold no `$` (a `\$` is a dollar sign).
  const rest = text.replace(pattern, (m) => ' '.repeat(m.length));
  const stray = /(?<!\\)\$/.exec(rest);
  if (stray !== null) out.push({ line, group, tex: '', before: text.slice(stray.index), after: '', stray: true });
  return out;
}

/**
 * The formulas of an MDX lesson: display math (`$$` on its own lines, or `$$…$$` on one line) and
 * inline math in prose, lists, tables and `<Notes>`; not in the frontmatter, import lines or code fences.
 */
export function mdxEvents(file: string, source: string): SourceEvent[] {
  const lines = source.split('\n');
  const found: Found[] = [];
  let i = 0;
  if (lines[0]?.trim() === '---') {
    i = 1;
    while (i < lines.length && lines[i]?.trim() !== '---') i++;
    i++;
  }
  let fence = false;
  const synthesized: RawDirective[] = [];
  for (; i < lines.length; i++) {
    const text = lines[i] ?? '';
    if (/^\s*(```|~~~)/.test(text)) {
      fence = !fence;
      continue;
    }
    if (fence || /^(import|export)\s/.test(text)) continue;
    const single = /^\s*\$\$(.+)\$\$\s*$/.exec(text);
    if (single !== null) {
      found.push({ line: i + 1, group: i + 1, tex: single[1] ?? '', before: '', after: '' });
      continue;
    }
    if (text.trim() === '$$') {
      const start = i;
      const body: string[] = [];
      i++;
      while (i < lines.length && lines[i]?.trim() !== '$$') body.push(lines[i++] ?? '');
      found.push({ line: start + 2, group: start + 2, tex: body.join('\n'), before: '', after: '' });
      continue;
    }
    if (/^\s*\|/.test(text) && /^\s*\|[\s:|-]+\|\s*$/.test(lines[i + 1] ?? '')) {
      const end = tableClaims(lines, i, found, synthesized);
      i = end - 1;
      continue;
    }
    found.push(...inlineFormulas(text, i + 1));
  }
  return withDirectives(file, found, [...directivesIn(source, /\{\/\*(.*?)\*\/\}/g), ...synthesized]);
}

/** Cells of a Markdown table row, without the outer pipes. */
function cells(row: string): string[] {
  return row.trim().replace(/^\|/, '').replace(/\|$/, '').split('|');
}

/**
 * A table whose header has a column "$g'(z)$" (or "In terms of $g$") and whose rows are named
 * by an activation states a claim in each such cell: `\operatorname{<row>}'(z) = <cell formula>`,
 * with the cell's "for $z > 0$" as its condition (and, for the "in terms of g" column, g the
 * row's activation). A cell whose conditions are on g (`where $0 < g < 1$`) is read as plain
 * formulas. Returns the index of the first line after the table.
 */
function tableClaims(lines: readonly string[], header: number, found: Found[], directives: RawDirective[]): number {
  const kinds = cells(lines[header] ?? '').map((c) =>
    /g'\(z\)/.test(c) ? 'derivative' : /terms of \$g\$/.test(c) ? 'in-g' : undefined,
  );
  found.push(...inlineFormulas(lines[header] ?? '', header + 1));
  let i = header + 2;
  for (; i < lines.length && /^\s*\|/.test(lines[i] ?? ''); i++) {
    const line = i + 1;
    const row = cells(lines[i] ?? '');
    const name = (row[0] ?? '').trim().replace(/-/g, '');
    const head = `\\operatorname{${name}}`;
    if (kinds.includes('in-g')) directives.push({ line, command: 'let', text: `g(z) = ${head}(z)` });
    row.forEach((cell, column) => {
      const group = -(line * 100 + column);
      const formulas = inlineFormulas(cell, line, group);
      const onG = formulas.some(
        (f) => /\b(?:where|for|when)\s*$/.test(f.before) && /(?<![\\A-Za-z])g(?![A-Za-z])/.test(f.tex),
      );
      for (const f of formulas) {
        const isCondition = /\b(?:for|where|when|if|or|and)\s*$/.test(f.before);
        if (kinds[column] === undefined || onG || isCondition || f.tex.includes('=')) found.push(f);
        else found.push({ ...f, tex: `${head}'(z) = ${f.tex}` });
      }
    });
  }
  return i;
}

function withDirectives(file: string, found: readonly Found[], directives: readonly RawDirective[]): SourceEvent[] {
  const lines = new Set(found.map((f) => f.line));
  const marked = markedLines(directives, lines);
  const tolerances = markedLines(directives, lines, 'tolerance');
  const events: (SourceEvent & { readonly order: number })[] = [];
  // Formulas keep their document order (a YAML string's lines are found by search, not always increasing).
  let order = 0;
  for (const f of found) {
    order = Math.max(order, f.line);
    if (f.stray === true) {
      events.push({ kind: 'stray', file, line: f.line, text: f.before, order });
      continue;
    }
    const reason = onlyFor(marked.get(f.line), f.tex);
    const tolerance = tolerances.get(f.line);
    events.push({
      kind: 'formula',
      file,
      line: f.line,
      group: f.group,
      tex: f.tex,
      before: f.before,
      after: f.after,
      order,
      ...(reason === undefined ? {} : { unchecked: reason }),
      ...(tolerance === undefined ? {} : { tolerance: Number(tolerance) }),
    });
  }
  for (const d of directives) {
    if (d.command === 'unchecked' || d.command === 'tolerance') continue;
    events.push({ kind: 'directive', file, line: d.line, command: d.command, text: d.text, order: d.line - 0.5 });
  }
  return events.sort((a, b) => a.order - b.order).map(({ order: _order, ...e }) => e);
}

/**
 * The formulas in every string of a YAML file (prompts, hints, worked solutions, feedback, notes),
 * each item of a top-level list (an exercise, a derivation step) in its own scope. Lines are found
 * by searching the raw source from the string's first line (folded and quoted strings move text).
 */
export function yamlEvents(file: string, source: string): SourceEvent[] {
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter, keepSourceTokens: true });
  const rawLines = source.split('\n');
  const directives = directivesIn(source, /#(.*)$/g);
  const items: { start: number; found: Found[] }[] = [{ start: 0, found: [] }];
  const topList = (() => {
    const root = doc.contents;
    if (!isMap(root)) return undefined;
    // Exercises are independent; a derivation's steps build on each other (one scope).
    for (const pair of root.items)
      if (isSeq(pair.value) && isScalar(pair.key) && pair.key.value === 'exercises') return pair.value;
    return undefined;
  })();
  const itemNodes = (topList?.items ?? []) as Node[];
  const itemStarts = itemNodes.map((n) => n.range?.[0] ?? 0);
  const scopes: ScopeEvent[] = itemNodes.map((n) => scopeOf(n.toJSON() as unknown));
  let scalar = 0;
  const scalarStarts = new Map<number, number>();
  visit(doc, {
    Scalar(_key, node, path) {
      if (typeof node.value !== 'string') return;
      // An order exercise's `steps` are TeX lines without `$`.
      const parent = path.at(-2);
      const isStep = isSeq(path.at(-1)) && isPair(parent) && isScalar(parent.key) && parent.key.value === 'steps';
      if (!isStep && !node.value.includes('$')) return;
      const startLine = counter.linePos(node.range?.[0] ?? 0).line;
      const offset = node.range?.[0] ?? 0;
      let item = 0;
      itemStarts.forEach((s, k) => {
        if (offset >= s) item = k + 1;
      });
      while (items.length <= item) items.push({ start: items.length, found: [] });
      scalar++;
      scalarStarts.set(-scalar, startLine);
      const text = isStep ? `$${node.value.replace(/\$/g, '')}$` : node.value.replace(/\n/g, ' ');
      for (const f of inlineFormulas(text, startLine, -scalar)) {
        items[item]?.found.push({ ...f, line: locate(rawLines, startLine, f.tex) });
      }
    },
  });
  const all = items.flatMap((it) => it.found);
  // In YAML a `claims: unchecked` or `tolerance` comment marks the next string with formulas (a
  // comment cannot stand inside a folded string, so it goes on the line above the key).
  const lineMarks = directives.filter((d) => d.command !== 'unchecked' && d.command !== 'tolerance');
  const marks = new Map<number, { unchecked?: string; tolerance?: number }>();
  for (const d of directives) {
    if (d.command !== 'unchecked' && d.command !== 'tolerance') continue;
    let best: number | undefined;
    for (const [group, start] of scalarStarts) {
      if (start > d.line && (best === undefined || start < (scalarStarts.get(best) ?? Infinity))) best = group;
    }
    if (best === undefined) continue;
    const m = marks.get(best) ?? {};
    if (d.command === 'unchecked') m.unchecked = d.text;
    else m.tolerance = Number(d.text);
    marks.set(best, m);
  }
  const events = withDirectives(file, all, lineMarks).map((e) => {
    const m = e.kind === 'formula' ? marks.get(e.group) : undefined;
    if (m === undefined || e.kind !== 'formula') return e;
    const unchecked = onlyFor(m.unchecked, e.tex);
    return {
      ...e,
      ...(unchecked === undefined ? {} : { unchecked }),
      ...(m.tolerance === undefined ? {} : { tolerance: m.tolerance }),
    };
  });
  // A derivation's own `params` (numbers) are the parameter values its notes are checked at.
  const top = doc.toJSON() as unknown;
  const own = typeof top === 'object' && top !== null ? (top as Record<string, unknown>)['params'] : undefined;
  const record = typeof top === 'object' && top !== null ? (top as Record<string, unknown>) : {};
  const define: Record<string, string> = {};
  if (typeof record['define'] === 'object' && record['define'] !== null) {
    for (const [k, v] of Object.entries(record['define'])) if (typeof v === 'string') define[k] = v;
  }
  // A derivation of an activation: g is that activation (its `define` may say so already).
  if (typeof record['activation'] === 'string' && define['g'] === undefined) define['g'] = `@${record['activation']}`;
  // A derivation in another variable (`variable: w_11`) defines its symbols in that variable, not in z:
  // its notes' claims in z cannot use them.
  const inZ = record['variable'] === undefined || record['variable'] === 'z';
  if (Object.keys(define).length > 0 && inZ) {
    events.unshift({ kind: 'directive', file, line: 1, command: 'define', text: JSON.stringify(define) });
  }
  // A derivation about vectors: its notes use the same vectors, indices and definitions (as JSON).
  if (typeof record['indexed'] === 'object' && record['indexed'] !== null) {
    events.unshift({ kind: 'directive', file, line: 1, command: 'indexed', text: JSON.stringify(record['indexed']) });
  }
  if (typeof own === 'object' && own !== null) {
    const values = Object.entries(own).filter((e): e is [string, number] => typeof e[1] === 'number');
    if (values.length > 0) {
      const text = values.map(([k, v]) => `${k} = ${String(v)}`).join('; ');
      events.unshift({ kind: 'directive', file, line: 1, command: 'params', text });
    }
  }
  // Insert a scope event before the first event of each list item.
  const itemLines = itemStarts.map((s) => counter.linePos(s).line);
  const out: SourceEvent[] = [];
  let nextItem = 0;
  for (const e of events) {
    const line = e.kind === 'scope' ? 0 : e.line;
    while (nextItem < itemLines.length && line >= (itemLines[nextItem] ?? Infinity)) {
      out.push(scopes[nextItem] ?? { kind: 'scope', define: {}, placeholders: {} });
      nextItem++;
    }
    out.push(e);
  }
  return out;
}

/** An exercise's `define` and `params` (values of a range on its grid). */
function scopeOf(item: unknown): ScopeEvent {
  const record = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
  const define: Record<string, string> = {};
  const placeholders: Record<string, number[]> = {};
  const d = record['define'];
  if (typeof d === 'object' && d !== null) {
    for (const [k, v] of Object.entries(d)) if (typeof v === 'string') define[k] = v;
  }
  const p = record['params'];
  if (typeof p === 'object' && p !== null) {
    for (const [k, spec] of Object.entries(p as Record<string, Record<string, unknown>>)) {
      const choices = spec['choices'];
      if (Array.isArray(choices)) placeholders[k] = choices.filter((c): c is number => typeof c === 'number');
      else {
        const min = Number(spec['min']);
        const max = Number(spec['max']);
        const step = Number(spec['step'] ?? (max - min) / 4);
        const values: number[] = [];
        for (let v = min; v <= max + 1e-9; v += step) values.push(Math.round(v * 1e9) / 1e9);
        placeholders[k] = values;
      }
    }
  }
  return { kind: 'scope', define, placeholders };
}

/** The line of `tex` in the raw YAML, searching from `from` (as written, or with `\\` escapes). */
function locate(lines: readonly string[], from: number, tex: string): number {
  const needles = [tex, tex.replace(/\\/g, '\\\\'), tex.replace(/'/g, "''")].map((t) => t.slice(0, 24));
  for (let i = from - 1; i < lines.length; i++) {
    if (needles.some((n) => (lines[i] ?? '').includes(n))) return i + 1;
  }
  return from;
}

/** The TeX fields of a registry entry, in the order of its `latex` block. */
export const LATEX_FIELDS = ['g', 'derivative', 'inTermsOfG'] as const;
export type LatexField = (typeof LATEX_FIELDS)[number];

/** The line of `latex.<field>` in an activation's source file (the value's line, when it wraps). */
export function latexLine(source: string, field: LatexField): number {
  const lines = source.split('\n');
  const start = lines.findIndex((l) => /^\s*latex:\s*\{/.test(l));
  for (let i = start + 1; i < lines.length; i++) {
    const m = new RegExp(`^\\s*${field}:\\s*(.*)$`).exec(lines[i] ?? '');
    if (m !== null) return (m[1] ?? '').trim() === '' ? i + 2 : i + 1;
    if (/^\s*\},?\s*$/.test(lines[i] ?? '')) break;
  }
  return start + 1;
}

/** `// claims: unchecked …` directives of a registry file, by the line they mark. */
export function registryMarks(source: string): Map<number, string> {
  const directives = directivesIn(source, /\/\/(.*)$/g);
  const lines = new Set(LATEX_FIELDS.map((f) => latexLine(source, f)));
  return markedLines(directives, lines);
}

/** The TeX strings of an entry with their fields. */
export function latexOf(a: Activation): [LatexField, string][] {
  const out: [LatexField, string][] = [];
  for (const f of LATEX_FIELDS) {
    const tex = a.latex[f];
    if (tex !== undefined) out.push([f, tex]);
  }
  return out;
}
