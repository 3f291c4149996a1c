import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './support/chromium.ts';

// A long page renders only what is near the viewport (content-visibility: auto on its heavy blocks),
// and loses nothing by it: find-in-page reaches a block never shown, print lays out everything,
// and scrolling through does not move what is on screen. Checked on the longest lesson and on a
// deck read as one page on a phone (present mode's reading view), where a phone loads it.

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

/** CLS goal of the performance issue; a shift while scrolling counts like one at load. */
const CLS_GOAL = 0.02;

const pages = [
  { path: '/lessons/wider-family/', blocks: '.lesson-body' },
  { path: '/present/wider-family/', blocks: '.deck-source' },
] as const;

async function phone(path: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL: inject('baseURL'),
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
    deviceScaleFactor: 2,
  });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { shiftSum: number };
    w.shiftSum = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
        if (!entry.hadRecentInput) w.shiftSum += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(path, { waitUntil: 'load' });
  // Which blocks are near the viewport is decided at a rendering frame: wait for two.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return page;
}

/**
 * The page's blocks with `content-visibility: auto`, and how many of them are skipped now (a block
 * whose content Chromium does not render: its first child is not visible under contentVisibilityAuto).
 */
const skippedBlocks = (page: Page) =>
  page.evaluate(() => {
    const blocks = [...document.querySelectorAll<HTMLElement>('body *')].filter(
      (el) => getComputedStyle(el).contentVisibility === 'auto' && el.firstElementChild !== null,
    );
    const skipped = blocks.filter(
      (el) => !(el.firstElementChild as Element).checkVisibility({ contentVisibilityAuto: true }),
    );
    return { blocks: blocks.length, skipped: skipped.length };
  });

describe('a long page on a phone', () => {
  for (const { path, blocks } of pages) {
    it(`${path} renders only the blocks near the viewport at load`, async () => {
      const page = await phone(path);
      const { blocks: total, skipped } = await skippedBlocks(page);
      expect(total).toBeGreaterThan(30);
      // One 844 px screen (plus Chromium's margin) holds a few blocks of dozens.
      expect(skipped / total).toBeGreaterThan(0.75);
      // The first block on screen is rendered.
      const first = await page
        .locator(`${blocks} > *`)
        .first()
        .evaluate((el) => el.checkVisibility({ contentVisibilityAuto: true }));
      expect(first).toBe(true);
      await page.context().close();
    });

    it(`${path} finds text in a block never rendered, and shows it`, async () => {
      const page = await phone(path);
      const found = await page.evaluate(() => {
        // A phrase of prose that occurs once on the page, in its last derivation (far below the fold).
        const last = [...document.querySelectorAll('derivation-steps')].at(-1);
        if (last === undefined) return { error: 'no derivation' };
        const wasSkipped = !(last.firstElementChild as Element).checkVisibility({ contentVisibilityAuto: true });
        const walker = document.createTreeWalker(last, NodeFilter.SHOW_TEXT);
        let phrase = '';
        for (let n = walker.nextNode(); n !== null && phrase === ''; n = walker.nextNode()) {
          if (n.parentElement?.closest('.katex, script, template, noscript, [hidden], button') != null) continue;
          const text = (n.textContent ?? '').trim();
          if (text.length >= 20 && (document.body.textContent ?? '').split(text.slice(0, 20)).length === 2)
            phrase = text.slice(0, 20);
        }
        const hit = (window as unknown as { find: (s: string) => boolean }).find(phrase);
        return {
          phrase,
          wasSkipped,
          hit,
          selected: window.getSelection()?.toString() ?? '',
          shown: (last.firstElementChild as Element).checkVisibility({ contentVisibilityAuto: true }),
          scrolled: window.scrollY > 2000,
        };
      });
      expect(found).toMatchObject({ wasSkipped: true, hit: true, shown: true, scrolled: true });
      expect(found.selected).toBe(found.phrase);
      await page.context().close();
    });

    it(`${path} lays out every block in print`, async () => {
      const page = await phone(path);
      await page.emulateMedia({ media: 'print' });
      const auto = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('body *')]
          .filter((el) => getComputedStyle(el).contentVisibility === 'auto')
          .map((el) => el.localName + (el.className === '' ? '' : `.${String(el.className).split(' ')[0]}`))
          .slice(0, 5),
      );
      expect(auto).toEqual([]);
      await page.context().close();
    });

    it(`${path} does not move what is on screen while a reader scrolls to the end`, async () => {
      const page = await phone(path);
      const atLoad = await page.evaluate(() => (window as unknown as { shiftSum: number }).shiftSum);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      // A screen at a time with the wheel, as a reader would; each step waits for the next frame.
      for (let y = 0; y < height; y += 700) {
        await page.mouse.wheel(0, 700);
        await page.evaluate(
          () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
        );
      }
      const { sum, scrolledTo } = await page.evaluate(() => ({
        sum: (window as unknown as { shiftSum: number }).shiftSum,
        scrolledTo: window.scrollY,
      }));
      expect(scrolledTo).toBeGreaterThan(height / 2);
      expect(atLoad).toBeLessThanOrEqual(CLS_GOAL);
      expect(sum - atLoad).toBeLessThanOrEqual(CLS_GOAL);
      await page.context().close();
    });
  }
});
