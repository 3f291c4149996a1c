import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/chromium.ts';
import { openPage } from './support/page.ts';
import { plotFrame } from '../../components/plots/specs/plot-frame.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

const WIDGETS = ['activation-plot#explorer', 'compare-plot#compare', 'depth-flow#depth', 'dead-units#dead'];

/** Wait until the widget has loaded its chunk and drawn. */
async function ready(page: Page, selector: string): Promise<void> {
  await page.locator(selector).scrollIntoViewIfNeeded();
  await page.waitForSelector(`${selector}[data-ready]`, { timeout: 10_000 });
}

async function readout(page: Page): Promise<{ z: string; g: string; dg: string }> {
  const text = (name: string) => page.locator(`#explorer [data-out="${name}"]`).innerText();
  return { z: await text('z'), g: await text('g'), dg: await text('dg') };
}

describe('plot widgets, static first', () => {
  it('every widget has its SVG and text description in the HTML, with JavaScript off', async () => {
    const { page, context } = await openPage(browser, '/explore/', { javaScript: false });
    for (const selector of WIDGETS) {
      const widget = page.locator(selector);
      await expect(widget.locator('.plot-area svg path').count()).resolves.toBeGreaterThan(3);
      await expect(widget.locator('figcaption').innerText()).resolves.toMatch(/\d/);
      await expect(widget.getAttribute('data-ready')).resolves.toBeNull();
    }
    await expect(page.locator('#explorer figcaption').innerText()).resolves.toContain(
      'g′ peaks at 0.25 at z = 0 and is below 0.01 for |z| > 4.6',
    );
    await context.close();
  });

  it('loads no Plot code until a widget nears the viewport, then becomes interactive', async () => {
    const { page, context, errors, external } = await openPage(browser, '/404.html');
    await page.setViewportSize({ width: 1280, height: 120 });
    const scripts: string[] = [];
    // Every request, whatever its type: Vite fetches chunks with <link rel="modulepreload"> as well as import().
    page.on('request', (request) => scripts.push(request.url()));
    await page.goto('/explore/');
    await page.waitForLoadState('networkidle');
    expect(scripts.some((url) => url.includes('plot-marks'))).toBe(false);
    expect(scripts.some((url) => url.includes('-widget'))).toBe(false);
    for (const selector of WIDGETS) await expect(page.locator(selector).getAttribute('data-ready')).resolves.toBeNull();
    // The controls are in the tab order from the first paint (focusing one wakes its widget).
    await expect(page.locator('#depth select[name="fn"]').isDisabled()).resolves.toBe(false);

    await ready(page, '#depth');
    expect(scripts.some((url) => url.includes('plot-marks'))).toBe(true);
    await expect(page.locator('#depth select[name="fn"]').isDisabled()).resolves.toBe(false);
    // Far-away widgets are still static.
    await expect(page.locator('#explorer').getAttribute('data-ready')).resolves.toBeNull();
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await context.close();
  });
});

describe('activation plot', () => {
  it('moves the point with the keyboard and updates the readout, slider value and picture', async () => {
    const { page, context, errors } = await openPage(browser, '/explore/');
    await ready(page, '#explorer');
    const slider = page.locator('#explorer [role="slider"]');
    await expect(slider.getAttribute('aria-valuenow')).resolves.toBe('2');
    expect(await readout(page)).toEqual({ z: '2', g: '0.881', dg: '0.105' });
    const dot = page.locator('#explorer .plot-point-g circle');
    const before = Number(await dot.getAttribute('cx'));

    await slider.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    // Step 0.1 on [−8, 8]: σ(2.3) = 0.909, σ′(2.3) = 0.0828.
    await expect.poll(() => readout(page)).toEqual({ z: '2.3', g: '0.909', dg: '0.0828' });
    await expect(slider.getAttribute('aria-valuetext')).resolves.toBe('z = 2.3, g(z) = 0.909, g′(z) = 0.0828');
    expect(Number(await page.locator('#explorer .plot-point-g circle').getAttribute('cx'))).toBeGreaterThan(before);

    await page.keyboard.press('Shift+ArrowLeft');
    await expect.poll(async () => (await readout(page)).z).toBe('1.3');
    await page.keyboard.press('Home');
    await expect.poll(async () => (await readout(page)).z).toBe('−8');
    await page.keyboard.press('End');
    await expect.poll(async () => (await readout(page)).z).toBe('8');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('moves the point under the pointer (hover and drag)', async () => {
    const { page, context } = await openPage(browser, '/explore/');
    await ready(page, '#explorer');
    const box = await page.locator('#explorer .plot-area svg').boundingBox();
    if (box === null) throw new Error('no plot box');
    // The x axis spans [−8, 8] between the frame's margins (of 640 plot units).
    const { marginLeft, marginRight, width } = plotFrame;
    const xAt = (z: number) =>
      box.x + ((marginLeft + ((z + 8) / 16) * (width - marginLeft - marginRight)) * box.width) / width;
    await page.mouse.move(xAt(-3), box.y + box.height / 2);
    await expect.poll(async () => Number((await readout(page)).z.replace('−', '-'))).toBeCloseTo(-3, 1);
    await page.mouse.down();
    await page.mouse.move(xAt(1), box.y + box.height / 3, { steps: 4 });
    await page.mouse.up();
    await expect.poll(async () => Number((await readout(page)).z.replace('−', '-'))).toBeCloseTo(1, 1);
    await context.close();
  });

  it('restores its state from the URL and writes changes back', async () => {
    const { page, context, errors } = await openPage(
      browser,
      '/explore/?explorer.fn=tanh&explorer.z=-1.5&explorer.eps=0.05&explorer.range=4',
    );
    await ready(page, '#explorer');
    await expect(page.locator('#explorer select[name="fn"]').inputValue()).resolves.toBe('tanh');
    expect(await readout(page)).toEqual({ z: '−1.5', g: '−0.905', dg: '0.181' });
    await expect(page.locator('#explorer [data-out="eps"]').innerText()).resolves.toBe('0.05');
    await expect(page.locator('#explorer figcaption').innerText()).resolves.toMatch(
      /^Tanh and its derivative for z from −4 to 4\./,
    );

    await page.locator('#explorer [role="slider"]').focus();
    await page.keyboard.press('ArrowRight');
    // Step 0.05 on [−4, 4].
    await expect.poll(() => new URL(page.url()).searchParams.get('explorer.z'), { timeout: 3000 }).toBe('-1.45');

    // A reload of the written URL shows the same state.
    await page.reload();
    await ready(page, '#explorer');
    expect(await readout(page)).toEqual({ z: '−1.45', g: '−0.896', dg: '0.198' });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('changes ε and a parameter with labelled sliders, redrawing the shaded zones', async () => {
    const { page, context } = await openPage(browser, '/explore/?explorer.fn=elu');
    await ready(page, '#explorer');
    const alpha = page.locator('#explorer').getByRole('slider', { name: 'α' });
    await expect(alpha.getAttribute('type')).resolves.toBe('range');
    await alpha.focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.locator('#explorer figcaption').innerText()).toContain('ELU (α = 0.99)');
    const eps = page.locator('#explorer').getByRole('slider', { name: 'ε' });
    await eps.focus();
    const zonesBefore = await page.locator('#explorer .plot-zones rect').first().getAttribute('width');
    await page.keyboard.press('End');
    await expect.poll(() => page.locator('#explorer [data-out="eps"]').innerText()).toBe('0.5');
    expect(await page.locator('#explorer .plot-zones rect').first().getAttribute('width')).not.toBe(zonesBefore);
    await context.close();
  });
});

describe('other widgets (one smoke path each)', () => {
  it('compare: a checkbox adds a series to the plot and the legend', async () => {
    const { page, context, errors } = await openPage(browser, '/explore/');
    await ready(page, '#compare');
    const lines = page.locator('#compare .plot-area g[aria-label="line"]');
    const before = await lines.count();
    await page.locator('#compare').getByLabel('GELU', { exact: true }).check();
    await expect.poll(() => lines.count()).toBe(before + 1);
    await expect(page.locator('#compare .plot-legend').innerText()).resolves.toContain('GELU');
    await expect(page.locator('#compare figcaption').innerText()).resolves.toContain('GELU: |g′| peaks at 1.13');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('depth: more layers shrink the sigmoid gradient further', async () => {
    const { page, context } = await openPage(browser, '/explore/');
    await ready(page, '#depth');
    await expect(page.locator('#depth figcaption').innerText()).resolves.toContain('0.25¹⁰ = 9.54 × 10⁻⁷');
    await page.locator('#depth').getByRole('slider', { name: 'Layers' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('#depth figcaption').innerText()).toContain('0.25¹¹ = 2.38 × 10⁻⁷');
    await context.close();
  });

  it('depth: the initialisation choice, by keyboard, shows the signal and the gradient hold under He', async () => {
    const { page, context, errors } = await openPage(browser, '/lessons/initialisation/');
    await ready(page, '#init-depth');
    const caption = () => page.locator('#init-depth figcaption').innerText();
    await expect(caption()).resolves.toContain('ReLU, Xavier, Var(w) = 1/n');
    await expect(caption()).resolves.toContain('it vanishes');
    await expect(page.locator('#init-depth').getByRole('slider', { name: 'Weight w' }).isDisabled()).resolves.toBe(
      true,
    );
    await page.locator('#init-depth').getByRole('combobox', { name: 'Weights' }).focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(caption).toContain('He, Var(w) = 2/n');
    await expect(caption()).resolves.toContain("the signal's RMS is 1 times layer 1's: it holds");
    await expect.poll(() => page.evaluate(() => location.search)).toContain('init-depth.init=he');
    await expect(page.locator('#init-depth [data-legend="init"]').isVisible()).resolves.toBe(true);
    await expect(page.locator('#init-depth [data-legend="fixed"]').isVisible()).resolves.toBe(false);
    // Back to one unit per layer: the sliders apply again.
    await page.keyboard.press('Home');
    await expect.poll(caption).toContain('ReLU, weights of magnitude 1');
    await expect(page.locator('#init-depth').getByRole('slider', { name: 'Weight w' }).isDisabled()).resolves.toBe(
      false,
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('dead units: a negative mean kills more ReLU units', async () => {
    const { page, context } = await openPage(browser, '/explore/?dead.b=-1');
    await ready(page, '#dead');
    await expect(page.locator('#dead .plot-legend').innerText()).resolves.toContain('ReLU: 84.1%');
    await page.locator('#dead').getByRole('slider', { name: 'Mean b' }).focus();
    await page.keyboard.press('Home');
    await expect.poll(() => page.locator('#dead .plot-legend').innerText()).toContain('ReLU: 99.9%');
    await context.close();
  });
});
