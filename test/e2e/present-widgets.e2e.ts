import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/chromium.ts';
import { openPage } from './support/page.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

/** The sigmoid lesson's `<ActivationPlot activation="sigmoid" z={2} …/>` (default id `<activation>-plot`). */
const plot = '#sigmoid-plot';
const deckReady = (page: Page) => page.waitForSelector('[data-deck][data-ready]', { state: 'attached' });
const widgetReady = (page: Page) => page.waitForSelector(`${plot}[data-ready]`, { state: 'attached', timeout: 10_000 });
const readoutZ = (page: Page) => page.locator(`${plot} [data-out="z"]`).evaluate((el) => el.textContent);
const hash = (page: Page) => page.evaluate(() => location.hash);

/** Wait until the window's z readout shows `z`; fails with the last value seen. */
async function waitForZ(page: Page, z: string): Promise<void> {
  await page
    .waitForFunction(
      ([selector, expected]) => document.querySelector(`${selector} [data-out="z"]`)?.textContent === expected,
      [plot, z] as const,
      { timeout: 5_000 },
    )
    .catch(async () => {
      throw new Error(`z readout is ${await readoutZ(page)}, expected ${z}`);
    });
}

async function typeNumber(page: Page, n: number): Promise<void> {
  for (const digit of String(n)) await page.keyboard.press(digit);
  await page.keyboard.press('Enter');
}

/** Goes to the slide holding the plot (typed, as a teacher would); returns its number. */
async function gotoPlotSlide(page: Page): Promise<number> {
  const n = await page.evaluate(
    (selector) => Number(document.querySelector(selector)?.closest<HTMLElement>('.slide')?.dataset['slide'] ?? 0),
    plot,
  );
  expect(n).toBeGreaterThan(1);
  await typeNumber(page, n);
  expect(await hash(page)).toBe(`#/${String(n)}`);
  return n;
}

/** Moves the point with the keyboard, as a reader would: focus the plot area, press arrows. */
async function pressOnPlot(page: Page, key: string, times: number): Promise<void> {
  await page.locator(`${plot} .plot-area`).focus();
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

/** Counts `widget-state` events that reach the document (what present mode relays to the other window). */
const countAnnouncements = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { announced: unknown[] };
    w.announced = [];
    document.addEventListener('widget-state', (e) => w.announced.push((e as CustomEvent).detail));
  });
const announced = (page: Page) => page.evaluate(() => (window as unknown as { announced: unknown[] }).announced);

describe('plot widgets in present mode', () => {
  it('keeps a plot in step between the projector and the speaker view, both ways, and shows the notes', async () => {
    const { page, context, errors, external } = await openPage(browser, '/present/sigmoid/');
    await deckReady(page);
    const n = await gotoPlotSlide(page);

    const [speaker] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('s')]);
    await speaker.waitForLoadState();
    await deckReady(speaker);
    await speaker.waitForFunction((h) => location.hash === h, `#/${String(n)}`);
    await widgetReady(page);
    await widgetReady(speaker);
    const start = await readoutZ(page);
    expect(start).toBe('2');
    expect(await readoutZ(speaker)).toBe(start);

    // Projector → speaker view: three steps of 0.1 to the right.
    await pressOnPlot(page, 'ArrowRight', 3);
    await waitForZ(page, '2.3');
    await waitForZ(speaker, '2.3');
    // The arrows moved the point, not the slides, in either window.
    expect(await hash(page)).toBe(`#/${String(n)}`);

    // Speaker view → projector: ten steps to the left.
    await pressOnPlot(speaker, 'ArrowLeft', 10);
    await waitForZ(speaker, '1.3');
    await waitForZ(page, '1.3');
    expect(await hash(speaker)).toBe(`#/${String(n)}`);
    // The projector's URL mirrors the received state, so a reload keeps it.
    await page.waitForFunction(() => new URLSearchParams(location.search).get('sigmoid-plot.z') === '1.3');

    // Speaker notes: not on the slides, but in the speaker view for the slide they sit in.
    await expect(page.locator('.slide [data-speaker-notes]').count()).resolves.toBe(0);
    // Keys go to the slides again once the plot loses focus (on the plot, Home moves z to the left end).
    await speaker.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await speaker.keyboard.press('Home');
    await page.waitForFunction(() => location.hash === '#/1');
    await expect(speaker.locator('[data-notes]').innerText()).resolves.toMatch(/No notes/);
    await speaker.keyboard.press('ArrowRight');
    await page.waitForFunction(() => location.hash === '#/2');
    await expect(speaker.locator('.slide-current h2').first().innerText()).resolves.toBe('The function');
    const notes = speaker.locator('[data-notes]');
    await expect(notes.isVisible()).resolves.toBe(true);
    await expect(notes.innerText()).resolves.toMatch(/sketch the S shape/);
    await expect(notes.locator('li').count()).resolves.toBeGreaterThan(1);
    // The projector shows no notes anywhere.
    await expect(page.getByText('sketch the S shape').count()).resolves.toBe(0);

    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await context.close();
  });

  it('applies a received state without announcing it again (no echo)', async () => {
    const { page, context, errors } = await openPage(browser, '/present/sigmoid/');
    await deckReady(page);
    await gotoPlotSlide(page);
    await widgetReady(page);
    await countAnnouncements(page);
    // A reader's move is announced once per move: this is what the check below relies on.
    await pressOnPlot(page, 'ArrowRight', 1);
    await waitForZ(page, '2.1');
    expect(await announced(page)).toEqual([
      { id: 'sigmoid-plot', state: { fn: 'sigmoid', z: '2.1', eps: '0.01', range: '8' } },
    ]);
    // A state from the other window is drawn, and not announced.
    await page.evaluate(
      ([selector, z]) =>
        document
          .querySelector(selector)
          ?.dispatchEvent(new CustomEvent('widget-state-apply', { detail: { id: 'sigmoid-plot', state: { z } } })),
      [plot, '-3'] as const,
    );
    await waitForZ(page, '−3');
    // The reader moves once more. Its URL write comes a debounce after the move, so by then anything
    // the received state set off (in a frame, or debounced) has happened: only the move is announced.
    await pressOnPlot(page, 'ArrowRight', 1);
    await waitForZ(page, '−2.9');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('sigmoid-plot.z') === '-2.9');
    expect(await announced(page)).toEqual([
      { id: 'sigmoid-plot', state: { fn: 'sigmoid', z: '2.1', eps: '0.01', range: '8' } },
      { id: 'sigmoid-plot', state: { fn: 'sigmoid', z: '-2.9', eps: '0.01', range: '8' } },
    ]);
    // A malformed state, or one for another widget, changes nothing; a good one sent after them
    // (the range alone) is drawn, and z is still the reader's.
    await page.evaluate((selector) => {
      const el = document.querySelector(selector);
      const apply = (detail: unknown) => el?.dispatchEvent(new CustomEvent('widget-state-apply', { detail }));
      apply({ id: 'sigmoid-plot', state: { z: 4 } });
      apply({ id: 'other', state: { z: '4' } });
      apply({ id: 'sigmoid-plot', state: { range: '6' } });
    }, plot);
    await page.waitForFunction(
      (selector) => document.querySelector(`${selector} [data-out="range"]`)?.textContent === '±6',
      plot,
    );
    expect(await readoutZ(page)).toBe('−2.9');
    expect(await announced(page)).toHaveLength(2);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('wakes a widget that has not hydrated yet and applies the state it was sent', async () => {
    const { page, context, errors } = await openPage(browser, '/404.html');
    await page.setViewportSize({ width: 1280, height: 400 });
    await page.goto('/lessons/sigmoid/');
    await page.evaluate(() => customElements.whenDefined('activation-plot'));
    // Far below the fold: still the static picture.
    await expect(page.locator(plot).getAttribute('data-ready')).resolves.toBeNull();
    await expect(page.locator(plot).getAttribute('data-loading')).resolves.toBeNull();
    await page.evaluate((selector) => {
      document
        .querySelector(selector)
        ?.dispatchEvent(new CustomEvent('widget-state-apply', { detail: { id: 'sigmoid-plot', state: { z: '4.5' } } }));
    }, plot);
    await widgetReady(page);
    await waitForZ(page, '4.5');
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    // Notes are in the HTML for present mode, never shown on the lesson page.
    const notes = page.locator('[data-speaker-notes]');
    expect(await notes.count()).toBeGreaterThanOrEqual(3);
    for (const note of await notes.all()) await expect(note.isVisible()).resolves.toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });
});
