import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presets } from '../../components/playground/presets.ts';
import { traceRun } from '../../components/playground/trace.ts';
import { launchChromium } from './support/chromium.ts';
import { openPage } from './support/page.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

/** The numbers the page shows for one network: the readout and the per-layer table. */
interface Shown {
  testLoss: number;
  norms: number[];
  dead: number[];
}

async function shown(page: Page): Promise<{ a: Shown; b: Shown }> {
  return page.evaluate(() => {
    const root = document.querySelector('training-playground') as HTMLElement;
    const column = (attr: string, i: number): number[] =>
      [...root.querySelectorAll('[data-out="layers"] tr')].flatMap((row) => {
        const cells = row.querySelectorAll(`td[data-${attr}]`);
        const cell = cells[i] as HTMLElement | undefined;
        return cell === undefined ? [] : [Number(cell.dataset[attr])];
      });
    const loss = (side: string): number =>
      Number((root.querySelector(`[data-out="${side}-test"]`) as HTMLElement).dataset['value']);
    return {
      a: { testLoss: loss('a'), norms: column('norm', 0), dead: column('dead', 0) },
      b: { testLoss: loss('b'), norms: column('norm', 1), dead: column('dead', 1) },
    };
  });
}

const ratio = (s: Shown): number => (s.norms[0] as number) / (s.norms.at(-1) as number);

/** Each preset's claim, written again against the rendered numbers (not the preset's own check). */
const claims: Record<string, (a: Shown, b: Shown) => void> = {
  'deep-sigmoid-stalls': (a, b) => {
    expect(ratio(a)).toBeLessThan(1e-3);
    expect(a.testLoss).toBeGreaterThan(0.6);
    expect(b.testLoss).toBeLessThan(0.2);
  },
  'relu-dies-bad-bias': (a, b) => {
    for (const d of a.dead) expect(d).toBeGreaterThanOrEqual(0.5);
    expect(a.testLoss).toBeGreaterThan(0.6);
    expect(b.testLoss).toBeLessThan(0.2);
  },
  'leaky-relu-survives': (a, b) => {
    expect(a.dead.every((d) => d === 0)).toBe(true);
    expect(a.testLoss).toBeLessThan(0.3);
    for (const d of b.dead) expect(d).toBeGreaterThanOrEqual(0.5);
  },
  'he-rescues-relu': (a, b) => {
    expect(a.testLoss).toBeLessThan(0.2);
    expect(b.testLoss).toBeGreaterThan(0.6);
    expect(ratio(b)).toBeLessThan(1e-3);
  },
  'tanh-beats-sigmoid': (a, b) => {
    expect(a.testLoss).toBeLessThan(0.2);
    expect(b.testLoss).toBeGreaterThan(0.6);
  },
};

async function ready(page: Page): Promise<void> {
  await page.waitForSelector('training-playground[data-ready]', { timeout: 15_000 });
}

describe('playground, static first', () => {
  it('with JavaScript off: every preset has its build-time loss and gradient charts and a description', async () => {
    const { page, context } = await openPage(browser, '/playground/', { javaScript: false });
    for (const preset of presets) {
      const card = page.locator(`#preset-${preset.id}`);
      await expect(card.locator('.plot-area svg').count()).resolves.toBe(2);
      await expect(card.locator('.plot-area svg path').count()).resolves.toBeGreaterThan(4);
      const text = await card.locator('.plot-description').innerText();
      expect(text).toMatch(new RegExp(`at step ${preset.config.stopAt}: train loss \\d`));
      await expect(card.locator('a[href*="?preset="]').getAttribute('href')).resolves.toBe(
        `?preset=${preset.id}#playground`,
      );
    }
    await expect(page.locator('select[name="data"]').isDisabled()).resolves.toBe(true);
    await expect(page.locator('[data-action="play"]').isDisabled()).resolves.toBe(true);
    await expect(page.locator('[data-chart="norm"] svg').count()).resolves.toBe(1);
    await context.close();
  });
});

describe('playground presets', () => {
  it.each(presets.map((p) => p.id))(
    '%s: plays to its last step and the rendered numbers bear out the claim',
    async (id) => {
      const preset = presets.find((p) => p.id === id);
      if (preset === undefined) throw new Error(id);
      const { page, context, errors, external } = await openPage(browser, `/playground/?preset=${id}`);
      await ready(page);
      await expect(page.locator('select[name="preset"]').inputValue()).resolves.toBe(id);
      // Keyboard: focus Play and press Enter.
      await page.locator('[data-action="play"]').focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        (stop) => {
          const root = document.querySelector('training-playground') as HTMLElement;
          return root.dataset['step'] === String(stop) && root.dataset['playing'] === 'false';
        },
        preset.config.stopAt,
        { timeout: 60_000 },
      );
      const { a, b } = await shown(page);
      expect(a.norms.length).toBe(preset.config.depth + 1);
      expect(b.norms.length).toBe(preset.config.depth + 1);
      claims[id]?.(a, b);
      // The worker ran the very steps the build ran: same engine, same seed, same numbers.
      for (const [side, shownSide] of [
        ['a', a],
        ['b', b],
      ] as const) {
        const built = traceRun(preset.config, side, preset.config.stopAt, 1).end;
        expect(Math.abs(shownSide.testLoss - built.testLoss) / built.testLoss).toBeLessThan(1e-9);
      }
      await expect(page.locator('[data-out="verdict"]').innerText()).resolves.toMatch(/^Claim holds at step/);
      await expect(page.locator('[data-out="status"]').innerText()).resolves.toContain(
        `Paused at step ${preset.config.stopAt}`,
      );
      expect(errors).toEqual([]);
      expect(external).toEqual([]);
      await context.close();
    },
    90_000,
  );
});

describe('playground controls', () => {
  it('keyboard changes go to the URL, restart training, and survive a reload', async () => {
    const { page, context, errors } = await openPage(browser, '/playground/');
    await ready(page);
    await page.locator('select[name="data"]').focus();
    await page.keyboard.press('ArrowDown'); // circles → xor
    await page.locator('input[name="depth"]').focus();
    await page.keyboard.press('ArrowRight'); // 3 → 4 hidden layers
    await expect.poll(() => page.evaluate(() => location.search)).toContain('depth=4');
    expect(await page.evaluate(() => location.search)).toContain('data=xor');
    await expect(page.locator('[data-out="layers"] tr').count()).resolves.toBe(5);
    // One step by keyboard.
    await page.locator('[data-action="step"]').focus();
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('[data-out="a-step"]').innerText()).toBe('1');
    await page.reload();
    await ready(page);
    await expect(page.locator('select[name="data"]').inputValue()).resolves.toBe('xor');
    await expect(page.locator('input[name="depth"]').inputValue()).resolves.toBe('4');
    await expect(page.locator('[data-out="a-step"]').innerText()).resolves.toBe('0');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the regression set draws a fitted curve and trains with mse', async () => {
    const { page, context, errors } = await openPage(
      browser,
      '/playground/?data=regression&act=tanh&init=xavier&stop=200',
    );
    await ready(page);
    await expect(page.locator('[data-out="boundary-title"]').innerText()).resolves.toBe('Fitted curve');
    await page.locator('[data-action="play"]').click();
    await page.waitForFunction(
      () => (document.querySelector('training-playground') as HTMLElement).dataset['step'] === '200',
    );
    const loss = Number(await page.locator('[data-out="a-test"]').getAttribute('data-value'));
    expect(loss).toBeLessThan(0.1);
    await expect(page.locator('[data-out="a-acc"]').innerText()).resolves.toBe('—');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('after training with a comparison: no axe violation in either theme', async () => {
    const { page, context } = await openPage(browser, '/playground/?preset=leaky-relu-survives');
    await ready(page);
    await page.locator('[data-action="play"]').click();
    await page.waitForFunction(
      () =>
        (document.querySelector('training-playground') as HTMLElement).dataset['playing'] === 'false' &&
        (document.querySelector('training-playground') as HTMLElement).dataset['step'] !== '0',
    );
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme });
      await page.evaluate((t) => (document.documentElement.dataset['theme'] = t), theme);
      const { violations } = await new AxeBuilder({ page }).include('training-playground').analyze();
      expect(
        violations.map((v) => `${theme} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
      ).toEqual([]);
    }
    await context.close();
  }, 60_000);
});

describe('playground in present mode', () => {
  it('announces its state on a change and applies a state from the other window without echoing it', async () => {
    const { page, context, errors } = await openPage(browser, '/playground/');
    await ready(page);
    await page.evaluate(() => {
      const w = window as unknown as { announced: unknown[] };
      w.announced = [];
      document.addEventListener('widget-state', (event) => w.announced.push((event as CustomEvent).detail));
    });
    await page.selectOption('select[name="preset"]', 'tanh-beats-sigmoid');
    const announced = await page.evaluate(
      () => (window as unknown as { announced: { id: string; state: Record<string, string> }[] }).announced,
    );
    expect(announced.at(-1)?.id).toBe('playground');
    expect(announced.at(-1)?.state).toMatchObject({ preset: 'tanh-beats-sigmoid', act: 'tanh', run: 'pause' });

    // What the deck does with the other window's state: a different preset, playing.
    const state = {
      ...(announced.at(-1)?.state ?? {}),
      preset: 'relu-dies-bad-bias',
      act: 'relu',
      bias: '-2',
      init: 'he',
      'b.init': 'he',
      lr: '0.01',
      opt: 'adam',
      stop: '400',
      'b.act': 'relu',
      'b.bias': '0',
      run: 'play',
      resets: '7',
    };
    const before = announced.length;
    await page.evaluate((s) => {
      document
        .getElementById('playground')
        ?.dispatchEvent(new CustomEvent('widget-state-apply', { detail: { id: 'playground', state: s } }));
    }, state);
    await expect(page.locator('select[name="preset"]').inputValue()).resolves.toBe('relu-dies-bad-bias');
    await page.waitForFunction(
      () => (document.querySelector('training-playground') as HTMLElement).dataset['step'] === '400',
      null,
      { timeout: 60_000 },
    );
    await expect(page.locator('[data-out="verdict"]').innerText()).resolves.toMatch(/^Claim holds/);
    expect(await page.evaluate(() => (window as unknown as { announced: unknown[] }).announced.length)).toBe(before);
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);
});
