import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
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

const deckReady = (page: Page) => page.waitForSelector('[data-deck][data-ready]', { state: 'attached' });
const hash = (page: Page) => page.evaluate(() => location.hash);
const currentSlide = (page: Page) => page.locator('.slide.slide-current').getAttribute('data-slide');
/** The 1-based number of the slide where the first derivation of at least `steps` steps begins. */
const derivationSlide = (page: Page, steps = 5) =>
  page.evaluate((n) => {
    // The caption says how many steps the whole derivation has, wherever its later steps went.
    const total = (d: Element) => Number(/\((\d+) steps\)/.exec(d.textContent ?? '')?.[1] ?? 0);
    const slide = [...document.querySelectorAll<HTMLElement>('[data-stage] > .slide')].find((s) =>
      [...s.querySelectorAll('.derivation')].some((d) => d.querySelector('[data-step="1"]') !== null && total(d) >= n),
    );
    return Number(slide?.dataset['slide'] ?? 0);
  }, steps);
/** The numbers of the derivation steps visible on the current slide (a long derivation continues on the next). */
const visibleSteps = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.slide-current .derivation [data-step]')]
      .filter((el) => getComputedStyle(el).visibility === 'visible' && el.getBoundingClientRect().height > 0)
      .map((el) => Number(el.dataset['step'])),
  );
/** Steps 1…k visible, k + 1 not: how far the derivation has been revealed. */
const revealedTo = async (page: Page) => {
  const steps = await visibleSteps(page);
  return Math.max(0, ...steps);
};

async function typeNumber(page: Page, n: number): Promise<void> {
  for (const digit of String(n)) await page.keyboard.press(digit);
  await page.keyboard.press('Enter');
}

describe('present mode', () => {
  it('opens a lesson as slides with a title slide, no errors and no external requests', async () => {
    const { page, context, errors, external } = await openPage(browser, '/present/sigmoid/');
    await deckReady(page);
    expect(await hash(page)).toBe('#/1');
    expect(await page.locator('.slide').count()).toBeGreaterThan(3);
    await expect(page.locator('.slide-current h1').innerText()).resolves.toMatch(/sigmoid/i);
    // The stage is 16:9 and fills the window's width or height.
    const box = await page.locator('.slide-current').boundingBox();
    const viewport = page.viewportSize();
    expect(box).not.toBeNull();
    expect(viewport).not.toBeNull();
    if (box && viewport) {
      expect(Math.abs(box.width / box.height - 16 / 9)).toBeLessThan(0.01);
      expect(Math.max(box.width / viewport.width, box.height / viewport.height)).toBeGreaterThan(0.99);
    }
    // Large type: body text on a slide is at least 32 logical px.
    const fontSize = await page
      .locator('.slide')
      .nth(1)
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(32);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await context.close();
  });

  it('steps through a derivation one click at a time with clicker keys', async () => {
    const { page, context, errors } = await openPage(browser, '/present/sigmoid/');
    await deckReady(page);
    const n = await derivationSlide(page);
    expect(n).toBeGreaterThan(1);
    await typeNumber(page, n);
    expect(await hash(page)).toBe(`#/${String(n)}`);
    // The first step is on the slide from the start; each click shows the next one, on this slide
    // or, once the slide is full, as the first step of the next slide ("continued").
    expect(await revealedTo(page)).toBe(1);
    await page.keyboard.press('ArrowRight');
    expect(await revealedTo(page)).toBe(2);
    expect(await visibleSteps(page)).not.toContain(3);
    await page.keyboard.press('PageDown'); // what a clicker sends
    expect(await revealedTo(page)).toBe(3);
    await page.keyboard.press('Space');
    expect(await revealedTo(page)).toBe(4);
    await page.keyboard.press('PageUp');
    await page.keyboard.press('ArrowLeft');
    expect(await revealedTo(page)).toBe(2);
    expect(await visibleSteps(page)).not.toContain(3);
    await page.keyboard.press('Home');
    expect(await hash(page)).toBe('#/1');
    await page.keyboard.press('End');
    expect(await currentSlide(page)).toBe(String(await page.locator('.slide').count()));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('jumps to a typed slide number', async () => {
    const { page, context } = await openPage(browser, '/present/sigmoid/');
    await deckReady(page);
    await typeNumber(page, 3);
    expect(await hash(page)).toBe('#/3');
    expect(await currentSlide(page)).toBe('3');
    // Only the current slide is exposed to assistive technology.
    expect(await page.locator('.slide:not([aria-hidden])').count()).toBe(1);
    await context.close();
  });

  it('opens the overview, moves with the arrows and opens a slide with Enter', async () => {
    const { page, context } = await openPage(browser, '/present/sigmoid/#/2');
    await deckReady(page);
    await page.keyboard.press('o');
    const overview = page.locator('[data-overview]');
    await expect(overview.isVisible()).resolves.toBe(true);
    const items = overview.locator('.overview-item');
    expect(await items.count()).toBe(await page.locator('[data-stage] > .slide').count());
    // The current slide has focus; → moves to the next thumbnail, Enter opens it.
    await expect(items.nth(1).evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect(overview.isVisible()).resolves.toBe(false);
    expect(await hash(page)).toBe('#/4');
    // Escape opens it too, and closes it again.
    await page.keyboard.press('Escape');
    await expect(overview.isVisible()).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await expect(overview.isVisible()).resolves.toBe(false);
    await context.close();
  });

  it('shows the help overlay and blacks out the screen', async () => {
    const { page, context } = await openPage(browser, '/present/sigmoid/');
    await deckReady(page);
    await page.keyboard.press('?');
    const help = page.locator('[data-help]');
    await expect(help.isVisible()).resolves.toBe(true);
    await expect(help.innerText()).resolves.toMatch(/Page Down/);
    await page.keyboard.press('Escape');
    await expect(help.isVisible()).resolves.toBe(false);
    await page.keyboard.press('b');
    await expect(page.locator('[data-blackout]').isVisible()).resolves.toBe(true);
    // Any key brings the class back without moving on.
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('[data-blackout]').isVisible()).resolves.toBe(false);
    expect(await hash(page)).toBe('#/1');
    await context.close();
  });

  it('keeps the slide and step across a reload', async () => {
    const { page, context } = await openPage(browser, '/present/sigmoid/');
    await deckReady(page);
    const n = await derivationSlide(page);
    await typeNumber(page, n);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await revealedTo(page)).toBe(3);
    const before = await hash(page);
    const slide = await currentSlide(page);
    await page.reload();
    await deckReady(page);
    expect(await hash(page)).toBe(before);
    expect(await currentSlide(page)).toBe(slide);
    expect(await revealedTo(page)).toBe(3);
    expect(await visibleSteps(page)).not.toContain(4);
    await context.close();
  });

  it('opens a speaker view that stays in step with the projector, both ways, widgets included', async () => {
    const { page, context, errors } = await openPage(browser, '/present/sigmoid/');
    await deckReady(page);
    const [speaker] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('s')]);
    await speaker.waitForLoadState();
    await deckReady(speaker);
    expect(new URL(speaker.url()).search).toBe('?speaker');
    await expect(speaker.locator('[data-speaker-panel]').isVisible()).resolves.toBe(true);
    await expect(speaker.locator('[data-notes]').isVisible()).resolves.toBe(true);
    await expect(speaker.locator('[data-elapsed]').innerText()).resolves.toMatch(/^\d+:\d{2}$/);
    await expect(speaker.locator('[data-clock]').innerText()).resolves.toMatch(/\d/);
    // The next-slide preview shows slide 2.
    await expect(speaker.locator('[data-next-label]').innerText()).resolves.toMatch(/Next slide: 2\./);
    // The teacher's clicker drives the speaker window; the projector follows.
    await speaker.keyboard.press('PageDown');
    await page.waitForFunction(() => location.hash === '#/2');
    // And the other way round.
    await page.keyboard.press('ArrowRight');
    await speaker.waitForFunction(() => location.hash === '#/3');
    // Blackout from the laptop blacks out the projector.
    await speaker.keyboard.press('b');
    await page.locator('[data-blackout]').waitFor({ state: 'visible' });
    await speaker.keyboard.press('b');
    await page.locator('[data-blackout]').waitFor({ state: 'hidden' });

    // Widget protocol: a `widget-state` event in one window is applied in the other with
    // `widget-state-apply` on the element of the same id, and is not echoed back. The test widget
    // announces every state it applies, as a careless widget would: the deck must not relay those.
    const install = (p: Page) =>
      p.evaluate(() => {
        const widget = document.createElement('div');
        widget.id = 'test-widget';
        document.querySelector('.slide-current .slide-content')?.append(widget);
        const w = window as unknown as { applied: unknown[] };
        w.applied = [];
        widget.addEventListener('widget-state-apply', (e) => {
          const detail: unknown = (e as CustomEvent).detail;
          w.applied.push(detail);
          widget.dispatchEvent(new CustomEvent('widget-state', { bubbles: true, detail }));
        });
      });
    const applied = (p: Page) => p.evaluate(() => (window as unknown as { applied: unknown[] }).applied);
    const announce = (p: Page, state: Record<string, string>) =>
      p.evaluate((s) => {
        document
          .getElementById('test-widget')
          ?.dispatchEvent(new CustomEvent('widget-state', { bubbles: true, detail: { id: 'test-widget', state: s } }));
      }, state);
    await install(page);
    await install(speaker);
    await announce(speaker, { z: '1.5' });
    await page.waitForFunction(() => (window as unknown as { applied: unknown[] }).applied.length > 0);
    expect(await applied(page)).toEqual([{ id: 'test-widget', state: { z: '1.5' } }]);
    // An echo would leave the projector before anything it sends later (one channel keeps the
    // order), so once the projector's next state has arrived, the speaker view has seen any echo.
    await announce(page, { z: '-2' });
    await speaker.waitForFunction(() => (window as unknown as { applied: unknown[] }).applied.length > 0);
    expect(await applied(speaker)).toEqual([{ id: 'test-widget', state: { z: '-2' } }]);
    expect(await applied(page)).toEqual([{ id: 'test-widget', state: { z: '1.5' } }]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('prints one slide per page with every step and the math', async () => {
    const { page, context } = await openPage(browser, '/present/sigmoid/');
    await deckReady(page);
    await page.emulateMedia({ media: 'print' });
    const slides = await page.locator('.slide').count();
    // Every slide and every fragment is shown in print.
    const hiddenInPrint = await page.evaluate(
      () =>
        [...document.querySelectorAll<HTMLElement>('.slide, .slide .fragment')].filter(
          (el) => getComputedStyle(el).visibility !== 'visible',
        ).length,
    );
    expect(hiddenInPrint).toBe(0);
    expect(await page.locator('.slide .katex').count()).toBeGreaterThan(10);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBe(slides);
    await context.close();
  });

  it('opens with the cut the browser itself makes, at 1280×720 and at 1920×1080', async () => {
    const decks = builtPages().filter((p) => /^\/present\/[^/]+\/$/.test(p));
    expect(decks.length).toBeGreaterThan(0);
    for (const [width, height] of [
      [1280, 720],
      [1920, 1080],
    ] as const) {
      const context = await browser.newContext({ baseURL: inject('baseURL'), viewport: { width, height } });
      const page = await context.newPage();
      for (const path of decks) {
        await page.goto(path);
        await deckReady(page);
        const built = await page.locator('script[data-deck-plan]').textContent();
        const plan = JSON.parse(built ?? 'null') as { fits: number[] } | null;
        expect(plan, `${path}: the build wrote no cut`).not.toBeNull();
        // The slides as opened follow the plan: one per cut, each at the scale the plan gives.
        const fits = await page
          .locator('[data-stage] > .slide')
          .evaluateAll((slides) =>
            slides.map((s) => Number(s.querySelector<HTMLElement>('.slide-content')?.style.getPropertyValue('--fit'))),
          );
        expect(fits, path).toEqual(plan?.fits);
        // And the plan is what this browser measures now, at this window size.
        await page.goto(`${path}?measure-cut`);
        const measured = await page.locator('[data-deck][data-plan]').getAttribute('data-plan');
        expect(JSON.parse(measured ?? 'null'), `${path} at ${String(width)}×${String(height)}`).toEqual(plan);
      }
      await context.close();
    }
  }, 120_000);

  it.each([
    ['without the plan (a build without Chromium)', () => ''],
    [
      'with a stale plan (a section fewer)',
      (json: string) => {
        const plan = JSON.parse(json) as { sections: unknown[] };
        return JSON.stringify({ ...plan, sections: plan.sections.slice(1) });
      },
    ],
  ])(
    'cuts the deck itself, the same way, %s',
    async (_, edit) => {
      const context = await browser.newContext({ baseURL: inject('baseURL'), viewport: { width: 1280, height: 720 } });
      const page = await context.newPage();
      await page.goto('/present/wider-family/');
      await deckReady(page);
      const labels = () =>
        page.locator('[data-stage] > .slide').evaluateAll((slides) => slides.map((s) => s.getAttribute('aria-label')));
      const planned = await labels();
      const original = await page.locator('script[data-deck-plan]').textContent();
      await context.route('**/present/wider-family/', async (route) => {
        const response = await route.fetch();
        const html = (await response.text()).replace(
          /(<script type="application\/json" data-deck-plan>)(.*?)(<\/script>)/,
          (_m, open: string, json: string, close: string) => open + edit(json) + close,
        );
        await route.fulfill({ response, body: html });
      });
      await page.reload();
      await deckReady(page);
      // The page really carried the edited plan, and the deck cut the same slides from it.
      await expect(page.locator('script[data-deck-plan]').textContent()).resolves.toBe(edit(original ?? ''));
      expect(await labels()).toEqual(planned);
      await context.close();
    },
    60_000,
  );

  it('presents every lesson', async () => {
    const lessons = builtPages().filter((p) => /^\/present\/[^/]+\/$/.test(p));
    expect(lessons.length).toBeGreaterThan(0);
    for (const path of lessons) {
      const { page, context, errors, external } = await openPage(browser, path);
      await deckReady(page);
      const count = await page.locator('.slide').count();
      expect(count, path).toBeGreaterThan(1);
      // Walk to the end by clicks alone: one click per step and per slide, ending fully revealed.
      const fragments = await page
        .locator('.slide')
        .evaluateAll((slides) => slides.map((s) => s.querySelectorAll('.fragment').length));
      const clicks = fragments.reduce((sum, n) => sum + n + 1, 0) - 1;
      for (let i = 0; i < clicks; i++) await page.keyboard.press('PageDown');
      const last = fragments[fragments.length - 1] ?? 0;
      expect(await hash(page), path).toBe(last > 0 ? `#/${String(count)}/${String(last)}` : `#/${String(count)}`);
      // Nothing sticks out of a slide's sides on screen: wide content is scaled, tall content follows the newest step.
      const overflow = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.slide')].flatMap((slide) => {
          const edge = slide.getBoundingClientRect();
          return [...slide.querySelectorAll('.slide-content, .slide-content *')]
            .filter((el) => {
              // KaTeX's MathML copy and visually hidden text are clipped to nothing on purpose.
              // Shapes inside an SVG are clipped by the SVG itself, which is checked.
              if (el.closest('.katex-mathml, .visually-hidden') !== null) return false;
              if (el instanceof SVGElement && el.ownerSVGElement !== null) return false;
              const box = el.getBoundingClientRect();
              return box.width > 0 && (box.right > edge.right + 2 || box.left < edge.left - 2);
            })
            .map((el) => `slide ${slide.dataset['slide'] ?? '?'}: ${el.tagName}.${el.getAttribute('class') ?? ''}`);
        }),
      );
      expect(overflow, path).toEqual([]);
      expect(errors, path).toEqual([]);
      expect(external, path).toEqual([]);
      await context.close();
    }
  }, 120_000);
});
