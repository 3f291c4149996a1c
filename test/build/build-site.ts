import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface BuildResult {
  status: number | null;
  output: string;
  outDir: string;
}

/**
 * Runs a production `astro build` into a fresh temporary directory. With `lessonsDir`, the site is
 * built from fixture lessons instead of content/lessons, with its own cache; with `siteUrl`, as SITE_URL.
 */
export function buildSite(options: { lessonsDir?: string; siteUrl?: string } = {}): BuildResult {
  const outDir = mkdtempSync(join(tmpdir(), 'course-build-'));
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
  // The site's address is one setting (astro.config.mjs); the default build runs without it.
  delete env['SITE_URL'];
  if (options.siteUrl !== undefined) env['SITE_URL'] = options.siteUrl;
  if (options.lessonsDir) {
    env['LESSONS_DIR'] = resolve(options.lessonsDir);
    env['ASTRO_CACHE_DIR'] = mkdtempSync(join(tmpdir(), 'course-cache-'));
  }
  const result = spawnSync(
    process.execPath,
    [resolve('node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir],
    {
      env,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, outDir };
}
