import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from './support/chromium.ts';
import { openPage } from './support/page.ts';
import AxeBuilder from '@axe-core/playwright';
import { pickPractice } from '../../components/exercise/instantiate.ts';
import { loadExercises } from '../exercises/load-exercises.ts';

/**
 * Exercises in a real browser: on the sigmoid lesson (its `## Practice` section) and on the
 * course-wide practice page (every lesson's exercises are rendered there; a seed picks which are
 * shown). Keyboard only where the student would use it: Tab to reach, type, Enter to check.
 */
const LESSON = '/lessons/sigmoid/';
const PAGE = '/practice/';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

/** The first visible expression exercise without parameters, and its reference answer (from the page's own data). */
async function expressionCard(page: Page): Promise<{ card: Locator; id: string; answer: string }> {
  const cards = page.locator('exercise-card[data-kind="expression"]:not([hidden])');
  const count = await cards.count();
  for (let i = 0; i < count; i++) {
    const card = cards.nth(i);
    const template = JSON.parse((await card.locator('script[data-template]').textContent()) ?? '{}') as {
      id: string;
      answer: string;
      params?: object;
    };
    if (template.params === undefined) return { card, id: template.id, answer: template.answer };
  }
  throw new Error('no visible expression exercise without parameters on the page');
}

/** Presses Tab until `target` has focus (at most `limit` times); fails if it never does. */
async function tabTo(page: Page, target: Locator, limit = 150): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  expect(await target.evaluate((el) => el === document.activeElement)).toBe(true);
}

/** `expect.poll` with room for a busy machine (the default gives up after one second). */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000, interval: 100 });

/**
 * How many of the scripts the page has fetched contain `marker`: scripts are told apart by what they
 * hold, not by the bundler's chunk names.
 */
async function scriptsHolding(page: Page, marker: string): Promise<number> {
  return page.evaluate(async (text) => {
    const urls = performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((url) => url.endsWith('.js'));
    const bodies = await Promise.all(urls.map(async (url) => (await fetch(url)).text()));
    return bodies.filter((body) => body.includes(text)).length;
  }, marker);
}
/** A phrase only the grader's code holds (its "undecided" feedback). */
const GRADER = 'try a simpler form';

describe('an expression exercise', () => {
  it('is answered wrong, invalid and right by keyboard, with feedback, and keeps progress over a reload', async () => {
    const { page, context, errors, external } = await openPage(browser, LESSON);
    const { card, id, answer } = await expressionCard(page);
    const input = card.locator('input[data-input]');
    const feedback = card.locator('[data-feedback]');

    // The grader is not loaded until the student interacts; the card's own script is.
    await page.waitForLoadState('networkidle');
    expect(await scriptsHolding(page, GRADER)).toBe(0);
    expect(await scriptsHolding(page, 'exercise-card')).toBeGreaterThan(0);
    await tabTo(page, input);
    await page.keyboard.type('0');
    await page.keyboard.press('Enter');
    await poll(() => feedback.innerText()).toMatch(/^Not yet\./);
    expect(await scriptsHolding(page, GRADER)).toBeGreaterThan(0);
    expect(await card.locator('[data-attempts]').innerText()).toBe('1 attempt');

    // Unreadable input is explained and costs no attempt.
    await page.keyboard.press('Control+A');
    await page.keyboard.type('(z');
    await page.keyboard.press('Enter');
    await poll(() => feedback.getAttribute('data-status')).toBe('invalid');
    expect(await feedback.innerText()).toMatch(/parenthes/i);
    expect(await card.locator('[data-attempts]').innerText()).toBe('1 attempt');

    // The live preview typesets the parsed answer with KaTeX as it is typed.
    await page.keyboard.press('Control+A');
    await page.keyboard.type(answer);
    await poll(() => card.locator('[data-preview] .katex').count()).toBe(1);
    await page.keyboard.press('Enter');
    await poll(() => feedback.innerText()).toMatch(/^Correct\./);
    expect(await card.locator('[data-badge]').innerText()).toMatch(/Solved/);
    expect(await card.locator('[data-solution]').isVisible()).toBe(true);

    // Reload: the progress is still there, restored from localStorage under the exercise id.
    await page.reload();
    const again = page.locator(`exercise-card[data-id="${id}"]`);
    await poll(() => again.locator('[data-badge]').innerText()).toMatch(/Solved/);
    expect(await again.locator('[data-attempts]').innerText()).toBe('2 attempts');
    expect(await again.locator('input[data-input]').inputValue()).toBe(answer);
    const saved = await page.evaluate(() => localStorage.getItem('activation-derivatives:progress'));
    const doc = JSON.parse(saved ?? '{}') as { version: number; exercises: Record<string, { attempts: object[] }> };
    expect(doc.version).toBe(2);
    expect(doc.exercises[id]?.attempts).toMatchObject([{ correct: false }, { correct: true, answer }]);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await context.close();
  });

  it('reveals hints one at a time, by keyboard', async () => {
    const { page, context } = await openPage(browser, LESSON);
    const { card } = await expressionCard(page);
    const button = card.locator('[data-hint-button]');
    const hints = card.locator('[data-hints] li');
    const total = await hints.count();
    expect(total).toBeGreaterThanOrEqual(1);
    expect(await hints.locator('visible=true').count()).toBe(0);
    await tabTo(page, button);
    await page.keyboard.press('Enter');
    await poll(() => hints.locator('visible=true').count()).toBe(1);
    await context.close();
  });
});

describe('saved progress', () => {
  it('corrupt localStorage does not break the page: a notice, and exercises still work', async () => {
    const { page, context, errors } = await openPage(browser, LESSON);
    await page.evaluate(() =>
      localStorage.setItem('activation-derivatives:progress', '{"version": 2, "exercises": [{{'),
    );
    await page.reload();
    const notice = page.locator('[data-progress-notice]').first();
    await poll(() => notice.isVisible()).toBe(true);
    expect(await notice.innerText()).toMatch(/could not be read/);
    const { card, answer } = await expressionCard(page);
    await card.locator('input[data-input]').focus();
    await page.keyboard.type(answer);
    await page.keyboard.press('Enter');
    await poll(() => card.locator('[data-feedback]').innerText()).toMatch(/^Correct\./);
    // The unreadable text was kept aside, and fresh progress was written.
    expect(await page.evaluate(() => localStorage.getItem('activation-derivatives:progress:backup'))).toContain('{{');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the progress panel', () => {
  it('exports, resets and imports progress', async () => {
    const { page, context, errors } = await openPage(browser, PAGE);
    const { card, id, answer } = await expressionCard(page);
    await card.locator('input[data-input]').focus();
    await page.keyboard.type(answer);
    await page.keyboard.press('Enter');
    await poll(() => card.locator('[data-badge]').innerText()).toMatch(/Solved/);
    const summary = page.locator('progress-panel [data-summary]');
    await poll(() => summary.innerText()).toMatch(/^Solved 1 of \d+/);

    // Export: a JSON download holding this exercise's entry.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export]').click()]);
    const path = await download.path();
    const { readFile } = await import('node:fs/promises');
    const exported = await readFile(path, 'utf8');
    expect(JSON.parse(exported)).toMatchObject({ version: 2, exercises: { [id]: { attempts: [{ correct: true }] } } });

    // Reset (after confirming): the badge clears and the summary drops to 0.
    page.once('dialog', (dialog) => void dialog.accept());
    await page.locator('[data-reset]').click();
    await poll(() => summary.innerText()).toMatch(/^Solved 0 of/);
    await poll(() => card.locator('[data-badge]').innerText()).toBe('');

    // Import the exported file: the exercise is solved again, without a reload.
    await page
      .locator('[data-import]')
      .setInputFiles({ name: 'progress.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
    await poll(() => summary.innerText()).toMatch(/^Solved 1 of/);
    await poll(() => card.locator('[data-badge]').innerText()).toMatch(/Solved/);

    // A file that is not progress changes nothing and says so.
    await page
      .locator('[data-import]')
      .setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('not json') });
    await poll(() => page.locator('progress-panel [data-message]').innerText()).toMatch(/cannot be imported/);
    await poll(() => summary.innerText()).toMatch(/^Solved 1 of/);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('an order-the-steps exercise', () => {
  it('can be put in order with the move buttons alone, keeping focus on the moved step', async () => {
    // Find a seed whose practice set includes an order exercise, with the page's own picking function.
    const probe = await openPage(browser, PAGE);
    const pools = JSON.parse((await probe.page.locator('practice-set').getAttribute('data-pools')) ?? '[]') as {
      lesson: string;
      ids: string[];
    }[];
    const orderIds = loadExercises()
      .filter((e) => e.exercise.kind === 'order')
      .map((e) => e.exercise.id);
    await probe.context.close();
    const seed = Array.from({ length: 50 }, (_, i) => `order-${i}`).find((s) =>
      pickPractice(pools, s, 10).some((id) => orderIds.includes(id)),
    );
    expect(seed).toBeDefined();
    const { page, context, errors } = await openPage(browser, `${PAGE}?seed=${seed ?? ''}`);
    const card = page.locator('exercise-card[data-kind="order"][data-wired]:not([hidden])').first();
    await poll(() => card.count()).toBe(1);
    const steps = card.locator('[data-step]');
    const n = await steps.count();
    for (let target = 0; target < n; target++) {
      // Move the step that belongs at `target` up until it is there.
      for (;;) {
        const order = await steps.evaluateAll((els) => els.map((el) => Number((el as HTMLElement).dataset['step'])));
        const at = order.indexOf(target);
        if (at === target) break;
        const up = steps.nth(at).locator('button[data-move="up"]');
        await up.focus();
        await page.keyboard.press('Enter');
        // Focus follows the step it moved (or its other button at the top edge).
        await poll(() =>
          page.evaluate(() => (document.activeElement?.closest('[data-step]') as HTMLElement | null)?.dataset['step']),
        ).toBe(String(target));
      }
    }
    await card.locator('button[type="submit"]').focus();
    await page.keyboard.press('Enter');
    await poll(() => card.locator('[data-feedback]').innerText()).toMatch(/^Correct\./);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('accessibility', () => {
  it.each(['light', 'dark'] as const)(
    'exercises have no axe violations after feedback and a hint are shown (%s)',
    async (theme) => {
      const { page, context } = await openPage(browser, LESSON);
      await page.emulateMedia({ colorScheme: theme });
      const { card } = await expressionCard(page);
      await card.locator('input[data-input]').focus();
      await page.keyboard.type('1 - g');
      await page.keyboard.press('Enter');
      await poll(() => card.locator('[data-feedback]').innerText()).not.toBe('');
      await card.locator('[data-hint-button]').click();
      const choice = page.locator('exercise-card[data-kind="choice"]').first();
      await choice.locator('input').first().check();
      await choice.locator('button[type="submit"]').click();
      await poll(() => choice.locator('[data-feedback]').innerText()).not.toBe('');
      // Scoped to the two cards used: axe over a whole lesson of MathML takes tens of seconds.
      const ids = [await card.getAttribute('id'), await choice.getAttribute('id')].map((id) => `#${id ?? ''}`);
      const { violations } = await new AxeBuilder({ page })
        .include(ids[0] ?? '')
        .include(ids[1] ?? '')
        .analyze();
      const summary = violations.map(
        (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
      );
      expect(summary).toEqual([]);
      await context.close();
    },
    60_000,
  );
});

describe('without JavaScript', () => {
  it('shows each exercise prompt and its worked solution in a details element', async () => {
    const { page, context } = await openPage(browser, PAGE, { javaScript: false });
    expect(await page.locator('exercise-card:not([hidden]) [data-prompt] .katex').count()).toBeGreaterThan(0);
    const card = page.locator('exercise-card:not([hidden])').first();
    expect(await card.locator('[data-form]').isVisible()).toBe(false);
    const summary = card.locator('details[data-solution] summary');
    expect(await summary.isVisible()).toBe(true);
    await summary.click();
    expect(await card.locator('[data-solution-body]').isVisible()).toBe(true);
    await context.close();
  });
});
