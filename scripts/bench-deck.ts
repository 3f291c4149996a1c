/**
 * How long a deck takes to open, in Chromium: serves dist/ (gzip, as a static host does), opens
 * /present/<lesson>/ at 1280 × 720 (the projector) and measures, from the navigation's start,
 * (1) the first interactive slide: the moment the deck marks itself ready (`[data-deck][data-ready]`,
 * keys and clicks wired, the first slide shown), (2) the main thread's long tasks until then and for
 * a second after (their total, and the blocking time over 50 ms, as Lighthouse counts it), and (3) the
 * layout shift, and (4) the slide engine's own share (the `deck:open` and `deck:cut` measures of
 * start-deck.ts). Under Lighthouse's mobile CPU throttle (4×) and unthrottled; median of RUNS runs.
 * Also the phone (390 × 844, the reading view) under the throttle. Prints numbers; asserts nothing.
 * Usage: `npm run bench:deck` (builds first) or `node scripts/bench-deck.ts` on a build;
 * `DECKS=sigmoid,relu RUNS=7 node scripts/bench-deck.ts`.
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { launchChromium } from '../test/e2e/support/chromium.ts';
import { serveDist } from './serve-dist.ts';

const root = resolve(process.env['DIST_DIR'] ?? 'dist');
const decks = (process.env['DECKS'] ?? 'sigmoid,wider-family').split(',').filter((d) => d !== '');
const runs = Math.max(1, Number(process.env['RUNS'] ?? 5));
for (const deck of decks)
  if (!existsSync(resolve(root, 'present', deck, 'index.html'))) {
    console.error(`No ${root}/present/${deck}/index.html: run \`npm run build\` first.`);
    process.exit(1);
  }

/** What one load measured, in ms (CLS unitless). */
interface Sample {
  readonly ready: number;
  /** The slide engine's own work: cutting, and from the cut to the first slide shown (performance.measure in start-deck.ts). */
  readonly cut: number;
  readonly open: number;
  readonly longTasks: number;
  readonly blocking: number;
  readonly cls: number;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
}

/** Installed before the page's own scripts: records long tasks, layout shifts and the moment of readiness. */
const probe = (): void => {
  const w = window as unknown as { deckBench: { ready: number; tasks: number[]; cls: number } };
  w.deckBench = { ready: NaN, tasks: [], cls: 0 };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) w.deckBench.tasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
      if (!entry.hadRecentInput) w.deckBench.cls += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  const ready = (): boolean => {
    if (document.querySelector('[data-deck][data-ready], [data-deck][data-mode="reading"]') === null) return false;
    if (Number.isNaN(w.deckBench.ready)) w.deckBench.ready = performance.now();
    return true;
  };
  const watch = new MutationObserver(() => {
    if (ready()) watch.disconnect();
  });
  watch.observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready', 'data-mode'] });
};

const { server, url } = await serveDist(root);
const browser = await launchChromium();
try {
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}; median of ${String(runs)} runs`,
  );
  const cases = [
    { label: 'projector 1280×720, CPU 4×', width: 1280, height: 720, throttle: 4 },
    { label: 'projector 1280×720, CPU 1×', width: 1280, height: 720, throttle: 1 },
    { label: 'phone 390×844 (reading), CPU 4×', width: 390, height: 844, throttle: 4 },
  ];
  for (const c of cases) {
    console.log(`\n${c.label}`);
    for (const deck of decks) {
      const samples: Sample[] = [];
      for (let i = 0; i < runs; i++) {
        const context = await browser.newContext({ viewport: { width: c.width, height: c.height } });
        const page = await context.newPage();
        await page.addInitScript(probe);
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: c.throttle });
        await page.goto(`${url}/present/${deck}/`);
        await page.waitForFunction(
          () => !Number.isNaN((window as unknown as { deckBench: { ready: number } }).deckBench.ready),
          undefined,
          {
            timeout: 120_000,
          },
        );
        await page.waitForTimeout(1000);
        const result = await page.evaluate(
          () => (window as unknown as { deckBench: { ready: number; tasks: number[]; cls: number } }).deckBench,
        );
        const measures = await page.evaluate(() =>
          Object.fromEntries(performance.getEntriesByType('measure').map((m) => [m.name, m.duration])),
        );
        samples.push({
          ready: result.ready,
          cut: measures['deck:cut'] ?? NaN,
          open: measures['deck:open'] ?? NaN,
          longTasks: result.tasks.reduce((a, b) => a + b, 0),
          blocking: result.tasks.reduce((a, b) => a + Math.max(0, b - 50), 0),
          cls: result.cls,
        });
        await context.close();
      }
      const m = (key: keyof Sample): number => median(samples.map((s) => s[key]));
      // A build from before the marks has no engine figures.
      const ms = (key: keyof Sample): string => (Number.isNaN(m(key)) ? 'n/a' : m(key).toFixed(0));
      console.log(
        `  ${deck.padEnd(14)} first interactive slide ${m('ready').toFixed(0).padStart(6)} ms · ` +
          `engine ${ms('open').padStart(4)} ms (cut ${ms('cut')} ms) · ` +
          `long tasks ${m('longTasks').toFixed(0).padStart(6)} ms (blocking ${m('blocking').toFixed(0)} ms) · ` +
          `CLS ${m('cls').toFixed(3)}`,
      );
    }
  }
} finally {
  await browser.close();
  server.close();
}
