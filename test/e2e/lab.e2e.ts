import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/chromium.ts';
import { openPage } from './support/page.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

/** Types into the lab's input (the element loads its engine on focus) and waits for the re-derivation. */
async function typeFunction(page: Page, text: string): Promise<void> {
  const input = page.locator('#lab-f');
  await input.click();
  await input.fill(text);
  await page.waitForFunction((f) => new URLSearchParams(location.search).get('f') === f, text, { timeout: 15_000 });
}

const text = (page: Page, selector: string): Promise<string> => page.locator(selector).first().innerText();

describe('activation lab', () => {
  it('reads without JavaScript: derivative, steps, properties and the plot are in the HTML', async () => {
    const { page, context } = await openPage(browser, '/lab/', { javaScript: false });
    expect(await text(page, '.lab-answer code')).toBe('sigmoid(b*z) + b*z*sigmoid(b*z)*(1 - sigmoid(b*z))');
    expect(await page.locator('.lab-steps .derivation-step').count()).toBeGreaterThan(3);
    expect(await page.locator('.lab-plot-svg svg path').count()).toBeGreaterThan(1);
    expect(await text(page, '.lab-properties')).toContain('SiLU');
    await context.close();
  });

  it('derives a typed function, updates on a slider, and reloads from the URL', async () => {
    const { page, context, errors, external } = await openPage(browser, '/lab/');
    await typeFunction(page, 'softplus(z)*tanh(k*z)');
    expect(await text(page, '.lab-answer code')).toContain('k');
    expect(await text(page, '.lab-preview')).toContain('softplus');
    const steps = await page.locator('.lab-steps .derivation-step').count();
    expect(steps).toBeGreaterThan(3);
    // Every generated step passed THE step checker, and the derivative agrees with a numeric one.
    expect(await page.locator('.lab-check-fail').count()).toBe(0);
    expect(await page.locator('.lab-check-ok').count()).toBe(steps - 1);
    expect(await text(page, '[data-badge="agreement"]')).toContain('agrees');

    // One slider, for k: move it with the keyboard and watch properties, plot and URL follow.
    const slider = page.locator('input[type="range"][data-param="k"]');
    expect(await slider.count()).toBe(1);
    const propertiesBefore = await text(page, '.lab-properties');
    const plotBefore = await page.locator('.lab-plot-svg svg').innerHTML();
    await slider.focus();
    for (let i = 0; i < 20; i++) await slider.press('ArrowRight');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('k') === '2', undefined, {
      timeout: 15_000,
    });
    await page.waitForFunction(
      (before) => document.querySelector('.lab-properties')?.textContent !== before,
      propertiesBefore,
    );
    expect(await page.locator('.lab-plot-svg svg').innerHTML()).not.toBe(plotBefore);
    expect(await text(page, '.lab-param output')).toBe('2');
    expect(await page.locator('.lab-check-fail').count()).toBe(0);

    // Reload from the URL: same function, same parameter, same derivative.
    const url = page.url();
    const derivative = await text(page, '.lab-answer code');
    const properties = await text(page, '.lab-properties');
    await page.goto(url);
    await page.waitForFunction(() => document.querySelector('activation-lab')?.getAttribute('data-state') === 'ready');
    expect(await page.locator('#lab-f').inputValue()).toBe('softplus(z)*tanh(k*z)');
    expect(await page.locator('input[data-param="k"]').inputValue()).toBe('2');
    expect(await text(page, '.lab-answer code')).toBe(derivative);
    expect(await text(page, '.lab-properties')).toBe(properties);
    // The derivations ran in the lab's Web Worker, not on the page's thread.
    expect(page.workers().length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await context.close();
  });

  it('answers a derivative too large to show at once, and never leaves an older result under a newer error', async () => {
    const { page, context, errors } = await openPage(browser, '/lab/');
    await typeFunction(page, 'tanh(z)*z');
    const input = page.locator('#lab-f');
    // A huge input straight after a good one: the error is what stays, with the results marked stale.
    await input.fill(Array(250).fill('z').join('*'));
    await page.locator('.lab-error:not([hidden])').waitFor({ timeout: 15_000 });
    expect(await text(page, '.lab-error')).toContain('too large');
    expect(await page.locator('.lab-results.lab-stale').count()).toBe(1);
    await input.fill('x^2');
    await page.waitForFunction(() =>
      document.querySelector('.lab-error')?.textContent?.includes('does not depend on z'),
    );
    expect(await text(page, '.lab-error')).toContain('did you mean z instead of x?');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows a parse error with its position and keeps the page alive', async () => {
    const { page, context, errors } = await openPage(browser, '/lab/');
    const input = page.locator('#lab-f');
    await input.click();
    await input.fill('z*sigmoid(bz)');
    await page.locator('.lab-error:not([hidden])').waitFor({ timeout: 15_000 });
    expect(await text(page, '.lab-error')).toContain('unknown name `bz`');
    expect(await text(page, '.lab-error')).toContain('b*z');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    await typeFunction(page, 'max(0, z) - 0.1*abs(z)');
    expect(await page.locator('.lab-error').isHidden()).toBe(true);
    expect(await text(page, '.lab-properties')).toContain('kink at z = 0');
    // The live lab (sliders, badges, steps rendered by the client) is accessible too.
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.html).join(', ')})`)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps saved functions in localStorage and starts fresh from corrupt data', async () => {
    const { page, context, errors } = await openPage(browser, '/lab/');
    await typeFunction(page, 'tanh(z) + 0.05*z');
    await page.locator('button[data-action="save"]').click();
    expect(await text(page, '.lab-saved-list')).toContain('tanh(z) + 0.05*z');
    await page.reload();
    await page.waitForFunction(() => document.querySelector('activation-lab')?.getAttribute('data-state') === 'ready');
    expect(await text(page, '.lab-saved-list')).toContain('tanh(z) + 0.05*z');
    await page.evaluate(() => localStorage.setItem('activation-lab.saved.v1', '{not json'));
    await page.reload();
    await page.waitForFunction(() => document.querySelector('activation-lab')?.getAttribute('data-state') === 'ready');
    expect(await text(page, '.lab-notice')).toContain('starts fresh');
    expect(await text(page, '.lab-saved-body')).toContain('Nothing saved yet');
    expect(errors).toEqual([]);
    await context.close();
  });
});
