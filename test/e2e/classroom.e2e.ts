import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startClassroom, stopClassroom, type ClassroomProcess } from '../../scripts/classroom-process.ts';
import { launchChromium } from './support/chromium.ts';
import { openPage } from './support/page.ts';

/**
 * The classroom end to end: a real server process on 127.0.0.1 serving the built site, a teacher
 * window in present mode and two phones (390 px). Screenshots go to test-results/.
 */
const EXERCISE = 'sigmoid-derivative-in-z';
// Two forms of the same listed mistake (the inner derivative dropped) and a right answer.
const DROPPED = '-1/(1+exp(-z))^2';
const DROPPED_TOO = '-1/(1+e^(-z))^2';
const RIGHT = 'sigmoid(z)*(1-sigmoid(z))';

let browser: Browser;
let server: ClassroomProcess | undefined;
let directory: string;
const shots = resolve('test-results');

beforeAll(async () => {
  browser = await launchChromium();
  directory = mkdtempSync(join(tmpdir(), 'classroom-e2e-'));
  mkdirSync(shots, { recursive: true });
  server = await startClassroom(join(directory, 'classroom.sqlite'), ['--dist', process.env['DIST_DIR'] ?? 'dist']);
});
afterAll(async () => {
  await browser.close();
  if (server) await stopClassroom(server);
  rmSync(directory, { recursive: true, force: true });
});

interface Opened {
  page: Page;
  context: BrowserContext;
  errors: string[];
  external: string[];
}

/** A window on the classroom server that records console errors and blocks any other host. */
async function openWindow(path: string, viewport: { width: number; height: number }): Promise<Opened> {
  if (!server) throw new Error('the classroom server did not start');
  const origin = server.url;
  const context = await browser.newContext({ baseURL: origin, viewport });
  const errors: string[] = [];
  const external: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    external.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  // Fail at the step that is stuck, well inside the test's own timeout.
  page.setDefaultTimeout(5_000);
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(path);
  return { page, context, errors, external };
}

async function axe(page: Page, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  if (include) builder.include(include);
  const { violations } = await builder.analyze();
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

async function join_(phone: Page, code: string, name: string): Promise<void> {
  await phone.fill('#join-code', code);
  await phone.fill('#join-name', name);
  await phone.click('[data-join-form] button[type="submit"]');
  await phone.waitForSelector('[data-answer-input]', { timeout: 5_000 });
}

async function send(phone: Page, answer: string): Promise<void> {
  await phone.fill('[data-answer-input]', answer);
  await phone.click('.join-send');
}

const count = (teacher: Page, name: string) => teacher.locator(`[data-count="${name}"]`).innerText();

describe('classroom', () => {
  it('says on the static site, without a server, that joining needs the classroom server', async () => {
    const { page, context, errors, external } = await openPage(browser, '/join/');
    await page.waitForLoadState('networkidle');
    await expect(page.locator('[data-needs-server]').isVisible()).resolves.toBe(true);
    await expect(page.locator('[data-join-form]').isVisible()).resolves.toBe(false);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await context.close();
  });

  it('shows a phone’s answer on the projector within a second, grouped by its mistake', async () => {
    const teacher = await openWindow('/present/sigmoid/', { width: 1280, height: 720 });
    await teacher.page.waitForSelector('[data-deck][data-ready]', { state: 'attached' });
    const slide = await teacher.page.evaluate(
      (id) =>
        Number(
          document.querySelector(`.exercise[data-id="${id}"]`)?.closest<HTMLElement>('.slide')?.dataset['slide'] ?? 0,
        ),
      EXERCISE,
    );
    expect(slide).toBeGreaterThan(1);
    for (const digit of String(slide)) await teacher.page.keyboard.press(digit);
    await teacher.page.keyboard.press('Enter');
    const ask = teacher.page.locator(`.slide [data-ask-class="${EXERCISE}"]`).first();
    await ask.waitFor({ state: 'visible', timeout: 5_000 });
    await ask.click();
    const code = (await teacher.page.locator('[data-code]').innerText({ timeout: 5_000 })).trim();
    expect(code).toMatch(/^[A-Z2-9]{6}$/);

    const phones = await Promise.all([
      openWindow('/join/', { width: 390, height: 844 }),
      openWindow('/join/', { width: 390, height: 844 }),
    ]);
    const [ann, bob] = phones;
    await join_(ann.page, code, 'Ann');
    await join_(bob.page, code, '');
    // The live preview typesets the answer from its parse tree, as on the lesson page.
    await ann.page.fill('[data-answer-input]', DROPPED);
    await ann.page.waitForSelector('[data-answer-preview] .katex');

    const sent = Date.now();
    await ann.page.click('.join-send');
    await teacher.page.waitForFunction(
      () => document.querySelector('[data-mistake="listed:1"] .mistake-count')?.textContent === '1',
      undefined,
      { timeout: 1_000 },
    );
    const onProjector = Date.now() - sent;
    console.log(`classroom e2e: phone → projector in ${onProjector} ms`);
    await ann.page.waitForSelector('[data-feedback][data-verdict="incorrect"]');
    await expect(ann.page.locator('[data-feedback]').innerText()).resolves.toMatch(
      /^Not yet\.\s*You have the outer derivative/,
    );

    await send(bob.page, DROPPED_TOO);
    await teacher.page.waitForFunction(
      () => document.querySelector('[data-mistake="listed:1"] .mistake-count')?.textContent === '2',
      undefined,
      { timeout: 2_000 },
    );
    await expect(count(teacher.page, 'incorrect')).resolves.toBe('2');
    await expect(count(teacher.page, 'answered')).resolves.toBe('2 of 2');
    const mistakeName = await teacher.page.locator('[data-mistake="listed:1"] .mistake-name').innerText();
    expect(mistakeName).toMatch(/^You have the outer derivative/);
    await teacher.page.screenshot({ path: join(shots, 'classroom-projector-mistakes.png') });
    await ann.page.screenshot({ path: join(shots, 'classroom-phone-feedback.png'), fullPage: true });

    // Bob corrects himself: the room now reads one right, one wrong.
    await send(bob.page, RIGHT);
    await teacher.page.waitForFunction(() => document.querySelector('[data-count="correct"]')?.textContent === '1');
    await expect(count(teacher.page, 'incorrect')).resolves.toBe('1');

    // Markup typed on a phone reaches the wall as text (it does not parse), never as HTML.
    await send(ann.page, '<img src=x onerror=alert(1)>');
    await teacher.page.waitForFunction(() => document.querySelector('[data-count="invalid"]')?.textContent === '1');
    expect(await teacher.page.locator('[data-wall] img').count()).toBe(0);

    // The teacher puts Bob's right answer on screen: typeset from its parse tree.
    await teacher.page.locator('[data-wall] .wall-answer[data-status="correct"]').click();
    await teacher.page.waitForSelector('[data-spotlight] .spotlight-math .katex');
    // The solution comes one sentence per click; this one is a single sentence, and whole on the phones.
    await teacher.page.click('[data-reveal]');
    await teacher.page.waitForSelector('.classroom-solution:not([hidden]) .katex');
    await expect(teacher.page.locator('.solution-steps li').count()).resolves.toBe(1);
    await expect(teacher.page.locator('[data-reveal]').innerText()).resolves.toBe('Solution shown');
    await expect(teacher.page.locator('[data-reveal]').isDisabled()).resolves.toBe(true);
    const [download] = await Promise.all([teacher.page.waitForEvent('download'), teacher.page.click('[data-export]')]);
    expect(download.suggestedFilename()).toBe(`classroom-${code}.csv`);
    await ann.page.waitForSelector('.join-solution:not([hidden]) .katex', { timeout: 3_000 });

    for (const theme of ['light', 'dark'] as const) {
      for (const page of [teacher.page, ann.page]) {
        await page.emulateMedia({ colorScheme: theme });
        await page.evaluate((t) => (document.documentElement.dataset['theme'] = t), theme);
      }
      expect(await axe(teacher.page, '.classroom-panel'), theme).toEqual([]);
      expect(await axe(ann.page), theme).toEqual([]);
    }
    await teacher.page.screenshot({ path: join(shots, 'classroom-projector-dark.png') });
    for (const page of [teacher.page, ann.page]) {
      await page.emulateMedia({ colorScheme: 'light' });
      await page.evaluate(() => (document.documentElement.dataset['theme'] = 'light'));
    }
    await teacher.page.screenshot({ path: join(shots, 'classroom-projector.png') });
    await ann.page.screenshot({ path: join(shots, 'classroom-phone.png'), fullPage: true });

    for (const w of [teacher, ann, bob]) {
      expect(w.errors).toEqual([]);
      expect(w.external).toEqual([]);
    }
    await Promise.all([teacher, ann, bob].map((w) => w.context.close()));
  });

  it('keeps an answer sent offline and delivers it when the phone is back', async () => {
    const teacher = await openWindow('/present/sigmoid/', { width: 1280, height: 720 });
    await teacher.page.waitForSelector(`[data-ask-class="${EXERCISE}"]`, { state: 'attached' });
    await teacher.page.evaluate(
      (id) => document.querySelector<HTMLElement>(`[data-ask-class="${id}"]`)?.click(),
      EXERCISE,
    );
    const code = (await teacher.page.locator('[data-code]').innerText({ timeout: 5_000 })).trim();
    const phone = await openWindow('/join/', { width: 390, height: 844 });
    await join_(phone.page, code, 'Cy');
    await phone.context.setOffline(true);
    await send(phone.page, DROPPED);
    await phone.page.waitForSelector('[data-pending]:not([hidden])');
    // A reload while offline loses nothing: the answer waits in localStorage.
    await phone.context.setOffline(false);
    await phone.page.reload();
    await phone.page.waitForSelector('[data-pending][hidden]', { state: 'attached', timeout: 10_000 });
    await teacher.page.waitForFunction(
      () => document.querySelector('[data-mistake="listed:1"] .mistake-count')?.textContent !== undefined,
      undefined,
      { timeout: 5_000 },
    );
    await Promise.all([teacher, phone].map((w) => w.context.close()));
  });
});
