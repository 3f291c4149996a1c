/**
 * Layout shifts of a page as a phone sees it (Chromium, 390×844, 4× CPU throttle as Lighthouse's mobile
 * preset), with the nodes that moved: a `layout-shift` PerformanceObserver records every shift during
 * load and the first seconds after it, with its sources (the node, its rect before and after).
 * Usage: `node scripts/layout-shifts.ts [--scroll] /lessons/sigmoid/ /practice/` on an existing build.
 * Prints the page's CLS-like sum (shifts without recent input) and each shift's sources. With
 * `--scroll` it then scrolls to the bottom a screen at a time (wheel input, as a reader would) and
 * reports the shifts seen on the way separately: blocks rendered late (content-visibility) must
 * not move what is on screen.
 */
import { resolve } from 'node:path';
import { launchChromium } from '../test/e2e/support/chromium.ts';
import { serveDist } from './serve-dist.ts';

const scroll = process.argv.includes('--scroll');
const pages = process.argv.slice(2).filter((a) => a !== '--scroll');
const root = resolve(process.env['DIST_DIR'] ?? 'dist');
const { server, url } = await serveDist(root);
const browser = await launchChromium();
try {
  for (const path of pages) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.addInitScript(() => {
      const shifts: unknown[] = [];
      (window as unknown as { __shifts: unknown[] }).__shifts = shifts;
      const describe = (node: Node | null): string => {
        if (node === null) return '(gone)';
        const el = node instanceof Element ? node : node.parentElement;
        if (el === null) return node.nodeName;
        const parts: string[] = [];
        for (let e: Element | null = el; e !== null && parts.length < 4; e = e.parentElement) {
          const cls =
            typeof e.className === 'string' && e.className !== ''
              ? `.${e.className.trim().split(/\s+/).join('.')}`
              : '';
          parts.unshift(`${e.localName}${e.id ? `#${e.id}` : ''}${cls}`);
        }
        return parts.join(' > ');
      };
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & {
          value: number;
          hadRecentInput: boolean;
          sources: { node: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
        })[]) {
          shifts.push({
            t: Math.round(entry.startTime),
            value: entry.value,
            input: entry.hadRecentInput,
            sources: entry.sources.map((s) => ({
              node: describe(s.node),
              before: [s.previousRect.x, s.previousRect.y, s.previousRect.width, s.previousRect.height].map(Math.round),
              after: [s.currentRect.x, s.currentRect.y, s.currentRect.width, s.currentRect.height].map(Math.round),
            })),
          });
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${url}${path}`, { waitUntil: 'load' });
    await page.waitForTimeout(4000);
    const shifts = (await page.evaluate(() => (window as unknown as { __shifts: unknown[] }).__shifts)) as {
      t: number;
      value: number;
      input: boolean;
      sources: { node: string; before: number[]; after: number[] }[];
    }[];
    const total = shifts.filter((s) => !s.input).reduce((sum, s) => sum + s.value, 0);
    const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
    console.log(`${path}  shift sum ${total.toFixed(4)}  (${shifts.length} shift(s), ${nodes} elements)`);
    if (scroll) {
      const loaded = shifts.length;
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      for (let y = 0; y < height; y += 600) {
        await page.mouse.wheel(0, 600);
        await page.waitForTimeout(120);
      }
      await page.waitForTimeout(500);
      const all = (await page.evaluate(() => (window as unknown as { __shifts: unknown[] }).__shifts)) as typeof shifts;
      const during = all.slice(loaded);
      const after = await page.evaluate(() => document.documentElement.scrollHeight);
      const sum = during.reduce((acc, s) => acc + s.value, 0);
      console.log(
        `  while scrolling: ${during.length} shift(s), sum ${sum.toFixed(4)}; page height ${height} → ${after} px`,
      );
      for (const s of during) {
        console.log(`  t=${s.t} ms  ${s.value.toFixed(4)} (scrolling)`);
        for (const src of s.sources.slice(0, 3))
          console.log(`    ${src.node}  [${src.before.join(',')}] → [${src.after.join(',')}]`);
      }
    }
    for (const s of shifts) {
      console.log(`  t=${s.t} ms  ${s.value.toFixed(4)}${s.input ? ' (after input)' : ''}`);
      for (const src of s.sources) console.log(`    ${src.node}  [${src.before.join(',')}] → [${src.after.join(',')}]`);
    }
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
