import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/chromium.ts';
import { openPage } from './support/page.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

describe('course home', () => {
  it('lists the lessons in order and loads cleanly', async () => {
    const { page, context, errors, external } = await openPage(browser, '/');
    const titles = await page.locator('.lesson-card h3').allInnerTexts();
    expect(titles.length).toBeGreaterThan(0);
    const orders = titles.map((t) => Number.parseInt(t, 10));
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await context.close();
  });

  it('reaches a lesson by keyboard alone', async () => {
    const { page, context, errors } = await openPage(browser, '/');
    const target = page.locator('.lesson-card a').first();
    const href = await target.getAttribute('href');
    // Tab until the first lesson link has focus, then follow it with Enter.
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      if (await target.evaluate((el) => el === document.activeElement)) break;
    }
    expect(await target.evaluate((el) => el === document.activeElement)).toBe(true);
    await Promise.all([page.waitForURL(`**${href ?? ''}`), page.keyboard.press('Enter')]);
    await expect(page.locator('h1').innerText()).resolves.not.toBe('');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('offers a skip link as the first tab stop', async () => {
    const { page, context } = await openPage(browser, '/');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
    expect(focused).toBe('Skip to content');
    await context.close();
  });
});

describe('sigmoid lesson', () => {
  it('shows typeset math with MathML and no raw TeX', async () => {
    const { page, context, errors, external } = await openPage(browser, '/lessons/sigmoid/');
    const display = page.locator('.katex-display').first();
    await expect(display.isVisible()).resolves.toBe(true);
    const box = await display.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThan(20);
    expect(await page.locator('.katex-mathml math').count()).toBeGreaterThan(5);
    expect(await page.locator('.katex-error').count()).toBe(0);
    const text = await page.locator('main').innerText();
    expect(text).not.toContain('$$');
    // KaTeX's own fonts are served by the site and actually load.
    const fontsLoaded = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].some((f) => f.family.includes('KaTeX_Main') && f.status === 'loaded');
    });
    expect(fontsLoaded).toBe(true);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await context.close();
  });

  it('has a working table of contents', async () => {
    const { page, context } = await openPage(browser, '/lessons/sigmoid/');
    const link = page.locator('.toc a').nth(1);
    const hash = await link.getAttribute('href');
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${hash ?? ''}`);
    const target = page.locator(hash ?? '#missing');
    await expect(target.isVisible()).resolves.toBe(true);
    await context.close();
  });
});

describe('404 page', () => {
  it('answers an unknown address with a helpful page', async () => {
    const { page, context } = await openPage(browser, '/no-such-lesson/');
    await expect(page.locator('h1').innerText()).resolves.toBe('Page not found');
    await context.close();
  });
});
