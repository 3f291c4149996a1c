import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startClassroom, stopClassroom, type ClassroomProcess } from '../../scripts/classroom-process.ts';
import { ROOM_CODE_MESSAGE } from '../../components/classroom/room-code.ts';
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
/** Why one wrong attempt, then a right one, scores 80%: the words of src/progress/score-reason.ts. */
const SCORE_80 =
  'Score 80%: right on attempt 2. A right answer scores 100%, less 20% for each wrong attempt before it, never below 20%; later answers do not change it.';

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

/** Sends an answer to the assignment's exercise on screen, waits for its verdict, returns when it was sent. */
async function assignmentSend(phone: Page, answer: string): Promise<number> {
  await phone.fill('[data-assignment] [data-answer-input]', answer);
  const sent = Date.now();
  await phone.click('[data-assignment] .join-send');
  await phone.waitForSelector('[data-assignment] [data-feedback]:not([data-verdict="pending"]) .join-score-note');
  return sent;
}

async function send(phone: Page, answer: string): Promise<void> {
  await phone.fill('[data-answer-input]', answer);
  await phone.click('.join-send');
}

/** The projector's QR code: an SVG image drawn by the server, labelled with the address, beside it in text. */
async function expectQr(page: Page, code: string): Promise<void> {
  const qr = page.locator('[data-qr]');
  await qr.waitFor({ state: 'visible' });
  await page.waitForFunction(() => (document.querySelector<HTMLImageElement>('[data-qr]')?.naturalWidth ?? 0) > 0);
  expect(await qr.getAttribute('src')).toBe(`/api/rooms/${code}/qr.svg`);
  expect(await qr.getAttribute('alt')).toMatch(
    new RegExp(`^QR code of the join address http://127\\.0\\.0\\.1:\\d+/join/\\?room=${code}$`),
  );
  await expect(page.locator('[data-join-url]').innerText()).resolves.toMatch(/^http:\/\/127\.0\.0\.1:\d+\/join\/$/);
  const box = await qr.boundingBox();
  expect(box?.width).toBeGreaterThanOrEqual(160);
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

  it('tells a phone in words what is wrong with a room code, by the server’s one rule', async () => {
    const phone = await openWindow('/join/', { width: 390, height: 844 });
    await phone.page.waitForSelector('[data-join-form]:not([hidden])');
    const joins: string[] = [];
    phone.page.on('request', (r) => {
      if (r.url().includes('/join')) joins.push(r.url());
    });
    const error = phone.page.locator('[data-join-error]');
    // Malformed: refused on the phone with the server's sentence, without a request.
    await phone.page.fill('#join-code', 'AB1');
    await phone.page.click('[data-join-form] button[type="submit"]');
    await expect(error.innerText()).resolves.toBe(ROOM_CODE_MESSAGE);
    await expect(phone.page.locator('#join-code').getAttribute('aria-invalid')).resolves.toBe('true');
    expect(joins).toEqual([]);
    // Well-formed as typed (lower case, a space): no such room, in the server's words.
    await phone.page.fill('#join-code', 'zzz zzz');
    await phone.page.click('[data-join-form] button[type="submit"]');
    await phone.page.waitForFunction(() => document.querySelector('[data-join-error]')?.textContent !== '');
    await expect(error.innerText()).resolves.toBe('There is no room ZZZZZZ.');
    expect(joins).toHaveLength(1);
    expect(joins[0]).toMatch(/\/api\/rooms\/ZZZZZZ\/join$/);
    expect(await axe(phone.page)).toEqual([]);
    await phone.page.screenshot({ path: join(shots, 'classroom-join-bad-code.png') });
    // The same sentence the server sends for a malformed code on any route.
    const response = await phone.page.evaluate(async () => {
      const r = await fetch('/api/rooms/ab%20c/answers', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      return { status: r.status, body: (await r.json()) as unknown };
    });
    expect(response).toEqual({
      status: 400,
      body: { error: { code: 'invalid-room-code', message: ROOM_CODE_MESSAGE } },
    });
    expect(phone.errors.filter((e) => !/the server responded with a status of 40[04]/.test(e))).toEqual([]);
    expect(phone.external).toEqual([]);
    await phone.context.close();
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
    await expectQr(teacher.page, code);

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
  }, 60_000);

  it('runs an assignment: two phones work through it, the teacher’s table shows their scores within a second', async () => {
    const teacher = await openWindow('/classroom/?lesson=sigmoid', { width: 1280, height: 720 });
    await teacher.page.waitForSelector('[data-assign-open]:not([disabled])');
    await expect(teacher.page.locator('[data-lesson-select]').inputValue()).resolves.toBe('sigmoid');
    await teacher.page.fill('#assign-name', 'Sigmoid check');
    await teacher.page.click('[data-assign-open]');
    const code = (await teacher.page.locator('[data-code]').innerText()).trim();
    await expectQr(teacher.page, code);
    await teacher.page.waitForSelector('[data-live-table] thead');

    const [ann, bob] = await Promise.all([
      openWindow(`/join/?room=${code}`, { width: 390, height: 844 }),
      openWindow(`/join/?room=${code}`, { width: 390, height: 844 }),
    ]);
    for (const [phone, name] of [
      [ann, 'Ann'],
      [bob, 'Bob'],
    ] as const) {
      // The QR code's address fills the room code in.
      await phone.page.waitForSelector('[data-join-form]:not([hidden])');
      await expect(phone.page.locator('#join-code').inputValue()).resolves.toBe(code);
      await phone.page.fill('#join-name', name);
      await phone.page.click('[data-join-form] button[type="submit"]');
      await phone.page.waitForSelector('[data-assignment] [data-answer-input]');
    }
    await expect(ann.page.locator('.join-assignment-progress').innerText()).resolves.toMatch(
      /^Exercise 1 of 10 · your score: 0 of 10$/,
    );
    const cell = (student: number, exercise: string) =>
      teacher.page.locator(`[data-student="${student}"] [data-cell="${exercise}"] [aria-hidden]`);
    // Milliseconds from the phone's Send to the teacher's table showing the score (at most 1 s).
    const waitCell = async (sent: number, student: number, exercise: string, text: string) => {
      await teacher.page.waitForFunction(
        ({ selector, text }) => document.querySelector(selector)?.textContent === text,
        { selector: `[data-student="${student}"] [data-cell="${exercise}"] [aria-hidden]`, text },
        { timeout: Math.max(1, 1_000 - (Date.now() - sent)) },
      );
      return Date.now() - sent;
    };
    await expect(cell(1, EXERCISE).innerText()).resolves.toBe('·');

    // Ann: wrong, the same wrong answer again (not an attempt), then right: 0.8 as on the lesson page.
    const wrongMs = await waitCell(await assignmentSend(ann.page, DROPPED), 1, EXERCISE, '✗ 1');
    await assignmentSend(ann.page, DROPPED);
    await ann.page.waitForSelector('[data-feedback] .join-score-note:text("not counted again")');
    const rightMs = await waitCell(await assignmentSend(ann.page, RIGHT), 1, EXERCISE, '80%');
    // The phone says why 80%, in the lesson page's words; the teacher's cell says the same.
    await expect(ann.page.locator('[data-feedback] .join-score-note').innerText()).resolves.toBe(SCORE_80);
    await expect(
      teacher.page.locator(`[data-student="1"] [data-cell="${EXERCISE}"]`).getAttribute('title'),
    ).resolves.toBe(SCORE_80);
    await expect(
      teacher.page.locator(`[data-student="1"] [data-cell="${EXERCISE}"] .visually-hidden`).innerText(),
    ).resolves.toBe(SCORE_80);
    await expect(ann.page.locator('.join-assignment-progress').innerText()).resolves.toMatch(/your score: 0\.8 of 10$/);
    // Bob: right first time; then the next exercise (σ′ in terms of g), right too.
    const bobMs = await waitCell(await assignmentSend(bob.page, RIGHT), 2, EXERCISE, '100%');
    await expect(bob.page.locator('[data-feedback] .join-score-note').innerText()).resolves.toBe(
      'Score 100%: right on the first attempt.',
    );
    await bob.page.click('[data-assignment-move="1"]');
    await bob.page.waitForSelector('[data-assignment-exercise="sigmoid-derivative-in-g"]');
    await expect(bob.page.locator('.join-assignment-progress').innerText()).resolves.toMatch(/^Exercise 2 of 10/);
    const nextMs = await waitCell(await assignmentSend(bob.page, 'g*(1-g)'), 2, 'sigmoid-derivative-in-g', '100%');
    console.log(`classroom e2e: phone → teacher's table in ${[wrongMs, rightMs, bobMs, nextMs].join(', ')} ms`);
    // A reload keeps Bob in the room and brings him back at the first exercise he has not solved.
    await bob.page.reload();
    await bob.page.waitForSelector('[data-assignment-exercise] [data-answer-form]');
    await expect(bob.page.locator('.join-assignment-progress').innerText()).resolves.toMatch(
      /^Exercise 3 of 10 · your score: 2 of 10$/,
    );
    await expect(teacher.page.locator('[data-student="1"] [data-total]').innerText()).resolves.toBe('0.8');
    await expect(teacher.page.locator('[data-student="2"] [data-total]').innerText()).resolves.toBe('2');
    await expect(teacher.page.locator('[data-student="1"] th').innerText()).resolves.toBe('Ann');

    await teacher.page.screenshot({ path: join(shots, 'classroom-assignment-teacher.png') });
    await ann.page.screenshot({ path: join(shots, 'classroom-assignment-phone.png'), fullPage: true });

    for (const theme of ['light', 'dark'] as const) {
      for (const page of [teacher.page, ann.page]) {
        await page.emulateMedia({ colorScheme: theme });
        await page.evaluate((t) => (document.documentElement.dataset['theme'] = t), theme);
      }
      expect(await axe(teacher.page), theme).toEqual([]);
      expect(await axe(ann.page), theme).toEqual([]);
    }
    await teacher.page.screenshot({ path: join(shots, 'classroom-assignment-teacher-dark.png') });
    for (const page of [teacher.page, ann.page]) {
      await page.emulateMedia({ colorScheme: 'light' });
      await page.evaluate(() => (document.documentElement.dataset['theme'] = 'light'));
    }

    const [download] = await Promise.all([
      teacher.page.waitForEvent('download'),
      teacher.page.click('[data-live-export]'),
    ]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^assignment-${code}-\\d+\\.csv$`));
    const csv = await readFile((await download.path()) ?? '', 'utf8');
    expect(csv.split('\r\n')[1]).toMatch(/^1,Ann,0\.8,,/);

    // Present mode in the same browser shares the room, and says the phones show the assignment.
    const deck = await teacher.context.newPage();
    await deck.goto('/present/sigmoid/');
    await deck.waitForSelector(`[data-ask-class="${EXERCISE}"]`, { state: 'attached' });
    await deck.evaluate((id) => document.querySelector<HTMLElement>(`[data-ask-class="${id}"]`)?.click(), EXERCISE);
    await expect(deck.locator('[data-code]').innerText()).resolves.toBe(code);
    await deck.waitForSelector('[data-assignment-note]:not([hidden])');
    await expect(deck.locator('[data-assignment-note]').innerText()).resolves.toMatch(/“Sigmoid check”/);
    await deck.close();

    // Closing it: the phones show their score and the worked solutions.
    await teacher.page.click('[data-live-close]');
    await teacher.page.waitForSelector('[data-live-meta][data-state="closed"]');
    await ann.page.waitForSelector('.join-assignment-review .join-solution .katex', { timeout: 3_000 });
    await expect(ann.page.locator('[data-assignment-total]').innerText()).resolves.toBe('Your score: 0.8 of 10.');
    await expect(ann.page.locator('.join-assignment-review > li strong').first().innerText()).resolves.toBe(SCORE_80);
    await ann.page.screenshot({ path: join(shots, 'classroom-assignment-phone-closed.png') });

    for (const w of [teacher, ann, bob]) {
      expect(w.errors).toEqual([]);
      expect(w.external).toEqual([]);
    }
    await Promise.all([teacher, ann, bob].map((w) => w.context.close()));
  }, 60_000);

  it('says on the static site that assignments need the classroom server, and still lists each lesson’s exercises', async () => {
    const { page, context, errors, external } = await openPage(browser, '/classroom/');
    await page.waitForLoadState('networkidle');
    await expect(page.locator('[data-needs-server]').isVisible()).resolves.toBe(true);
    await expect(page.locator('[data-assign-open]').isDisabled()).resolves.toBe(true);
    await page.check('#assign-source-practice');
    await expect(page.locator('[data-preview-practice] li').count()).resolves.toBe(10);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await context.close();
  });

  it('tells a phone that an answer sent offline was not saved because the teacher closed the assignment', async () => {
    const teacher = await openWindow('/classroom/?lesson=sigmoid', { width: 1280, height: 720 });
    await teacher.page.waitForSelector('[data-assign-open]:not([disabled])');
    await teacher.page.click('[data-assign-open]');
    const code = (await teacher.page.locator('[data-code]').innerText()).trim();
    await teacher.page.waitForSelector('[data-live-table] thead');
    const phone = await openWindow(`/join/?room=${code}`, { width: 390, height: 844 });
    await phone.page.waitForSelector('[data-join-form]:not([hidden])');
    await phone.page.click('[data-join-form] button[type="submit"]');
    await phone.page.waitForSelector('[data-assignment] [data-answer-input]');
    await phone.context.setOffline(true);
    await phone.page.fill('[data-assignment] [data-answer-input]', RIGHT);
    await phone.page.click('[data-assignment] .join-send');
    await phone.page.waitForSelector('[data-pending]:not([hidden])');
    await teacher.page.click('[data-live-close]');
    await teacher.page.waitForSelector('[data-live-meta][data-state="closed"]');
    await phone.context.setOffline(false);
    await phone.page.evaluate(() => window.dispatchEvent(new Event('online')));
    await phone.page.waitForSelector('[data-refused]:not([hidden])', { timeout: 10_000 });
    await expect(phone.page.locator('[data-refused]').innerText()).resolves.toBe(
      'An answer you sent was not saved: Your teacher has closed this assignment.',
    );
    await phone.page.waitForSelector('[data-pending][hidden]', { state: 'attached' });
    // Nothing was saved, and neither screen says otherwise.
    await phone.page.waitForSelector('.join-assignment-review');
    await phone.page.evaluate(() => window.scrollTo(0, 0));
    await expect(phone.page.locator('[data-assignment-total]').innerText()).resolves.toBe('Your score: 0 of 10.');
    await expect(
      teacher.page.locator(`[data-student="1"] [data-cell="${EXERCISE}"] [aria-hidden]`).innerText(),
    ).resolves.toBe('·');
    expect(await axe(phone.page)).toEqual([]);
    await phone.page.screenshot({
      path: join(shots, 'classroom-phone-refused.png'),
      clip: { x: 0, y: 0, width: 390, height: 700 },
    });
    expect(phone.external).toEqual([]);
    await Promise.all([teacher, phone].map((w) => w.context.close()));
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
