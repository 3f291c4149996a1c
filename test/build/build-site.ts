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
 * built from fixture lessons instead of content/lessons, with its own cache.
 */
export function buildSite(options: { lessonsDir?: string } = {}): BuildResult {
  const outDir = mkdtempSync(join(tmpdir(), 'course-build-'));
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
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
