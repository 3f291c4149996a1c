import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Every page of the built site, as a URL path ('/', '/lessons/sigmoid/', '/404.html'…). */
export function builtPages(root = process.env['DIST_DIR'] ?? 'dist'): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      if (entry.isDirectory())
        return entry.name === 'pagefind' || entry.name === '_astro' ? [] : walk(join(dir, entry.name));
      return entry.name.endsWith('.html') ? [join(dir, entry.name)] : [];
    });
  return (
    walk(root)
      .map((file) => `/${relative(root, file).split(sep).join('/')}`)
      .map((path) => path.replace(/index\.html$/, ''))
      // The practice page's card fragments are not pages (fetched into /practice/, checked there).
      .filter((path) => !path.startsWith('/practice/cards/'))
      .sort()
  );
}
