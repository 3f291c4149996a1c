// Lighthouse over every page of the built site, mobile preset, in the same Chromium as the browser
// tests. Prints a table; exits non-zero when a score is below its goal (performance ≥ 98;
// accessibility, best practices and SEO 100). Run: npm run audit (builds first).
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { serveDist } from './serve-dist.ts';
import { builtPages } from '../test/e2e/support/pages.ts';
import { chromiumFlags, chromiumPath } from '../test/e2e/support/chromium.ts';

const goals = { performance: 98, accessibility: 100, 'best-practices': 100, seo: 100 } as const;
type Category = keyof typeof goals;

const root = process.env['DIST_DIR'] ?? 'dist';
const { server, url } = await serveDist(root);
const chrome = await chromeLauncher.launch({ chromePath: chromiumPath(), chromeFlags: chromiumFlags });

const rows: { page: string; scores: Record<Category, number> }[] = [];
try {
  for (const page of builtPages(root).filter((p) => !p.endsWith('404.html'))) {
    const result = await lighthouse(`${url}${page}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: Object.keys(goals),
    });
    const categories = result?.lhr.categories ?? {};
    const scores = Object.fromEntries(
      (Object.keys(goals) as Category[]).map((c) => [c, Math.round((categories[c]?.score ?? 0) * 100)]),
    ) as Record<Category, number>;
    rows.push({ page, scores });
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

const header = ['page', ...Object.keys(goals)];
console.log(`\n| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
for (const { page, scores } of rows)
  console.log(`| ${page} | ${(Object.keys(goals) as Category[]).map((c) => scores[c]).join(' | ')} |`);
const failures = rows.filter(({ scores }) => (Object.keys(goals) as Category[]).some((c) => scores[c] < goals[c]));
console.log(`\n${rows.length - failures.length} passed, ${failures.length} failed (goals: ${JSON.stringify(goals)})`);
process.exitCode = failures.length > 0 ? 1 : 0;
