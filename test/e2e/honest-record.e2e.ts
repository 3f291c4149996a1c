import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from './support/chromium.ts';
import { openPage } from './support/page.ts';

/**
 * The record exercises keep is true: what a card says after a reload, on a slide, in a second tab,
 * after a reset or an import, is what the student actually did. Each test reproduces one of the
 * defects of issue 12 as a student would meet it.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

const KEY = 'activation-derivatives:progress';
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000, interval: 100 });
const card = (page: Page, id: string) => page.locator(`exercise-card[data-id="${id}"]`).first();

/** Types an answer into a text card and checks it (with the mouse: on a slide, keys belong to the deck). */
async function answer(c: Locator, text: string): Promise<void> {
  const before = await c.locator('[data-feedback]').innerText();
  await c.locator('input[data-input]').fill(text);
  await c.locator('button[type="submit"]').click();
  // Wait for the grader to answer (the first check loads it).
  await poll(async () => (await c.locator('[data-feedback]').innerText()) !== before || before !== '').toBe(true);
  await poll(() => c.locator('[data-feedback]').innerText()).not.toBe('');
}

/** The attempts the store holds for an exercise, as the page saved them. */
async function savedAttempts(page: Page, id: string): Promise<{ correct: boolean }[]> {
  const text = await page.evaluate((key) => localStorage.getItem(key), KEY);
  const doc = JSON.parse(text ?? '{"exercises":{}}') as {
    exercises: Record<string, { attempts: { correct: boolean }[] }>;
  };
  return doc.exercises[id]?.attempts ?? [];
}

describe('1. a wrong answer after a right one', () => {
  it('comes back after a reload as what it was: not right, with the earlier solve stated', async () => {
    const { page, context, errors } = await openPage(browser, '/lessons/sigmoid/');
    const c = card(page, 'sigmoid-derivative-in-g');
    await answer(c, 'g*(1-g)');
    await poll(() => c.locator('[data-feedback]').innerText()).toMatch(/^Correct\./);
    await answer(c, 'g*(1+g)');
    await poll(() => c.locator('[data-feedback]').innerText()).toMatch(/^Not yet\./);
    await page.reload();
    const again = card(page, 'sigmoid-derivative-in-g');
    await poll(() => again.locator('[data-feedback]').innerText()).toMatch(
      /^Not yet\. Your last answer, restored here, was not right\. You solved this exercise earlier, on attempt 1\./,
    );
    expect(await again.locator('input[data-input]').inputValue()).toBe('g*(1+g)');
    expect(await again.locator('[data-badge]').innerText()).toBe('✓ Solved (score 100%)');
    expect(await again.locator('[data-feedback]').innerText()).not.toMatch(/^Correct/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an answer saved for numbers an exercise no longer draws is not called right for its new ones', async () => {
    // Saved before the exercise's revision 2 (h = 0.01 then, h = 0.1 now): right for the old numbers.
    const { page, context, errors } = await openPage(browser, '/lessons/backprop-through-a-layer/');
    const at = new Date().toISOString();
    await page.evaluate(
      ([key, time]) =>
        localStorage.setItem(
          key,
          JSON.stringify({
            version: 2,
            exercises: {
              'backprop-central-difference': {
                attempts: [{ correct: true, hints: 0, at: time, answer: '0.1807' }],
                omitted: 0,
                hintsUsed: 0,
                updatedAt: time,
              },
            },
          }),
        ),
      [KEY, at] as const,
    );
    await page.reload();
    const c = card(page, 'backprop-central-difference');
    await c.scrollIntoViewIfNeeded();
    await poll(() => c.locator('[data-feedback]').innerText()).toBe(
      'You solved this exercise earlier, on attempt 1. These numbers are new to you.',
    );
    expect(await c.locator('input[data-input]').inputValue()).toBe('');
    expect(await c.locator('[data-badge]').innerText()).toBe('✓ Solved (score 100%)');
    // The same text checked now is graded on the new numbers and counts as an attempt.
    await answer(c, '0.1807');
    await poll(() => c.locator('[data-feedback]').innerText()).toMatch(/^Not yet\./);
    expect(await savedAttempts(page, 'backprop-central-difference')).toHaveLength(2);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a choice item too', async () => {
    const { page, context } = await openPage(browser, '/lessons/sigmoid/');
    const c = page.locator('exercise-card[data-kind="choice"]').first();
    const id = (await c.getAttribute('data-id')) ?? '';
    const template = JSON.parse((await c.locator('script[data-template]').textContent()) ?? '{}') as {
      choices: { correct: boolean }[];
      multiple: boolean;
    };
    expect(template.multiple).toBe(false);
    const right = template.choices.findIndex((x) => x.correct);
    const wrong = template.choices.findIndex((x) => !x.correct);
    await c.locator(`input[value="${right}"]`).check();
    await c.locator('button[type="submit"]').click();
    await poll(() => c.locator('[data-feedback]').innerText()).toMatch(/^Correct\./);
    await c.locator(`input[value="${wrong}"]`).check();
    await c.locator('button[type="submit"]').click();
    await poll(() => c.locator('[data-feedback]').innerText()).toMatch(/^Not yet\./);
    await page.reload();
    const again = card(page, id);
    await poll(() => again.locator('[data-feedback]').getAttribute('data-status')).toBe('incorrect');
    expect(await again.locator(`input[value="${wrong}"]`).isChecked()).toBe(true);
    await context.close();
  });
});

describe('2. re-checking the same right answer', () => {
  it('does not raise the score, on the card or on /progress/', async () => {
    const { page, context } = await openPage(browser, '/lessons/tanh/');
    const c = card(page, 'tanh-derivative-in-z');
    await answer(c, '1');
    await answer(c, 'tanh(z)^2');
    await answer(c, '1 - tanh(z)^2');
    await poll(() => c.locator('[data-badge]').innerText()).toBe('✓ Solved (score 60%)');
    // The card says why (the same words the phone in class and the teacher's table use).
    expect(await c.locator('[data-feedback]').innerText()).toMatch(
      /Score 60%: right on attempt 3\. A right answer scores 100%, less 20% for each wrong attempt before it and 10% for each hint shown, never below 20%; later answers do not change it\.$/,
    );
    await c.locator('button[type="submit"]').click();
    await poll(() => c.locator('[data-feedback]').innerText()).toMatch(/not counted again/);
    expect(await c.locator('[data-badge]').innerText()).toBe('✓ Solved (score 60%)');
    expect(await c.locator('[data-attempts]').innerText()).toBe('3 attempts');
    expect(await savedAttempts(page, 'tanh-derivative-in-z')).toHaveLength(3);
    await page.reload();
    await poll(() => card(page, 'tanh-derivative-in-z').locator('[data-badge]').innerText()).toBe(
      '✓ Solved (score 60%)',
    );
    // The progress page: the lesson's score is the mean over its exercises, this one counting 0.6.
    const total = await page.locator('exercise-card').count();
    await page.goto('/progress/');
    const status = page.locator('[data-lesson-status="tanh"]').first();
    await poll(() => status.innerText()).toContain(`score ${Math.round((0.6 / total) * 100)}%`);
    await context.close();
  });
});

describe('3. present mode', () => {
  it('one Check records one attempt and one hint click reveals one hint; previews carry no behaviour', async () => {
    const { page, context, errors } = await openPage(browser, '/present/sigmoid/');
    await page.waitForSelector('[data-deck][data-ready]', { state: 'attached' });
    const id = 'sigmoid-derivative-in-g';
    const n = await page.evaluate(
      (exercise) =>
        Number(
          document.querySelector<HTMLElement>(`.slide:has(exercise-card[data-id="${exercise}"])`)?.dataset['slide'] ??
            0,
        ),
      id,
    );
    expect(n).toBeGreaterThan(1);
    await page.evaluate((slide) => (location.hash = `#/${slide}`), n);
    const c = page.locator(`.slide-current:not([data-static-copy]) exercise-card[data-id="${id}"]`);
    await poll(() => c.isVisible()).toBe(true);
    await answer(c, 'g*(1+g)');
    await poll(() => c.locator('[data-attempts]').innerText()).toBe('1 attempt');
    expect(await savedAttempts(page, id)).toHaveLength(1);
    await c.locator('[data-hint-button]').click();
    await poll(() => c.locator('[data-hints] li:not([hidden])').count()).toBe(1);
    expect(await c.locator('[data-hint-button]').innerText()).toMatch(/2 of/);
    // Open the overview (its thumbnails are copies of every slide): nothing is recorded or wired again.
    await page.keyboard.press('o');
    await poll(() => page.locator('[data-static-copy]').count()).not.toBe(0);
    await page.keyboard.press('Escape');
    expect(await savedAttempts(page, id)).toHaveLength(1);
    await answer(c, 'g*(1-g)');
    await poll(() => c.locator('[data-attempts]').innerText()).toBe('2 attempts');
    expect(await savedAttempts(page, id)).toHaveLength(2);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('4. one store, one channel', () => {
  it('a reset on the progress page clears hints and badges of cards open in another tab; an import reaches them', async () => {
    const { page, context, errors } = await openPage(browser, '/lessons/sigmoid/');
    const c = card(page, 'sigmoid-derivative-in-g');
    const hints = await c.locator('[data-hints] li').count();
    for (let i = 0; i < hints; i++) await c.locator('[data-hint-button]').click();
    await poll(() => c.locator('[data-hint-button]').innerText()).toBe('No more hints');
    await answer(c, 'g*(1-g)');
    await poll(() => c.locator('[data-badge]').innerText()).toMatch(/Solved/);

    const other = await context.newPage();
    await other.goto('/practice/');
    const exported = await other.evaluate((key) => localStorage.getItem(key), KEY);
    other.once('dialog', (dialog) => void dialog.accept());
    await other.locator('[data-reset]').click();
    await poll(() => other.locator('progress-panel [data-message]').innerText()).toBe('All progress was reset.');

    // The first tab, without a reload: a clean card.
    await poll(() => c.locator('[data-badge]').innerText()).toBe('');
    await poll(() => c.locator('[data-hints] li:not([hidden])').count()).toBe(0);
    expect(await c.locator('[data-hint-button]').innerText()).toBe(`Show a hint (1 of ${hints})`);
    expect(await c.locator('[data-feedback]').innerText()).toBe('');
    expect(await c.locator('input[data-input]').inputValue()).toBe('');

    // Import the earlier copy in the second tab: the first tab shows it again.
    await other
      .locator('[data-import]')
      .setInputFiles({ name: 'p.json', mimeType: 'application/json', buffer: Buffer.from(exported ?? '') });
    await poll(() => c.locator('[data-badge]').innerText()).toMatch(/Solved/);
    await poll(() => c.locator('[data-hint-button]').innerText()).toBe('No more hints');
    await poll(() => c.locator('[data-feedback]').innerText()).toMatch(
      /^Correct\. Your last answer, restored here, was right\./,
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a card opened before any progress existed follows an answer given in another tab', async () => {
    const { page, context } = await openPage(browser, '/lessons/sigmoid/');
    const c = card(page, 'sigmoid-derivative-in-g');
    // In view, as the reader sees it: off screen a card is not rendered (content-visibility), and
    // innerText reads only rendered text.
    await c.scrollIntoViewIfNeeded();
    const other = await context.newPage();
    await other.goto('/lessons/sigmoid/');
    await answer(card(other, 'sigmoid-derivative-in-g'), 'g - g^2');
    await poll(() => c.locator('[data-badge]').innerText()).toBe('✓ Solved (score 100%)');
    expect(await c.locator('input[data-input]').inputValue()).toBe('g - g^2');
    await context.close();
  });
});

describe('5. feedback names the quantity asked', () => {
  it('asked for g on leaky ReLU, max(0, z) is told about g(z), not a derivative', async () => {
    const { page, context } = await openPage(browser, '/lessons/leaky-relu/');
    const c = card(page, 'leaky-relu-as-max');
    await answer(c, 'max(0, z)');
    const text = await c.locator('[data-feedback]').innerText();
    expect(text).toMatch(/g\(z\) there is −0\.01/);
    expect(text).not.toMatch(/derivative/);
    await context.close();
  });
});

describe('6. numbers right to the precision given', () => {
  it('tanh′(3) as 0.0099 is not called wrong and costs no attempt; the prompt states the precision', async () => {
    const { page, context } = await openPage(browser, '/lessons/misbehaving-activations/');
    const c = card(page, 'saturated-tanh-slope');
    await c.scrollIntoViewIfNeeded(); // rendered (from the next frame), as the reader sees it: see above
    await poll(() => c.locator('.numeric-format').innerText()).toMatch(/^Give the value to 3 significant digits/);
    await answer(c, '0.0099');
    expect(await c.locator('[data-feedback]').innerText()).toMatch(/right to the 2 significant digits you gave/);
    expect(await c.locator('[data-attempts]').innerText()).toBe('');
    await answer(c, '1 - tanh(3)^2');
    await poll(() => c.locator('[data-feedback]').innerText()).toMatch(/^Correct\./);
    await context.close();
  });
});

describe('7. importing a file that is not JSON', () => {
  it('says the file cannot be imported and the saved progress is unchanged', async () => {
    const { page, context } = await openPage(browser, '/practice/');
    await page.evaluate(
      (key) =>
        localStorage.setItem(
          key,
          JSON.stringify({
            version: 2,
            exercises: {
              'power-rule-square': {
                attempts: [{ correct: true, hints: 0, at: '2026-12-01T09:00:00.000Z', answer: '2z' }],
                omitted: 0,
                hintsUsed: 0,
                updatedAt: '2026-12-01T09:00:00.000Z',
              },
            },
          }),
        ),
      KEY,
    );
    await page.reload();
    const before = await page.evaluate((key) => localStorage.getItem(key), KEY);
    await page
      .locator('[data-import]')
      .setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('my notes, not progress') });
    const message = page.locator('progress-panel [data-message]');
    await poll(() => message.innerText()).toBe(
      'This file cannot be imported: it is not JSON. Your saved progress is unchanged.',
    );
    expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBe(before);
    expect(await page.locator('[data-progress-notice]').first().isVisible()).toBe(false);
    await context.close();
  });
});

describe('the end-of-set review', () => {
  it('scores the lesson set, lists the missed exercise with its worked solution, and retries it on the practice page', async () => {
    const { page, context, errors } = await openPage(browser, '/lessons/tanh/');
    const c = card(page, 'tanh-derivative-in-z');
    await answer(c, '1');
    await answer(c, '2');
    const review = page.locator('exercise-review');
    await poll(() => review.locator('[data-review-summary]').innerText()).toMatch(
      /^0 of \d+ solved · 1 attempted · score 0%\. 1 to look at again\./,
    );
    await review.locator('[data-review-open]').click();
    const item = review.locator('.review-item');
    await poll(() => item.count()).toBe(1);
    expect(await item.innerText()).toMatch(/Exercise 1/);
    expect(await item.locator('.katex').count()).toBeGreaterThan(0);
    const retry = review.locator('[data-review-retry]');
    expect(await retry.isVisible()).toBe(true);
    await retry.click();
    await page.waitForURL(/\/practice\/\?retry=tanh-derivative-in-z&seed=/);
    await poll(() => page.locator('exercise-card:not([hidden])').count()).toBe(1);
    expect(await page.locator('[data-retry-note]').innerText()).toMatch(/Retrying the 1 exercise you missed/);
    const again = page.locator('exercise-card:not([hidden])');
    expect(await again.getAttribute('data-id')).toBe('tanh-derivative-in-z');
    // Its saved attempts are still there: the retry is honest about the earlier ones.
    await poll(() => again.locator('[data-attempts]').innerText()).toBe('2 attempts');
    await answer(again, '1 - tanh(z)^2');
    await poll(() => again.locator('[data-badge]').innerText()).toBe('✓ Solved (score 60%)');
    await poll(() => page.locator('exercise-review [data-review-summary]').innerText()).toMatch(/^1 of 1 solved/);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('derivations', () => {
  it('a fully revealed derivation can be hidden again to test oneself', async () => {
    const { page, context } = await openPage(browser, '/lessons/sigmoid/');
    const d = page.locator('derivation-steps').first();
    await d.locator('button[data-action="all"]').click();
    const hide = d.locator('button[data-action="hide"]');
    await poll(() => hide.isVisible()).toBe(true);
    await hide.click();
    await poll(() => d.locator('li.derivation-step:not([hidden])').count()).toBe(1);
    expect(await d.locator('button[data-action="next"]').isVisible()).toBe(true);
    expect(await hide.isVisible()).toBe(false);
    await context.close();
  });
});

describe('the timed exam', () => {
  it('hides hints and solutions while the clock runs, and locks the answers and opens the review on hand-in, also after a reload', async () => {
    const { page, context, errors } = await openPage(browser, '/practice/?seed=exam-1&exam=20');
    const clock = page.locator('[data-exam-clock]');
    await poll(() => clock.innerText()).toMatch(/^(20:00|19:5\d) left$/);
    const first = page.locator('exercise-card:not([hidden])').first();
    expect(await first.locator('[data-hint-button]').isVisible()).toBe(false);
    expect(await page.locator('exercise-card:not([hidden]) [data-solution]:visible').count()).toBe(0);
    await page.locator('[data-exam-hand-in]').click();
    await poll(() => clock.innerText()).toMatch(/^Handed in/);
    expect(await first.locator('button[type="submit"]').isDisabled()).toBe(true);
    await poll(() => first.locator('[data-solution]').isVisible()).toBe(true);
    await poll(() => page.locator('exercise-review [data-review-body]').isVisible()).toBe(true);
    await page.reload();
    await poll(() => page.locator('[data-exam-clock]').innerText()).toMatch(/^This exam is over/);
    expect(await page.locator('exercise-card:not([hidden]) button[type="submit"]').first().isDisabled()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the formula sheet', () => {
  it('lists every activation of the registry and prints on one sheet of A4 and of Letter', async () => {
    const { activationIds } = await import('../../src/math/index.ts');
    const { page, context, errors } = await openPage(browser, '/formulas/');
    for (const id of activationIds) expect(await page.locator(`#formula-${id}`).count(), id).toBe(1);
    // Linked from the home page and from every lesson.
    await page.goto('/');
    expect(await page.locator('a[href$="/formulas/"]').count()).toBeGreaterThan(0);
    await page.goto('/lessons/relu/');
    expect(await page.locator('.lesson-tools a[href$="/formulas/"]').count()).toBe(1);
    await page.goto('/formulas/');
    await page.emulateMedia({ media: 'print', colorScheme: 'light' });
    for (const format of ['A4', 'Letter'] as const) {
      const pdf = await page.pdf({ format, preferCSSPageSize: true });
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
      expect(pages, format).toHaveLength(1);
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});
