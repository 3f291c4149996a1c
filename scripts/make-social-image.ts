// Regenerates public/social.png (the 1200×630 link-preview image) with the site's own KaTeX:
//   node scripts/make-social-image.ts
import { readFileSync, writeFileSync } from 'node:fs';
import katex from 'katex';
import { chromium } from 'playwright-core';
import { chromiumFlags, chromiumPath } from '../test/e2e/support/chromium.ts';

const css = readFileSync('node_modules/katex/dist/katex.min.css', 'utf8').replaceAll(
  'url(fonts/',
  `url(file://${process.cwd()}/node_modules/katex/dist/fonts/`,
);
const formula = katex.renderToString(String.raw`\sigma'(z) = \sigma(z)\bigl(1-\sigma(z)\bigr)`, { displayMode: true });
const html = `<!doctype html><html><head><style>${css}
body{margin:0;width:1200px;height:630px;display:flex;flex-direction:column;justify-content:center;padding:0 90px;box-sizing:border-box;
background:#14161a;color:#e8eaee;font-family:system-ui,sans-serif}
h1{font-size:68px;margin:0 0 10px}p{font-size:32px;color:#a9afbb;margin:0}.katex-display{font-size:56px;text-align:left;margin:40px 0;color:#8ab4f8}
</style></head><body><h1>Activation Derivatives</h1><p>Every derivation step shown, typeset and machine-checked.</p>${formula}</body></html>`;
writeFileSync('/tmp/social.html', html);
const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: [...chromiumFlags, '--allow-file-access-from-files'],
});
const page = await browser.newPage({ viewport: { width: 1200, height: 630 } });
await page.goto('file:///tmp/social.html');
await page.evaluate(() => document.fonts.ready);
await page.screenshot({ path: 'public/social.png' });
await browser.close();
