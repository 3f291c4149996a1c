import type { Browser, BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { inject } from 'vitest';

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught page errors seen so far. */
  errors: string[];
  /** Requests to any host other than the test server. */
  external: string[];
}

/**
 * A fresh context and page that records console errors and blocks (and records) any request that
 * leaves the test server: the site must be self-contained.
 */
export async function openPage(
  browser: Browser,
  path: string,
  options: { javaScript?: boolean } = {},
): Promise<OpenedPage> {
  const baseURL = inject('baseURL');
  const context = await browser.newContext({ baseURL, javaScriptEnabled: options.javaScript ?? true });
  const errors: string[] = [];
  const external: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(baseURL) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    external.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(path);
  return { page, context, errors, external };
}
