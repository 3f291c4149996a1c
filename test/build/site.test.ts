import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildResult } from './build-site.ts';

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

const lessonIds = readdirSync('content/lessons')
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => f.replace(/\.mdx$/, ''));

describe('production build', () => {
  let build: BuildResult;
  let files: string[];
  const html = (path: string) => readFileSync(join(build.outDir, path), 'utf8');

  beforeAll(() => {
    build = buildSite();
    files = build.status === 0 ? filesUnder(build.outDir) : [];
  }, 300_000);

  it('succeeds', () => {
    expect(build.status, build.output).toBe(0);
  });

  it('builds the home page, the 404 page and a page per lesson', () => {
    expect(existsSync(join(build.outDir, 'index.html'))).toBe(true);
    expect(existsSync(join(build.outDir, '404.html'))).toBe(true);
    for (const id of lessonIds) expect(existsSync(join(build.outDir, 'lessons', id, 'index.html')), id).toBe(true);
  });

  it.each(lessonIds)('typesets the math of lesson %s at build time, with MathML', (id) => {
    const page = html(`lessons/${id}/index.html`);
    expect(page).toMatch(/class="katex-display"/);
    expect(page).toMatch(/class="katex-mathml"><math xmlns="http:\/\/www\.w3\.org\/1998\/Math\/MathML"/);
    // Math must never reach a reader as raw TeX, a red error span or a code block.
    expect(page).not.toContain('katex-error');
    expect(page).not.toContain('$$');
    expect(page).not.toMatch(/class="[^"]*language-math/);
    expect(page).not.toMatch(/<code[^>]*>\s*\\frac/);
    // Every formula's HTML rendering has its MathML twin.
    const htmlCount = page.match(/class="katex-html"/g)?.length ?? 0;
    const mathmlCount = page.match(/class="katex-mathml"/g)?.length ?? 0;
    expect(htmlCount).toBeGreaterThan(0);
    expect(mathmlCount).toBe(htmlCount);
  });

  it('typesets with the same KaTeX version whose stylesheet the pages load', () => {
    // rehype-katex renders the lessons' math; Base.astro loads katex/dist/katex.min.css. KaTeX 0.19
    // renamed its classes (strut → katex-strut…), so two versions would mis-place every exponent.
    const require = createRequire(import.meta.url);
    const version = (from: string) =>
      (
        JSON.parse(readFileSync(require.resolve('katex/package.json', { paths: [from] }), 'utf8')) as {
          version: string;
        }
      ).version;
    const rehypeKatexDir = join(process.cwd(), 'node_modules', 'rehype-katex');
    expect(version(rehypeKatexDir)).toBe(version(process.cwd()));
    for (const id of lessonIds) expect(html(`lessons/${id}/index.html`)).not.toMatch(/class="(strut|base)"/);
  });

  it('ships no KaTeX JavaScript to read a page', () => {
    // What a page loads before any interaction: its module scripts and their static imports.
    // (An exercise's live preview may load KaTeX later, on first input, through a dynamic import.)
    const staticImports = (file: string): string[] =>
      [...readFileSync(file, 'utf8').matchAll(/import\s*(?:[\w$*{},\s]+from\s*)?["']([^"']+\.js)["']/g)].map((m) =>
        join(dirname(file), m[1] ?? ''),
      );
    let checked = 0;
    for (const page of files.filter((f) => f.endsWith('.html'))) {
      const queue = [...readFileSync(page, 'utf8').matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) =>
        join(build.outDir, m[1] ?? ''),
      );
      const seen = new Set<string>();
      for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
        if (seen.has(file)) continue;
        seen.add(file);
        expect(
          readFileSync(file, 'utf8'),
          `${relative(build.outDir, page)} loads ${relative(build.outDir, file)}`,
        ).not.toContain('KaTeX parse error');
        queue.push(...staticImports(file));
      }
      checked += seen.size;
    }
    expect(checked).toBeGreaterThan(0); // every page loads at least the theme toggle
  });

  it('ships no schema library to the browser (saved progress and the grader validate with small checks of their own)', () => {
    const bundled = files.filter((f) => f.endsWith('.js') && /ZodError|\$ZodType/.test(readFileSync(f, 'utf8')));
    expect(bundled.map((f) => relative(build.outDir, f))).toEqual([]);
  });

  it('serves the KaTeX fonts itself', () => {
    // Stylesheets are inlined into the pages (astro.config: inlineStylesheets), so read both.
    const css = [
      ...files.filter((f) => f.endsWith('.css')).map((f) => readFileSync(f, 'utf8')),
      ...lessonIds.flatMap((id) =>
        [...html(`lessons/${id}/index.html`).matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1] ?? ''),
      ),
    ];
    const fontUrls = css.flatMap((source) => [...source.matchAll(/url\(([^)]+)\)/g)].map((m) => m[1] ?? ''));
    const katexFonts = fontUrls.filter((url) => url.includes('KaTeX_'));
    expect(katexFonts.length).toBeGreaterThan(10);
    for (const url of katexFonts) {
      expect(url).toMatch(/^\/_astro\/KaTeX_[\w.-]+\.(woff2|woff|ttf)$/);
      expect(existsSync(join(build.outDir, url)), url).toBe(true);
    }
  });

  it('has no absolute URL at all without SITE_URL: no canonical link, no social image URL, no sitemap', () => {
    for (const file of files.filter((f) => f.endsWith('.html'))) {
      const page = readFileSync(file, 'utf8');
      for (const [, url] of page.matchAll(/(?:src|href|content)="([^"]+)"/g))
        expect(url, relative(build.outDir, file)).not.toMatch(/^(https?:)?\/\//);
      expect(page, relative(build.outDir, file)).not.toContain('rel="canonical"');
    }
    expect(existsSync(join(build.outDir, 'sitemap-index.xml'))).toBe(false);
  });
});

describe('a build with SITE_URL', () => {
  const site = 'https://course.example.org/';
  let build: BuildResult;
  beforeAll(() => {
    build = buildSite({ siteUrl: site });
  }, 300_000);

  it('makes canonical links, the social image URL and the sitemap from that one address', () => {
    expect(build.status, build.output).toBe(0);
    const lesson = readFileSync(join(build.outDir, 'lessons', 'sigmoid', 'index.html'), 'utf8');
    expect(lesson).toContain(`<link rel="canonical" href="${site}lessons/sigmoid/">`);
    expect(lesson).toContain(`<meta property="og:image" content="${site}social.png">`);
    // Slides point search engines at their lesson page.
    const deck = readFileSync(join(build.outDir, 'present', 'sigmoid', 'index.html'), 'utf8');
    expect(deck).toContain(`<link rel="canonical" href="${site}lessons/sigmoid/">`);
    const sitemap = readFileSync(join(build.outDir, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain(`${site}lessons/sigmoid/`);
    // Absolute URLs name the site itself, never another host.
    for (const file of filesUnder(build.outDir).filter((f) => f.endsWith('.html'))) {
      const page = readFileSync(file, 'utf8');
      for (const [, url] of page.matchAll(/(?:src|href|content)="([^"]+)"/g)) {
        if (url?.startsWith(site)) continue;
        expect(url, relative(build.outDir, file)).not.toMatch(/^(https?:)?\/\//);
      }
    }
  });

  it('refuses an address that is not one, with a message that says so', () => {
    const bad = buildSite({ siteUrl: 'course.example.org' });
    expect(bad.status).not.toBe(0);
    expect(bad.output).toContain('SITE_URL must be an absolute http(s) address');
  }, 300_000);
});

describe('a broken lesson fails the build with a clear message', () => {
  it('names the file and the field of a bad frontmatter value', () => {
    const build = buildSite({ lessonsDir: 'test/fixtures/bad-frontmatter' });
    expect(build.status).not.toBe(0);
    expect(build.output).toContain('broken-order');
    expect(build.output).toMatch(/\border\b.*(number|expected)/i);
  }, 300_000);

  it('names the file and the TeX of a formula KaTeX cannot typeset', () => {
    const build = buildSite({ lessonsDir: 'test/fixtures/bad-katex' });
    expect(build.status).not.toBe(0);
    expect(build.output).toContain('broken-tex.mdx');
    expect(build.output).toContain('\\undefinedmacro');
  }, 300_000);
});
