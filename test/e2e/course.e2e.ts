import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/chromium.ts';
import { openPage } from './support/page.ts';
import { builtPages } from './support/pages.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

const pages = builtPages();

/** Scroll through the page so lazy widgets wake up and make whatever requests they make. */
async function visitWholePage(page: Page) {
  await page.evaluate(async () => {
    for (let y = 0; y <= document.body.scrollHeight; y += 400) {
      window.scrollTo(0, y);
      // Two frames: the scroll is painted and intersection observers have run.
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    }
  });
  await page.waitForLoadState('networkidle');
}

describe('every page', () => {
  it('has pages to visit', () => {
    expect(pages).toContain('/');
    expect(pages.length).toBeGreaterThan(3);
  });

  // One visit per page checks everything, to keep the run short: no request to another host, no
  // console error, and no axe violation in the light theme and then in the dark one.
  it.each(pages)(
    '%s: no external request, no console error, no axe violation in either theme',
    async (path) => {
      const { page, context, errors, external } = await openPage(browser, path);
      await visitWholePage(page);
      expect(external).toEqual([]);
      expect(errors).toEqual([]);
      for (const theme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: theme });
        await page.evaluate((t) => (document.documentElement.dataset['theme'] = t), theme);
        const { violations } = await new AxeBuilder({ page }).analyze();
        const summary = violations.map(
          (v) => `${theme} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
        );
        expect(summary).toEqual([]);
      }
      await context.close();
    },
    120_000,
  );
});

describe('themes', () => {
  it('follows the system, and the toggle overrides it and persists', async () => {
    const { page, context } = await openPage(browser, '/');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    const toggle = page.locator('[data-theme-toggle]');
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('true');
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('light');
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('light');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(255, 255, 255)');
    await context.close();
  });
});

describe('search', () => {
  it('opens with "/" and finds a formula by name, with its lesson and section', async () => {
    const { page, context, errors } = await openPage(browser, '/lessons/sigmoid/');
    await page.keyboard.press('/');
    await page.waitForURL('**/search/');
    await page.keyboard.type('sigmoid derivative');
    const first = page.locator('#search-results > li > a').first();
    await first.waitFor();
    expect(await first.getAttribute('href')).toContain('/lessons/sigmoid/');
    await expect(page.locator('#search-status').innerText()).resolves.toMatch(/found/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('does not index the TeX source twice (MathML annotations are excluded)', async () => {
    // `\left` and `\frac` stand in the TeX annotation of nearly every formula; if annotations were
    // indexed, excerpts would quote them. The word "left" also occurs in prose, so results are expected.
    const { page, context } = await openPage(browser, '/search/?q=left%20frac');
    await page.locator('#search-status').filter({ hasText: 'found' }).waitFor();
    const excerpts = await page.locator('#search-results > li > p').allInnerTexts();
    expect(excerpts.length).toBeGreaterThan(0);
    for (const excerpt of excerpts) expect(excerpt).not.toMatch(/\\(left|frac|htmlClass)|annotation/);
    await context.close();
  });
});
