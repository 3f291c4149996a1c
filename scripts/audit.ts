// Lighthouse over every page of the built site, mobile preset, in the same Chromium as the browser
// tests, served gzip-compressed as a static host serves it (scripts/serve-dist.ts). Each page is
// measured AUDIT_RUNS times (default 3) and the median run is reported; AUDIT_PAGES=/a/,/b/ limits the
// pages. Prints scores with FCP, LCP, TBT and CLS, and two figures that do not depend on the machine's
// load (DOM elements, bytes transferred); exits non-zero when a page misses a goal
// (performance ≥ 98, TBT ≤ 100 ms, CLS ≤ 0.02; accessibility, best practices and SEO 100). Each page's
// main-thread time by category (style and layout, script evaluation…) is printed as it is measured.
// Run: npm run audit (builds first).
import { loadavg } from 'node:os';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { serveDist } from './serve-dist.ts';
import { builtPages } from '../test/e2e/support/pages.ts';
import { chromiumFlags, chromiumPath } from '../test/e2e/support/chromium.ts';

const goals = { performance: 98, accessibility: 100, 'best-practices': 100, seo: 100 } as const;
type Category = keyof typeof goals;
/** Total blocking time (ms) and cumulative layout shift goals. */
const TBT_GOAL = 100;
const CLS_GOAL = 0.02;
const RUNS = Math.max(1, Number(process.env['AUDIT_RUNS'] ?? 3));
const only = (process.env['AUDIT_PAGES'] ?? '').split(',').filter((p) => p !== '');

interface Metrics {
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  /** Load-independent figures beside the timings: elements in the DOM, bytes transferred (compressed). */
  dom: number;
  bytes: number;
}

const root = process.env['DIST_DIR'] ?? 'dist';
/** The machine's 1-minute load average: Lighthouse's timings (TBT most) grow with it, so the table says it. */
const load = (): string => (loadavg()[0] ?? 0).toFixed(1);
const loadAtStart = load();
const { server, url } = await serveDist(root);
const chrome = await chromeLauncher.launch({ chromePath: chromiumPath(), chromeFlags: chromiumFlags });

const rows: { page: string; scores: Record<Category, number>; metrics: Metrics }[] = [];
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
try {
  const pages = builtPages(root).filter((p) => !p.endsWith('404.html') && (only.length === 0 || only.includes(p)));
  for (const page of pages) {
    const runs = [];
    for (let i = 0; i < RUNS; i++)
      runs.push(
        await lighthouse(`${url}${page}`, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: Object.keys(goals),
        }),
      );
    // The run with the median performance score stands for the page.
    const perf = runs.map((r) => r?.lhr.categories['performance']?.score ?? 0);
    const result = runs[perf.indexOf(median(perf))];
    const metric = (id: string) => result?.lhr.audits[id]?.numericValue ?? Number.NaN;
    const metrics: Metrics = {
      fcp: metric('first-contentful-paint'),
      lcp: metric('largest-contentful-paint'),
      tbt: metric('total-blocking-time'),
      cls: metric('cumulative-layout-shift'),
      dom: metric('dom-size-insight'),
      bytes: metric('total-byte-weight'),
    };
    const categories = result?.lhr.categories ?? {};
    const scores = Object.fromEntries(
      (Object.keys(goals) as Category[]).map((c) => [c, Math.round((categories[c]?.score ?? 0) * 100)]),
    ) as Record<Category, number>;
    rows.push({ page, scores, metrics });
    // Where the main thread went (Lighthouse's breakdown by category, in ms), to find the cause.
    const breakdown = (
      result?.lhr.audits['mainthread-work-breakdown']?.details as
        { items?: { groupLabel?: string; group?: string; duration?: number }[] } | undefined
    )?.items;
    if (breakdown !== undefined)
      console.log(
        `  ${page} main thread: ${breakdown
          .filter((item) => (item.duration ?? 0) >= 10)
          .map((item) => `${item.groupLabel ?? item.group} ${Math.round(item.duration ?? 0)}`)
          .join(', ')}`,
      );
    const below = (Object.keys(goals) as Category[]).filter((c) => scores[c] < goals[c]);
    for (const c of below) {
      const audits = Object.values(result?.lhr.audits ?? {})
        .filter(
          (a) =>
            a.score !== null &&
            a.score < 1 &&
            result?.lhr.categories[c]?.auditRefs.some((r) => r.id === a.id && r.weight > 0),
        )
        .map((a) => `${a.id} (${a.displayValue ?? a.score})`);
      console.log(`  ${page} ${c} ${scores[c]}: ${audits.join(', ')}`);
    }
  }
} finally {
  chrome.kill();
  server.close();
}

const header = ['page', ...Object.keys(goals), 'FCP ms', 'LCP ms', 'TBT ms', 'CLS', 'DOM elements', 'transfer KB'];
console.log(`\nServed with gzip; median of ${RUNS} run(s) per page; load average ${loadAtStart} → ${load()}.`);
console.log(`\n| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
for (const { page, scores, metrics: m } of rows)
  console.log(
    `| ${page} | ${(Object.keys(goals) as Category[]).map((c) => scores[c]).join(' | ')} | ${Math.round(m.fcp)} | ${Math.round(m.lcp)} | ${Math.round(m.tbt)} | ${m.cls.toFixed(3)} | ${Math.round(m.dom)} | ${(m.bytes / 1000).toFixed(1)} |`,
  );
const failures = rows.filter(
  ({ scores, metrics }) =>
    (Object.keys(goals) as Category[]).some((c) => scores[c] < goals[c]) ||
    metrics.tbt > TBT_GOAL ||
    metrics.cls > CLS_GOAL,
);
console.log(
  `\n${rows.length - failures.length} passed, ${failures.length} failed (goals: ${JSON.stringify(goals)}, TBT ≤ ${TBT_GOAL} ms, CLS ≤ ${CLS_GOAL})`,
);
process.exitCode = failures.length > 0 ? 1 : 0;
