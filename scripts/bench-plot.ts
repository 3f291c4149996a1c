/**
 * In-browser redraw benchmark for the activation plot (2 curves × 400 points, plus the ε-zones, the
 * tangent and the point). Three paths: moving z (overlay only), the ε slider (zones), the range slider
 * (resample and a full Plot render, as for the activation and parameter controls). Serves dist/, opens /explore/ in Chromium, drives ≥ 200 redraws through the
 * widget's own update path and prints p50/p95 of each, split into the widget's script and the style
 * and layout it forces (getBoundingClientRect), so the number is what a frame has to pay before paint.
 * Usage: `npm run bench:plot` (builds first) or `node scripts/bench-plot.ts` on an existing build.
 * Goals (p95): moving z and ε ≤ 4 ms, a re-plot ≤ 8 ms; exits non-zero when one is missed.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchChromium } from '../test/e2e/support/chromium.ts';
import { serveDist } from './serve-dist.ts';

const ROUNDS = 300;
const WARMUP = 30;
/** Goals (p95): moving the point or ε ≤ 4 ms, a full re-plot (range, parameter, activation) ≤ 8 ms. */
const GOAL_MOVE_MS = 4;
const GOAL_REPLOT_MS = 8;

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

      /** Per redraw: the total, and its two parts (the widget's script, then the style and layout it forces). */
      interface Samples {
        total: number[];
        script: number[];
        layout: number[];
      }
      function time(change: (i: number) => Record<string, unknown>): Samples {
        const out: Samples = { total: [], script: [], layout: [] };
        for (let i = 0; i < rounds + warmup; i++) {
          const t0 = performance.now();
          widget!.update(change(i));
          widget!.renderNow();
          const t1 = performance.now();
          element!.getBoundingClientRect(); // force style and layout of the new SVG
          const t2 = performance.now();
          if (i < warmup) continue;
          out.total.push(t2 - t0);
          out.script.push(t1 - t0);
          out.layout.push(t2 - t1);
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

  const stats = (samples: readonly number[]) => {
    const sorted = [...samples].sort((a, b) => a - b);
    return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), n: sorted.length };
  };
  const ms = (x: number) => `${x.toFixed(2)} ms`;
  const report = (label: string, samples: { total: number[]; script: number[]; layout: number[] }, goal: number) => {
    const total = stats(samples.total);
    const script = stats(samples.script);
    const layout = stats(samples.layout);
    const verdict = total.p95 <= goal ? 'ok' : 'OVER';
    console.log(
      `${label.padEnd(36)} n=${total.n}  p50 ${ms(total.p50)}  p95 ${ms(total.p95)}  (goal p95 ≤ ${goal} ms: ${verdict})` +
        `\n${''.padEnd(36)} script p50 ${ms(script.p50)} p95 ${ms(script.p95)} · style+layout p50 ${ms(layout.p50)} p95 ${ms(layout.p95)}`,
    );
    return total.p95 <= goal;
  };
  console.log(`Activation plot redraw, curves of ${result.points.join(' and ')} points (Chromium, headless)`);
  const met = [
    report('move z (redraw from cached data)', result.moveZ, GOAL_MOVE_MS),
    report('change ε (zones redrawn)', result.epsilon, GOAL_MOVE_MS),
    report('change range (resample + re-plot)', result.range, GOAL_REPLOT_MS),
  ];
  if (met.includes(false)) process.exitCode = 1;
} finally {
  await browser.close();
  server.close();
}
