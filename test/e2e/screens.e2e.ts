import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { launchChromium } from './support/chromium.ts';
import { builtPages } from './support/pages.ts';

// Every screen a class uses: a phone (320, 360, 390 px wide), a projector (720p, 768p, 1080p).

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

const pages = builtPages();

async function contextAt(width: number, height: number, touch = false): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: inject('baseURL'),
    viewport: { width, height },
    ...(touch ? { hasTouch: true, isMobile: true, deviceScaleFactor: 2 } : {}),
  });
}

/** The page's widest elements when it is wider than the window, to say what to fix. */
const sideways = (page: Page) =>
  page.evaluate(() => {
    const limit = window.innerWidth;
    const width = document.documentElement.scrollWidth;
    if (width <= limit) return { width, culprits: [] as string[] };
    const wide = (el: Element) => el.getBoundingClientRect().right > limit + 1;
    // The innermost elements that stick out: what to fix.
    const culprits = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => wide(el) && ![...el.children].some(wide))
      .slice(0, 5)
      .map(
        (el) => `${el.tagName.toLowerCase()}.${el.className.toString()} → ${String(el.getBoundingClientRect().right)}`,
      );
    return { width, culprits };
  });

describe('phone', () => {
  it.each([320, 360, 390])(
    'no page is wider than a %i px window',
    async (width) => {
      const context = await contextAt(width, 844, true);
      const page = await context.newPage();
      const failures: string[] = [];
      for (const path of pages) {
        await page.goto(path);
        await page.waitForLoadState('load');
        const { width: scrollWidth, culprits } = await sideways(page);
        if (scrollWidth > width) failures.push(`${path}: ${String(scrollWidth)} px (${culprits.join('; ')})`);
      }
      expect(failures).toEqual([]);
      await context.close();
    },
    180_000,
  );

  it('collapses the header to a menu that holds every link, Search and the theme toggle', async () => {
    const context = await contextAt(390, 844, true);
    const page = await context.newPage();
    await page.goto('/lessons/sigmoid/');
    const toggle = page.locator('[data-menu-toggle]');
    await expect(toggle.isVisible()).resolves.toBe(true);
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(page.locator('[data-search-link]').isVisible()).resolves.toBe(false);
    // The header takes one line, not a screenful.
    const header = await page.locator('.site-header').boundingBox();
    expect(header?.height ?? 999).toBeLessThan(70);
    await toggle.tap();
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
    for (const target of ['[data-search-link]', '[data-theme-toggle]', '.site-header a[href="/practice/"]']) {
      const box = await page.locator(target).boundingBox();
      expect(box, target).not.toBeNull();
      if (box) expect(box.x + box.width, target).toBeLessThanOrEqual(390);
    }
    await page.locator('[data-theme-toggle]').tap();
    await expect(page.evaluate(() => document.documentElement.dataset['theme'])).resolves.toMatch(/dark|light/);
    // Escape closes the menu and gives focus back to its button.
    await page.keyboard.press('Escape');
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    await context.close();
  });

  it('keeps the full header on a wide screen, with no menu button', async () => {
    const context = await contextAt(1280, 800);
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.locator('[data-menu-toggle]').isVisible()).resolves.toBe(false);
    await expect(page.locator('[data-search-link]').isVisible()).resolves.toBe(true);
    await expect(page.locator('[data-theme-toggle]').isVisible()).resolves.toBe(true);
    await context.close();
  });

  it('puts the lesson title first and "On this page" after it, collapsed', async () => {
    const context = await contextAt(390, 844, true);
    const page = await context.newPage();
    await page.goto('/lessons/sigmoid/');
    const title = await page.locator('h1').boundingBox();
    const toc = page.locator('.toc');
    const tocBox = await toc.boundingBox();
    expect(title && tocBox && tocBox.y > title.y + title.height - 1).toBe(true);
    // Collapsed: a one-line disclosure, the title on the first screen.
    expect(tocBox?.height ?? 999).toBeLessThan(80);
    expect(title?.y ?? 999).toBeLessThan(200);
    await expect(toc.locator('a').first().isVisible()).resolves.toBe(false);
    await toc.locator('summary').tap();
    await expect(toc.locator('a').first().isVisible()).resolves.toBe(true);
    await context.close();
  });
});
