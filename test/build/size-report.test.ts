import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// The size report (scripts/size-report.ts) run on a small made-up build: every page, every lazy
// chunk by name with the pages that load it — a deck's widget scripts listed in its
// `<template data-deck-modules>` and what they import, statically or dynamically, included.

const script = join(dirname(fileURLToPath(import.meta.url)), '../../scripts/size-report.ts');
const root = mkdtempSync(join(tmpdir(), 'size-report-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

/** A comment of random text: about 0.75 KB gzip per KB written. */
const noise = (kb: number): string => `/*${randomBytes(kb * 750).toString('base64')}*/`;

write('index.html', '<!doctype html><title>home</title><script type="module" src="/_astro/page.AAAAAAAA.js"></script>');
write('_astro/page.AAAAAAAA.js', 'import "./shared.BBBBBBBB.js"; import("./plot-marks.CCCCCCCC.js");');
write('_astro/shared.BBBBBBBB.js', 'export const x = 1;');
write('_astro/plot-marks.CCCCCCCC.js', `export const plot = 1;${noise(2)}`);
write(
  'present/demo/index.html',
  [
    '<!doctype html><title>deck</title>',
    '<script type="module" src="/_astro/deck.DDDDDDDD.js"></script>',
    '<template data-deck-modules><i data-src="/_astro/DepthFlow.astro_astro_type_script_index_0_lang.EEEEEEEE.js" data-tag="depth-flow"></i></template>',
  ].join(''),
);
write('_astro/deck.DDDDDDDD.js', 'export const deck = 1;');
write(
  '_astro/DepthFlow.astro_astro_type_script_index_0_lang.EEEEEEEE.js',
  'import "./when-near.FFFFFFFF.js"; import("./depth-flow-widget.GGGGGGGG.js");',
);
write('_astro/when-near.FFFFFFFF.js', 'export const near = 1;');
write('_astro/depth-flow-widget.GGGGGGGG.js', 'import("./plot-marks.CCCCCCCC.js");');

const report = (): { out: string; status: number } => {
  try {
    const out = execFileSync(process.execPath, [script], { env: { ...process.env, DIST_DIR: root }, encoding: 'utf8' });
    return { out, status: 0 };
  } catch (error) {
    const e = error as { stdout: string; status: number };
    return { out: e.stdout, status: e.status };
  }
};

describe('size report', () => {
  it('lists every page and each lazy chunk by name with who loads it, a deck’s widget scripts included', () => {
    const { out, status } = report();
    expect(status).toBe(0);
    expect(out).toMatch(/^\s+\/\s+\d+\.\d KB/m);
    expect(out).toMatch(/^\s+\/present\/demo\/\s+\d+\.\d KB/m);
    // The deck's element script, what it imports statically, and what it loads later.
    expect(out).toMatch(/^\s+DepthFlow\.astro script\s+\d+\.\d KB\s+1 deck\(s\)$/m);
    expect(out).toMatch(/^\s+when-near\s+\d+\.\d KB\s+1 deck\(s\)$/m);
    expect(out).toMatch(/^\s+depth-flow-widget\s+\d+\.\d KB\s+1 deck\(s\)$/m);
    // Plot, reached from the home page directly and from the deck through two lazy steps.
    expect(out).toMatch(/^\s+plot-marks\s+\d+\.\d KB \(Plot\)\s+1 deck\(s\), \/$/m);
    // The deck's widget code is not counted as up front.
    expect(out).toContain('Met.');
  });

  it('fails when a page loads more than 10 KB of JavaScript up front', () => {
    write('_astro/shared.BBBBBBBB.js', `export const x = 1;${noise(16)}`);
    const { out, status } = report();
    expect(status).toBe(1);
    expect(out).toMatch(/^\s+\/\s+1\d\.\d KB\s+\d+\s+\d+\.\d KB\s+JS OVER 10\.0 KB$/m);
    expect(out).toContain('EXCEEDED.');
    write('_astro/shared.BBBBBBBB.js', 'export const x = 1;');
  });
});
