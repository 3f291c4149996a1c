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
        (el) =>
          `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''} → ${String(el.getBoundingClientRect().right)}`,
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

  it.each([
    ['/lessons/stable-computation/', '.float-failures'],
    ['/lessons/backprop-through-a-layer/', '.backprop-example'],
    ['/lessons/backprop-through-a-layer/', '.gradient-check'],
  ])('%s: the numbers table %s scrolls in its labelled box, its caption wrapped in view', async (path, figure) => {
    const context = await contextAt(390, 844, true);
    const page = await context.newPage();
    await page.goto(path);
    const box = page.locator(`${figure} [role="region"]`);
    await box.scrollIntoViewIfNeeded();
    const read = () =>
      box.evaluate((el) => {
        const table = el.querySelector('table') as HTMLTableElement;
        const caption = el.querySelector('caption') as HTMLElement;
        const b = el.getBoundingClientRect();
        const c = caption.getBoundingClientRect();
        return {
          label: el.getAttribute('aria-label') ?? '',
          focusable: el.tabIndex === 0,
          // The box is what scrolls (the table stays a table), so the keyboard scrolls it once focused.
          boxScrolls: el.scrollWidth > el.clientWidth,
          tableDisplay: getComputedStyle(table).display,
          captionInside: c.left >= b.left - 1 && c.right <= b.right + 1,
        };
      });
    const before = await read();
    expect(before).toMatchObject({ focusable: true, boxScrolls: true, tableDisplay: 'table', captionInside: true });
    expect(before.label).toMatch(/scrolls sideways/);
    // Focused, the arrow keys scroll it; scrolled to the end, the caption is still in view.
    await box.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    await box.evaluate((el) => {
      el.scrollLeft = el.scrollWidth;
    });
    expect((await read()).captionInside).toBe(true);
    await context.close();
  });

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

const decks = pages.filter((p) => /^\/present\/[^/]+\/$/.test(p));

/** What is wrong with the current slide, fully revealed: scrolling, clipping, the HUD over content. */
interface SlideReport {
  readonly slide: number;
  readonly problems: string[];
  /** The smallest rendered text, in CSS px: prose (paragraphs, lists, headings) and anything else. */
  readonly minProse: number;
  readonly minText: number;
  /** The element with the smallest text, to say what to fix. */
  readonly smallest: string;
}

/** Walks every slide of the open deck (each at its last step) and reports on it. */
const walkSlides = (page: Page) =>
  page.evaluate(async () => {
    const frame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const slides = [...document.querySelectorAll<HTMLElement>('[data-stage] > .slide')];
    const hud = document.querySelector<HTMLElement>('[data-hud]');
    // Text for screen readers only (KaTeX's MathML, visually hidden labels) is clipped on purpose.
    const skip = (el: Element) => {
      if (el.closest('.katex-mathml, .visually-hidden, [hidden]') !== null) return true;
      const box = el.getBoundingClientRect();
      return box.width <= 2 && box.height <= 2 && getComputedStyle(el).overflow === 'hidden';
    };
    const shown = (el: Element) => {
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      return style.visibility === 'visible' && style.display !== 'none' && box.width > 0 && box.height > 0;
    };
    const name = (el: Element) => `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}`;
    const reports: SlideReport[] = [];
    for (const [i, slide] of slides.entries()) {
      const fragments = slide.querySelectorAll('.fragment').length;
      location.hash = `#/${String(i + 1)}${fragments > 0 ? `/${String(fragments)}` : ''}`;
      // Measured once the deck shows this slide at its last step and its moves (the offset that
      // follows the newest step) have finished.
      const problems: string[] = [];
      const atLastStep = () =>
        slide.classList.contains('slide-current') && slide.querySelector('.fragment:not(.fragment-shown)') === null;
      for (let frames = 0; !atLastStep() && frames < 120; frames++) await frame();
      if (!atLastStep()) problems.push('never showed at its last step');
      await Promise.all(slide.getAnimations({ subtree: true }).map((a) => a.finished));
      const content = slide.querySelector<HTMLElement>('.slide-content');
      const edge = slide.getBoundingClientRect();
      if (slide.classList.contains('slide-scrolled')) problems.push('scrolls to follow its newest step');
      if (content && content.getBoundingClientRect().bottom > edge.bottom + 1)
        problems.push('content runs below the slide');
      const all = [...slide.querySelectorAll('.slide-content *')].filter((el) => !skip(el));
      for (const el of all) {
        const style = getComputedStyle(el);
        // A box that scrolls inside the slide, sideways or down.
        if (
          el instanceof HTMLElement &&
          /auto|scroll|hidden/.test(style.overflowX + style.overflowY) &&
          (el.scrollWidth > el.clientWidth + 2 || el.scrollHeight > el.clientHeight + 2) &&
          shown(el)
        )
          problems.push(`${name(el)} scrolls inside the slide`);
        if (el instanceof SVGElement && el.ownerSVGElement !== null) continue;
        if (!shown(el)) continue;
        const box = el.getBoundingClientRect();
        if (
          box.right > edge.right + 1 ||
          box.left < edge.left - 1 ||
          box.bottom > edge.bottom + 1 ||
          box.top < edge.top - 1
        )
          problems.push(`${name(el)} is cut off by the slide's edge`);
      }
      // The control bar never covers content (text, math, plots, controls).
      const bar = hud?.getBoundingClientRect();
      if (bar) {
        const leaves = all.filter(
          (el) =>
            shown(el) &&
            (el.matches('svg, input, select, button, output') ||
              [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '')),
        );
        const covered = leaves.find((el) => {
          const b = el.getBoundingClientRect();
          return b.left < bar.right && b.right > bar.left && b.top < bar.bottom && b.bottom > bar.top;
        });
        if (covered) problems.push(`the control bar covers ${name(covered)}`);
      }
      // Rendered text size: the computed size times every scale between the layout and the screen.
      let minProse = Infinity;
      let minText = Infinity;
      let smallest = '';
      for (const el of all) {
        if (!shown(el)) continue;
        const hasText = [...el.childNodes].some(
          (n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '',
        );
        if (!hasText) continue;
        // Inside KaTeX only the formula's base size counts (scripts are smaller by design).
        if (el.closest('.katex') !== null && !el.matches('.katex')) continue;
        let px: number;
        if (el instanceof SVGElement) {
          const svg = el.ownerSVGElement;
          if (svg === null) continue;
          const viewWidth = svg.viewBox.baseVal.width || svg.width.baseVal.value;
          px = parseFloat(getComputedStyle(el).fontSize) * (svg.getBoundingClientRect().width / viewWidth);
        } else if (content !== null && content.offsetWidth > 0) {
          // Every HTML box on the slide shares the stage's and the content's scale (a wide box measures it precisely).
          px =
            parseFloat(getComputedStyle(el).fontSize) * (content.getBoundingClientRect().width / content.offsetWidth);
        } else continue;
        if (px < minText) smallest = name(el);
        minText = Math.min(minText, px);
        if (el.matches('p, li, td, th, h1, h2, h3') && el.closest('.plot-widget, figcaption') === null)
          minProse = Math.min(minProse, px);
      }
      reports.push({ slide: i + 1, problems: [...new Set(problems)], minProse, minText, smallest });
    }
    return reports;
  });

describe('projector', () => {
  const sizes = [
    [1280, 720],
    [1366, 768],
    [1920, 1080],
  ] as const;
  it.each(sizes)(
    'no slide of any deck scrolls, clips or hides under the controls at %i×%i',
    async (width, height) => {
      const context = await contextAt(width, height);
      const page = await context.newPage();
      const failures: string[] = [];
      let total = 0;
      for (const path of decks) {
        await page.goto(path);
        await page.waitForSelector('[data-deck][data-ready]', { state: 'attached' });
        const reports = await walkSlides(page);
        total += reports.length;
        for (const r of reports)
          if (r.problems.length > 0) failures.push(`${path}#/${String(r.slide)}: ${r.problems.join('; ')}`);
      }
      console.log(`${String(width)}×${String(height)}: ${String(failures.length)} of ${String(total)} slides fail`);
      expect(failures).toEqual([]);
      await context.close();
    },
    300_000,
  );

  it('keeps text ≥ 28 px and labels ≥ 24 px at 1280×720', async () => {
    const context = await contextAt(1280, 720);
    const page = await context.newPage();
    const failures: string[] = [];
    for (const path of decks) {
      await page.goto(path);
      await page.waitForSelector('[data-deck][data-ready]', { state: 'attached' });
      for (const r of await walkSlides(page)) {
        if (r.minProse < 28 - 0.05) failures.push(`${path}#/${String(r.slide)}: text ${r.minProse.toFixed(1)} px`);
        if (r.minText < 24 - 0.05)
          failures.push(`${path}#/${String(r.slide)}: labels ${r.minText.toFixed(1)} px (${r.smallest})`);
      }
    }
    expect(failures).toEqual([]);
    await context.close();
  }, 300_000);
});

describe('projector details', () => {
  it('keeps the newest-step marker clear of the step label', async () => {
    const context = await contextAt(1280, 720);
    const page = await context.newPage();
    await page.goto('/present/sigmoid/');
    await page.waitForSelector('[data-deck][data-ready]', { state: 'attached' });
    const n = await page.evaluate(() => {
      const slide = [...document.querySelectorAll<HTMLElement>('[data-stage] > .slide')].find(
        (s) => s.querySelector('.derivation .fragment') !== null,
      );
      return Number(slide?.dataset['slide'] ?? 0);
    });
    expect(n).toBeGreaterThan(0);
    await page.evaluate((slide) => (location.hash = `#/${String(slide)}/1`), n);
    const gap = await page.locator('.slide-current .fragment-current').evaluate((step) => {
      const marker = parseFloat(getComputedStyle(step).boxShadow.match(/(\d+(\.\d+)?)px 0px 0px 0px/)?.[1] ?? '0');
      const label = step.querySelector('.step-number')?.getBoundingClientRect();
      const box = step.getBoundingClientRect();
      const scale = box.width / (step as HTMLElement).offsetWidth;
      return label === undefined ? -1 : label.left - box.left - marker * scale;
    });
    expect(gap).toBeGreaterThan(4);
    await context.close();
  });

  it('speaks of clicks on slides and of buttons on the page', async () => {
    const context = await contextAt(1280, 720);
    const page = await context.newPage();
    await page.goto('/lessons/sigmoid/');
    await expect(page.locator('main').innerText()).resolves.toContain('Use Next step');
    await page.goto('/present/sigmoid/');
    await page.waitForSelector('[data-deck][data-ready]', { state: 'attached' });
    const text = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[data-stage] > .slide')]
        .map((s) => {
          s.classList.add('slide-current');
          const t = s.innerText;
          s.classList.remove('slide-current');
          return t;
        })
        .join('\n'),
    );
    expect(text).toContain('Each click reveals the next line');
    expect(text).not.toMatch(/Next step|Show all steps/);
    await context.close();
  });

  it('opens the help at its top, and 0 + Enter does not move on', async () => {
    const context = await contextAt(1280, 720);
    const page = await context.newPage();
    await page.goto('/present/sigmoid/#/2');
    await page.waitForSelector('[data-deck][data-ready]', { state: 'attached' });
    await page.keyboard.press('0');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => location.hash)).resolves.toBe('#/2');
    await page.setViewportSize({ width: 1280, height: 400 });
    await page.keyboard.press('?');
    await expect(page.locator('[data-help]').evaluate((el) => el.scrollTop)).resolves.toBe(0);
    await expect(page.locator('#deck-help-title').isVisible()).resolves.toBe(true);
    const top = await page.locator('#deck-help-title').boundingBox();
    expect(top?.y ?? -1).toBeGreaterThanOrEqual(0);
    await context.close();
  });

  it('shows every slide note whole in the speaker view at 1280×800', async () => {
    const context = await contextAt(1280, 800);
    const page = await context.newPage();
    const failures: string[] = [];
    for (const path of decks) {
      await page.goto(`${path}?speaker`);
      await page.waitForSelector('[data-deck][data-ready]', { state: 'attached' });
      const count = await page.locator('[data-stage] > .slide').count();
      for (let i = 1; i <= count; i++) {
        await page.evaluate((n) => (location.hash = `#/${String(n)}`), i);
        await page.waitForFunction((n) => location.hash.startsWith(`#/${String(n)}`), i);
        const { overflow, size } = await page.evaluate(() => {
          const notes = document.querySelector<HTMLElement>('[data-notes]');
          const pane = notes?.parentElement;
          return {
            overflow: pane ? pane.scrollHeight - pane.clientHeight : 999,
            size: notes ? parseFloat(getComputedStyle(notes).fontSize) : 0,
          };
        });
        if (overflow > 1 || size < 18)
          failures.push(`${path}#/${String(i)}: ${String(overflow)} px hidden, ${String(size)} px type`);
      }
    }
    expect(failures).toEqual([]);
    await context.close();
  }, 300_000);
});

describe('keyboard and print', () => {
  it('reaches a plot below the fold by Tab alone, before it was ever scrolled into view', async () => {
    const context = await contextAt(1280, 720);
    const page = await context.newPage();
    await page.goto('/lessons/sigmoid/');
    const plot = page.locator('activation-plot .plot-area').first();
    await expect(plot.getAttribute('role')).resolves.toBe('slider');
    await expect(plot.getAttribute('tabindex')).resolves.toBe('0');
    let reached = false;
    for (let i = 0; i < 300 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await plot.evaluate((el) => el === document.activeElement);
    }
    expect(reached).toBe(true);
    // Focus woke the widget: the arrow keys move the point.
    const before = await page.locator('activation-plot [data-out="z"]').first().innerText();
    await page.locator('activation-plot[data-ready]').first().waitFor({ state: 'attached' });
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('activation-plot [data-out="z"]').first().innerText()).not.toBe(before);
    await context.close();
  });

  it('prints every "Why?" note of a lesson', async () => {
    const context = await contextAt(1280, 720);
    const page = await context.newPage();
    await page.goto('/lessons/sigmoid/');
    await page.emulateMedia({ media: 'print' });
    const notes = page.locator('.step-why p');
    expect(await notes.count()).toBeGreaterThan(0);
    const hidden = await notes.evaluateAll((all) => all.filter((p) => p.getBoundingClientRect().height === 0).length);
    expect(hidden).toBe(0);
    await context.close();
  });
});

describe('details seen', () => {
  it('keeps inline fractions on different lines apart, in every lesson', async () => {
    const context = await contextAt(1280, 800);
    const page = await context.newPage();
    const failures: string[] = [];
    for (const path of pages.filter((p) => p.startsWith('/lessons/'))) {
      await page.goto(path);
      const touching = await page.evaluate(() => {
        // Fractions in running text (not display math): the boxes of two on different lines must not meet.
        const boxes = [...document.querySelectorAll('.prose :is(p, li) > .katex .mfrac')]
          .filter((el) => el.closest('.katex-display') === null)
          .map((el) => ({ el, box: el.getBoundingClientRect() }));
        const found: string[] = [];
        for (const a of boxes)
          for (const b of boxes) {
            if (a === b || a.box.top >= b.box.top || a.box.bottom < b.box.top - 1) continue;
            const sameLine = Math.abs(a.box.top - b.box.top) < 4;
            const overlapX = a.box.left < b.box.right && b.box.left < a.box.right;
            if (!sameLine && overlapX) found.push(a.el.closest('p, li')?.textContent?.slice(0, 40) ?? '');
          }
        return found;
      });
      for (const t of touching) failures.push(`${path}: ${t}`);
    }
    expect(failures).toEqual([]);
    await context.close();
  });

  it('spaces the separators in the lesson tools', async () => {
    const context = await contextAt(1280, 800);
    const page = await context.newPage();
    await page.goto('/lessons/sigmoid/');
    await expect(page.locator('.lesson-tools').innerText()).resolves.toMatch(
      /Present as slides · Formula sheet · print/,
    );
    await context.close();
  });

  it('shows σ(8) as below 1 in the readout', async () => {
    const context = await contextAt(1280, 800);
    const page = await context.newPage();
    await page.goto('/explore/?explorer.fn=sigmoid&explorer.z=8');
    await page.locator('#explorer[data-ready]').waitFor({ state: 'attached' });
    await expect(page.locator('#explorer [data-out="g"]').innerText()).resolves.toBe('0.9997');
    await context.close();
  });
});

describe('slides on a phone', () => {
  it('reads a deck as one page in large type when the phone is upright', async () => {
    const context = await contextAt(390, 844, true);
    const page = await context.newPage();
    await page.goto('/present/sigmoid/');
    await expect(page.locator('[data-reading-note]').isVisible()).resolves.toBe(true);
    expect(await page.locator('.slide').count()).toBe(0);
    await expect(page.locator('h1').isVisible()).resolves.toBe(true);
    const size = await page
      .locator('.deck-source p')
      .first()
      .evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
    expect(size).toBeGreaterThanOrEqual(16);
    await context.close();
  });
});
