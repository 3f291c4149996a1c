// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import pagefind from 'astro-pagefind';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { katexOptions } from './src/build/katex-options.ts';
import { rehypeFailOnKatexError } from './src/build/rehype-fail-on-katex-error.ts';
import { deckCuts } from './scripts/cut-decks.ts';

// Astro 7's default Markdown engine (Sätteri) runs no remark/rehype plugins, so `$$…$$` would
// silently become a code block. The unified processor runs remark-math + rehype-katex at build
// time for .md and .mdx alike; rehypeFailOnKatexError turns any KaTeX error into a failed build.
/**
 * The site's public address, one setting: `SITE_URL=https://example.org npm run build`. It makes the
 * canonical links, the social preview image's URL and the sitemap; without it the build has no
 * absolute URL at all (and no sitemap), rather than ones pointing at a placeholder domain.
 */
function siteUrl() {
  const raw = process.env.SITE_URL?.trim();
  if (!raw) return undefined;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`SITE_URL must be an absolute http(s) address such as https://example.org, not "${raw}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(`SITE_URL must be an http(s) address, not "${raw}"`);
  return url.href;
}
const site = siteUrl();

export default defineConfig({
  ...(site ? { site } : {}),
  trailingSlash: 'ignore',
  // The build tests give fixture builds their own cache so they never mix with the real lessons.
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  markdown: {
    processor: unified({
      remarkPlugins: [remarkMath],
      rehypePlugins: [[rehypeKatex, katexOptions], rehypeFailOnKatexError],
    }),
  },
  integrations: [
    mdx(),
    // A sitemap lists absolute URLs: only with SITE_URL.
    ...(site
      ? [
          sitemap({
            filter: (page) =>
              !/\/(search|404)\/?$/.test(page) && !page.includes('/present/') && !page.includes('/practice/cards/'),
          }),
        ]
      : []),
    // Pagefind indexes the built pages; KaTeX's MathML copy (with its TeX annotation) is left out so
    // every formula is indexed once, through its visible rendering.
    pagefind({ indexConfig: { excludeSelectors: ['.katex-mathml', '[data-pagefind-ignore]'], forceLanguage: 'en' } }),
    // Present mode's slides are cut once, here, in Chromium at 1280×720 (scripts/cut-decks.ts).
    deckCuts(),
  ],
  // Inline the (small) stylesheets: one round trip fewer before the first paint.
  build: { format: 'directory', inlineStylesheets: 'always' },
});
