/**
 * Cuts every deck at build time (issue 17): after `astro build`, serves the output, opens each
 * /present/<lesson>/ once in Chromium at 1280 × 720 with `?measure-cut`, where the slide engine
 * measures the lesson exactly as a reader's browser would (one pass, then every slide fitted) and
 * leaves the cut in `data-plan`; the cut is written into the page's `<script data-deck-plan>`. A
 * reader's browser then moves nodes where the plan says and measures nothing at load (deck-plan.ts).
 * Without Chromium the build still succeeds, with a warning: the decks then cut themselves in the
 * browser, as before. `DECK_CUT=off` skips the step.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { planQuery, readDeckPlan } from '../components/present/deck-plan.ts';
import { launchChromium } from '../test/e2e/support/chromium.ts';
import { serveDist } from './serve-dist.ts';

/** The empty plan PresentDeck.astro renders, to be filled in. */
const placeholder = '<script type="application/json" data-deck-plan></script>';

const isDeck = (pathname: string): boolean => /^\/?present\/[^/]+\/?$/.test(pathname);

/** Measures and writes the cut of each deck page under `root` (a built site); returns how many were cut. */
export async function cutDecks(
  root: string,
  pathnames: readonly string[],
  logger: AstroIntegrationLogger,
): Promise<number> {
  const decks = pathnames.filter(isDeck).map((p) => `/${p.replace(/^\/|\/$/g, '')}/`);
  if (decks.length === 0) return 0;
  let browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    logger.warn(
      `decks not cut at build time (no Chromium: ${String(error).split('\n')[0]}); they cut themselves in the browser`,
    );
    return 0;
  }
  const { server, url } = await serveDist(root);
  let count = 0;
  try {
    // The cut is made on the 1600 × 900 stage, so the window only has to show slides (not the phone's reading view).
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    for (const deck of decks) {
      const file = join(root, deck, 'index.html');
      const html = await readFile(file, 'utf8');
      if (!html.includes(placeholder)) {
        logger.warn(`${deck}: no plan placeholder; left to cut itself in the browser`);
        continue;
      }
      await page.goto(`${url}${deck}?${planQuery}`);
      const json = await page
        .locator('[data-deck][data-plan]')
        .getAttribute('data-plan', { timeout: 60_000 })
        .catch(() => null);
      if (readDeckPlan(json) === undefined || json === null) {
        logger.warn(`${deck}: the deck gave no valid cut; left to cut itself in the browser`);
        continue;
      }
      await writeFile(file, html.replace(placeholder, placeholder.replace('></script>', `>${json}</script>`)));
      count += 1;
    }
    await context.close();
  } finally {
    await browser.close();
    server.close();
  }
  return count;
}

/** The Astro integration: runs cutDecks on the build output. */
export function deckCuts(): AstroIntegration {
  return {
    name: 'deck-cuts',
    hooks: {
      'astro:build:done': async ({ dir, pages, logger }) => {
        if (process.env['DECK_CUT'] === 'off') return;
        const started = performance.now();
        const count = await cutDecks(
          fileURLToPath(dir),
          pages.map((p) => p.pathname),
          logger,
        );
        if (count > 0)
          logger.info(
            `cut ${String(count)} deck(s) at 1280×720 in ${((performance.now() - started) / 1000).toFixed(1)} s`,
          );
      },
    },
  };
}
