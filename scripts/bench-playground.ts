/**
 * Frame time of the training playground in Chromium while it trains: serves dist/, opens
 * /playground/ with a preset (two networks side by side, so every view is drawn twice where it can
 * be), presses Play, and for a few seconds records (1) the widget's own redraw time per frame
 * (boundary canvases and the Plot charts in view, tables) and (2) the interval between animation frames on
 * the main thread. Prints p50/p95 and frames per second; asserts nothing.
 * Usage: `npm run bench:playground` (builds first) or `node scripts/bench-playground.ts` on a build.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchChromium } from '../test/e2e/support/chromium.ts';
import { serveDist } from './serve-dist.ts';

const SECONDS = 4;
const root = resolve(process.env['DIST_DIR'] ?? 'dist');
if (!existsSync(resolve(root, 'playground', 'index.html'))) {
  console.error(`No ${root}/playground/index.html: run \`npm run build\` first.`);
  process.exit(1);
}

function percentile(sorted: readonly number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? NaN;
}
const summary = (xs: number[]): string => {
  const s = [...xs].sort((a, b) => a - b);
  return `p50 ${percentile(s, 50).toFixed(1)} ms, p95 ${percentile(s, 95).toFixed(1)} ms (n = ${s.length})`;
};

interface Case {
  readonly label: string;
  readonly query: string;
  readonly speed?: string;
  /** Viewport height: 720 shows what a projector shows; 2400 puts every view on screen (the widget skips views out of sight while training). */
  readonly height?: number;
}

const cases: Case[] = [
  { label: 'deep sigmoid stalls (8 × 8, two networks), 500 steps/s, 1280 × 720', query: 'preset=deep-sigmoid-stalls' },
  {
    label: 'same, 1280 × 2400: every view on screen',
    query: 'preset=deep-sigmoid-stalls',
    height: 2400,
  },
  {
    label: 'same, as fast as the worker can go',
    query: 'data=circles&depth=8&width=8&act=sigmoid&init=xavier&lr=0.1&opt=sgd&batch=32&cmp=1&b.act=relu&b.init=he',
    speed: '0',
  },
  { label: '10 × 16 ReLU, one network, 500 steps/s', query: 'depth=10&width=16&act=relu&init=he' },
];

const { server, url } = await serveDist(root);
const browser = await launchChromium();
try {
  for (const c of cases) {
    const page = await browser.newPage({ viewport: { width: 1280, height: c.height ?? 720 } });
    await page.goto(`${url}/playground/?${c.query}&stop=0`);
    await page.waitForSelector('training-playground[data-ready]', { timeout: 15_000 });
    if (c.speed !== undefined) await page.selectOption('select[name="speed"]', c.speed);
    await page.click('[data-action="play"]');
    const result = await page.evaluate(async (seconds) => {
      const el = document.querySelector('training-playground') as HTMLElement & { renderTimes?: number[] };
      const times = el.renderTimes ?? [];
      await new Promise((done) => setTimeout(done, 500));
      const startStep = Number(el.dataset['step']);
      times.length = 0;
      const intervals: number[] = [];
      let last = performance.now();
      const end = last + seconds * 1000;
      await new Promise<void>((done) => {
        const frame = (now: number): void => {
          intervals.push(now - last);
          last = now;
          if (now < end) requestAnimationFrame(frame);
          else done();
        };
        requestAnimationFrame(frame);
      });
      return { renders: [...times], intervals, steps: Number(el.dataset['step']) - startStep };
    }, SECONDS);
    console.log(c.label);
    console.log(`  redraw per frame:       ${summary(result.renders)}`);
    console.log(`  animation frame period: ${summary(result.intervals.slice(1))}`);
    console.log(
      `  ${(result.intervals.length / SECONDS).toFixed(0)} animation frames/s, ${(result.renders.length / SECONDS).toFixed(0)} redraws/s, ${(result.steps / SECONDS).toFixed(0)} training steps/s\n`,
    );
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
