/**
 * In-browser redraw benchmark for the activation plot (2 curves × 400 points, plus the ε-zones, the
 * tangent and the point). Three paths: moving z (overlay only), the ε slider (zones), the range slider
 * (resample and a full Plot render, as for the activation and parameter controls). Serves dist/, opens /explore/ in Chromium, drives ≥ 200 redraws through the
 * widget's own update path and prints p50/p95. Each timed redraw includes the layout it forces
 * (getBoundingClientRect), so the number is what a frame has to pay before paint.
 * Usage: `npm run bench:plot` (builds first) or `node scripts/bench-plot.ts` on an existing build.
 * Goal: p95 ≤ 8 ms for moving z.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchChromium } from '../test/e2e/support/chromium.ts';
import { serveDist } from './serve-dist.ts';

const ROUNDS = 300;
const WARMUP = 30;
const GOAL_P95_MS = 8;

const root = resolve(process.env['DIST_DIR'] ?? 'dist');
if (!existsSync(resolve(root, 'explore', 'index.html'))) {
  console.error(`No ${root}/explore/index.html: run \`npm run build\` first.`);
  process.exit(1);
}

function percentile(sorted: readonly number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? NaN;
}

const { server, url } = await serveDist(root);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${url}/explore/`);
  await page.locator('#explorer').scrollIntoViewIfNeeded();
  await page.waitForSelector('#explorer[data-ready]', { timeout: 15_000 });

  const result = await page.evaluate(
    ({ rounds, warmup }) => {
      interface Widget {
        update(change: Record<string, unknown>): void;
        renderNow(): void;
      }
      const element = document.querySelector<HTMLElement & { widget?: Widget }>('#explorer');
      const widget = element?.widget;
      if (!element || !widget) throw new Error('the explorer widget did not expose its update API');
      const curves = element.querySelectorAll('g[aria-label="line"] path');
      const points = [...curves].slice(0, 2).map((p) => (p.getAttribute('d') ?? '').split('L').length);

      function time(change: (i: number) => Record<string, unknown>): number[] {
        const out: number[] = [];
        for (let i = 0; i < rounds + warmup; i++) {
          const t0 = performance.now();
          widget!.update(change(i));
          widget!.renderNow();
          element!.getBoundingClientRect(); // force style and layout of the new SVG
          const t1 = performance.now();
          if (i >= warmup) out.push(t1 - t0);
        }
        return out;
      }
      // Moving z: the curves are cached, only the point and the tangent change.
      const moveZ = time((i) => ({ z: -8 + ((i * 0.37) % 16) }));
      // The ε slider: new zones (lowGradientIntervals) on the overlay, curves cached.
      const epsilon = time((i) => ({ epsilon: 0.001 + ((i * 0.013) % 0.2) }));
      // The range slider: resample both curves and re-run Plot.
      const range = time((i) => ({ range: 4 + (i % 2) * 4 + ((i * 0.5) % 4) }));
      return { moveZ, epsilon, range, points };
    },
    { rounds: ROUNDS, warmup: WARMUP },
  );

  const report = (label: string, samples: number[]) => {
    const sorted = [...samples].sort((a, b) => a - b);
    const p50 = percentile(sorted, 50);
    const p95 = percentile(sorted, 95);
    console.log(`${label.padEnd(34)} n=${sorted.length}  p50 ${p50.toFixed(2)} ms  p95 ${p95.toFixed(2)} ms`);
    return p95;
  };
  console.log(`Activation plot redraw, curves of ${result.points.join(' and ')} points (Chromium, headless)`);
  const p95 = report('move z (redraw from cached data)', result.moveZ);
  report('change ε (zones redrawn)', result.epsilon);
  report('change range (resample + full Plot)', result.range);
  if (p95 > GOAL_P95_MS) {
    console.error(`p95 for moving z is ${p95.toFixed(2)} ms, above the ${GOAL_P95_MS} ms goal.`);
    process.exitCode = 1;
  }
} finally {
  await browser.close();
  server.close();
}
