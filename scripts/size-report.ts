/**
 * Size report for the built site. For each lesson page (and /explore/, /playground/) it prints the gzip size of the
 * JavaScript the page loads up front — its module scripts, modulepreloads and inline module scripts,
 * plus everything those import statically — and the gzip size of the lazily loaded plot chunks
 * (Plot itself, and the widget code with the math core). Exits non-zero when a budget is exceeded:
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

/** Every module reachable from `entries` through static imports. */
function closure(entries: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...entries];
  while (stack.length > 0) {
    const file = stack.pop() as string;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    for (const spec of staticImports(readFileSync(file, 'utf8'))) stack.push(fileOf(spec, file));
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
  // What those modules can load later (the widgets' chunks), for the lazy report.
  const lazyEntries = [...modules].flatMap((file) =>
    dynamicImports(readFileSync(file, 'utf8')).map((s) => fileOf(s, file)),
  );
  const lazy = new Set([...closure(lazyEntries)].filter((f) => !modules.has(f)));
  return {
    page: `/${htmlFile.slice(root.length + 1).replace(/index\.html$/, '')}`,
    initial,
    files: modules.size + inline.length,
    lazy,
  };
}

const pages = [
  ...readdirSync(join(root, 'lessons'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, 'lessons', d.name, 'index.html')))
    .map((d) => join(root, 'lessons', d.name, 'index.html')),
  join(root, 'explore', 'index.html'),
  join(root, 'playground', 'index.html'),
].filter((f) => existsSync(f));

let failed = false;
console.log('JavaScript loaded before any widget is near view (gzip -9):');
const allLazy = new Set<string>();
for (const file of pages) {
  const r = reportPage(file);
  for (const f of r.lazy) allLazy.add(f);
  const over = r.initial > INITIAL_BUDGET;
  failed ||= over;
  console.log(
    `  ${r.page.padEnd(36)} ${kb(r.initial).padStart(8)} in ${r.files} file(s)${over ? `  OVER ${kb(INITIAL_BUDGET)}` : ''}`,
  );
}

const chunks = [...allLazy].sort().map((file) => ({ name: file.slice(root.length + 1), size: gz(readFileSync(file)) }));
const plotChunks = chunks.filter((c) => /\/plot-marks\.[^/]+\.js$/.test(c.name));
if (plotChunks.length === 0) {
  console.error('No Plot chunk (_astro/plot-marks.*.js) is reachable from any page.');
  failed = true;
}
console.log(
  '\nLazy chunks (dynamic imports reachable from these pages: the plot widgets, and any other lazy feature):',
);
for (const c of chunks) {
  const isPlot = plotChunks.includes(c);
  const over = isPlot && c.size > PLOT_BUDGET;
  failed ||= over;
  console.log(
    `  ${c.name.padEnd(52)} ${kb(c.size).padStart(8)}${isPlot ? '  ← Plot' : ''}${over ? `  OVER ${kb(PLOT_BUDGET)}` : ''}`,
  );
}
const lazyTotal = chunks.reduce((sum, c) => sum + c.size, 0);
console.log(`  ${'total'.padEnd(52)} ${kb(lazyTotal).padStart(8)}`);

/** Every built page (the search index's own files excluded). */
function htmlPages(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return entry.name === 'pagefind' ? [] : htmlPages(join(dir, entry.name));
    return entry.name.endsWith('.html') ? [join(dir, entry.name)] : [];
  });
}
console.log('\nPage weight, HTML (with inlined CSS and the build-time math) + up-front JS, gzip -9:');
const cardsDir = join(root, 'practice', 'cards');
const cards = htmlPages(root).filter((f) => f.startsWith(cardsDir));
for (const file of htmlPages(root)
  .filter((f) => !f.startsWith(cardsDir))
  .sort()) {
  const r = reportPage(file);
  const total = gz(readFileSync(file)) + r.initial;
  const over = total > PAGE_BUDGET;
  failed ||= over;
  console.log(`  ${r.page.padEnd(36)} ${kb(total).padStart(8)}${over ? `  OVER ${kb(PAGE_BUDGET)}` : ''}`);
}
// The practice page's card fragments, fetched one per card a seed picks beyond the default set.
if (cards.length > 0) {
  const sizes = cards.map((f) => gz(readFileSync(f))).sort((a, b) => a - b);
  const median = sizes[Math.floor(sizes.length / 2)] ?? 0;
  console.log(
    `  ${'/practice/cards/<id>/'.padEnd(36)} ${kb(median).padStart(8)} median of ${cards.length} fragments (largest ${kb(sizes.at(-1) ?? 0)})`,
  );
}
console.log(
  `\nBudgets: up-front JS ≤ ${kb(INITIAL_BUDGET)} per lesson, Plot chunk ≤ ${kb(PLOT_BUDGET)}, page weight ≤ ${kb(PAGE_BUDGET)}.${failed ? ' EXCEEDED.' : ' Met.'}`,
);
if (failed) process.exitCode = 1;
