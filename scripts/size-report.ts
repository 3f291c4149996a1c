/**
 * Size report for the built site. For every page it prints the gzip size of the
 * JavaScript the page loads up front — its module scripts, modulepreloads and inline module scripts,
 * plus everything those import statically — and the gzip size of every lazily loaded chunk by name
 * (Plot itself, the widget code with the math core, a deck's widget scripts) with the pages that load it. Exits non-zero when a budget is exceeded:
 * up-front JS ≤ 10 KB gz per page, Plot chunk ≤ 90 KB gz, and for every page HTML + up-front JS ≤ 120 KB gz.
 * Usage: `npm run size` after `npm run build`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const KB = 1000;
const INITIAL_BUDGET = 10 * KB;
const PLOT_BUDGET = 90 * KB;
/** What a reader downloads to see any page, before images and fonts: its HTML (with inlined CSS) plus up-front JS. */
const PAGE_BUDGET = 120 * KB;

const root = resolve(process.env['DIST_DIR'] ?? 'dist');
if (!existsSync(join(root, 'index.html'))) {
  console.error(`No build in ${root}: run \`npm run build\` first.`);
  process.exit(1);
}

const gz = (text: string | Buffer): number => gzipSync(text, { level: 9 }).length;
const kb = (bytes: number): string => `${(bytes / KB).toFixed(1)} KB`;

/** A site URL (`/_astro/x.js`) or a specifier relative to `from` → file path in dist. */
function fileOf(specifier: string, from: string): string {
  return specifier.startsWith('/') ? join(root, specifier) : resolve(dirname(from), specifier);
}

/** Static imports of a built module: `import … from "./x.js"`, `import "./x.js"`, `export … from "./x.js"`. */
function staticImports(code: string): string[] {
  const out: string[] = [];
  const pattern = /(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]+?\s*from\s*)?["'`]([^"'`]+\.js)["'`]/g;
  for (const match of code.matchAll(pattern)) if (match[1] !== undefined) out.push(match[1]);
  return out;
}

/** Dynamic imports: `import("./x.js")`. */
function dynamicImports(code: string): string[] {
  return [...code.matchAll(/import\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g)].flatMap((m) =>
    m[1] === undefined ? [] : [m[1]],
  );
}

/** Every module reachable from `entries` through static imports (and dynamic ones too, when `dynamic`). */
function closure(entries: readonly string[], dynamic = false): Set<string> {
  const seen = new Set<string>();
  const stack = [...entries];
  while (stack.length > 0) {
    const file = stack.pop() as string;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const spec of [...staticImports(code), ...(dynamic ? dynamicImports(code) : [])])
      stack.push(fileOf(spec, file));
  }
  return seen;
}

interface PageReport {
  page: string;
  initial: number;
  files: number;
  lazy: Set<string>;
}

function reportPage(htmlFile: string): PageReport {
  const html = readFileSync(htmlFile, 'utf8');
  const srcs = [...html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1] ?? '');
  const preloads = [...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)].map((m) => m[1] ?? '');
  const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((m) => m[1] ?? '')
    .filter((code) => code.trim() !== '' && !code.trim().startsWith('{'));
  const entries = [...srcs, ...preloads].map((s) => fileOf(s, htmlFile));
  // Inline modules may import chunks too.
  for (const code of inline)
    for (const spec of staticImports(code)) entries.push(fileOf(spec, join(root, 'index.html')));
  const modules = closure(entries);
  let initial = inline.reduce((sum, code) => sum + gz(code), 0);
  for (const file of modules) initial += gz(readFileSync(file));
  // What those modules can load later (the widgets' chunks), for the lazy report: their dynamic
  // imports, and on a deck the widget scripts listed in `<template data-deck-modules>`
  // (components/present/deck-modules.ts), which the deck imports by URL when a slide needs them.
  const deckModules = [
    ...(html.match(/<template data-deck-modules>([\s\S]*?)<\/template>/)?.[1] ?? '').matchAll(/\bdata-src="([^"]+)"/g),
  ].map((m) => fileOf(m[1] ?? '', htmlFile));
  const lazyEntries = [
    ...deckModules,
    ...[...modules].flatMap((file) => dynamicImports(readFileSync(file, 'utf8')).map((s) => fileOf(s, file))),
  ];
  const lazy = new Set([...closure(lazyEntries, true)].filter((f) => !modules.has(f)));
  return {
    page: `/${htmlFile.slice(root.length + 1).replace(/index\.html$/, '')}`,
    initial,
    files: modules.size + inline.length,
    lazy,
  };
}

/** Every built page (the search index's own files excluded). */
function htmlPages(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return entry.name === 'pagefind' ? [] : htmlPages(join(dir, entry.name));
    return entry.name.endsWith('.html') ? [join(dir, entry.name)] : [];
  });
}
const cardsDir = join(root, 'practice', 'cards');
const cards = htmlPages(root).filter((f) => f.startsWith(cardsDir));
const pages = htmlPages(root)
  .filter((f) => !f.startsWith(cardsDir))
  .sort();

/**
 * A chunk's name without the build hash: `_astro/plot-marks.Dmy_bHhs.js` → `plot-marks`; a
 * component's element script `_astro/DepthFlow.astro_astro_type_script_index_0_lang.X.js` →
 * `DepthFlow.astro script`.
 */
const chunkName = (file: string): string =>
  file
    .slice(root.length + 1)
    .replace(/^_astro\//, '')
    .replace(/\.[\w-]{8}\.js$/, '')
    .replace(
      /\.astro_astro_type_script_index_(\d+)_lang$/,
      (_m, i: string) => `.astro script${i === '0' ? '' : ` ${i}`}`,
    );

let failed = false;
console.log('Every page: JavaScript loaded up front (before any widget is near view) and the page weight, gzip -9.');
console.log('Page weight = HTML (with inlined CSS and the build-time math) + up-front JS.\n');
console.log(`  ${'page'.padEnd(36)} ${'JS'.padStart(8)} ${'files'.padStart(5)} ${'weight'.padStart(8)}`);
/** Lazy chunk → the pages that can load it. */
const lazyPages = new Map<string, string[]>();
for (const file of pages) {
  const r = reportPage(file);
  for (const f of r.lazy) lazyPages.set(f, [...(lazyPages.get(f) ?? []), r.page]);
  const total = gz(readFileSync(file)) + r.initial;
  const overJs = r.initial > INITIAL_BUDGET;
  const overPage = total > PAGE_BUDGET;
  failed ||= overJs || overPage;
  const notes = [overJs ? `JS OVER ${kb(INITIAL_BUDGET)}` : '', overPage ? `weight OVER ${kb(PAGE_BUDGET)}` : '']
    .filter((n) => n !== '')
    .join(', ');
  console.log(
    `  ${r.page.padEnd(36)} ${kb(r.initial).padStart(8)} ${String(r.files).padStart(5)} ${kb(total).padStart(8)}${notes ? `  ${notes}` : ''}`,
  );
}

const lazyFiles = [...lazyPages.keys()];
// Two sources with one name (components/plots/client/runtime.ts, components/exercise/runtime.ts) keep their hash.
const shared = new Set(lazyFiles.map(chunkName).filter((n, i, all) => all.indexOf(n) !== i));
const chunks = lazyFiles
  .map((file) => ({
    file,
    name: shared.has(chunkName(file)) ? file.slice(root.length + 1).replace(/^_astro\//, '') : chunkName(file),
    size: gz(readFileSync(file)),
    pages: lazyPages.get(file) ?? [],
  }))
  .sort((a, b) => a.name.localeCompare(b.name));
const plotChunks = chunks.filter((c) => c.name === 'plot-marks');
if (plotChunks.length === 0) {
  console.error('No Plot chunk (_astro/plot-marks.*.js) is reachable from any page.');
  failed = true;
}
/** Where a chunk is loaded from, in few words: "every lesson", "3 pages: /explore/, …". */
function loadedBy(list: readonly string[]): string {
  const lessons = list.filter((p) => p.startsWith('/lessons/'));
  const decks = list.filter((p) => p.startsWith('/present/'));
  const other = list.filter((p) => !p.startsWith('/lessons/') && !p.startsWith('/present/'));
  const group = (xs: readonly string[], what: string) => (xs.length === 0 ? [] : [`${xs.length} ${what}`]);
  return [...group(lessons, 'lesson(s)'), ...group(decks, 'deck(s)'), ...other].join(', ');
}
console.log('\nLazy chunks, loaded when a widget nears the view or a feature is used (gzip -9), and who loads them:');
for (const c of chunks) {
  const isPlot = plotChunks.includes(c);
  const over = isPlot && c.size > PLOT_BUDGET;
  failed ||= over;
  console.log(
    `  ${c.name.padEnd(28)} ${kb(c.size).padStart(8)}${isPlot ? ' (Plot)' : ''}${over ? `  OVER ${kb(PLOT_BUDGET)}` : ''}  ${loadedBy(c.pages)}`,
  );
}
const lazyTotal = chunks.reduce((sum, c) => sum + c.size, 0);
console.log(`  ${'total'.padEnd(28)} ${kb(lazyTotal).padStart(8)}`);
// The practice page's card fragments, fetched one per card a seed picks beyond the default set.
if (cards.length > 0) {
  console.log('');
  const sizes = cards.map((f) => gz(readFileSync(f))).sort((a, b) => a - b);
  const median = sizes[Math.floor(sizes.length / 2)] ?? 0;
  console.log(
    `  ${'/practice/cards/<id>/'.padEnd(36)} ${kb(median).padStart(8)} median of ${cards.length} fragments (largest ${kb(sizes.at(-1) ?? 0)})`,
  );
}
console.log(
  `\nBudgets: up-front JS ≤ ${kb(INITIAL_BUDGET)} per page, Plot chunk ≤ ${kb(PLOT_BUDGET)}, page weight ≤ ${kb(PAGE_BUDGET)}.${failed ? ' EXCEEDED.' : ' Met.'}`,
);
if (failed) process.exitCode = 1;
