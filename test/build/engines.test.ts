import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const pkg = JSON.parse(read('package.json')) as {
  engines: { node: string };
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

describe('the Node version is said once and agreed on', () => {
  it('README and .ci/run state the engines range of package.json', () => {
    expect(pkg.engines.node).toBe('^22.19.0 || ^24.0.0');
    expect(read('README.md')).toContain(`\`${pkg.engines.node}\``);
    // .ci/run accepts exactly 24.x and 22.19+.
    expect(read('.ci/run')).toContain('process.exit(a===24||(a===22&&b>=19)?0:1)');
    expect(read('.nvmrc').trim()).toBe('24');
  });

  it('every package the code imports by name is declared (no phantom imports)', () => {
    const declared = new Set([...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)]);
    const undeclared = new Set<string>();
    for (const file of sources()) {
      for (const m of read(file).matchAll(/(?:from|import\(|import) '(@?[a-z][\w.-]*(?:\/[\w.@-]+)*)'/g)) {
        const spec = m[1] ?? '';
        if (/^(node|astro|virtual):/.test(spec)) continue;
        const parts = spec.split('/');
        const name = spec.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? '');
        // `import type … from 'hast'` is served by @types/hast.
        if (!declared.has(name) && !declared.has(`@types/${name}`)) undeclared.add(`${name} (${file})`);
      }
    }
    expect([...undeclared]).toEqual([]);
  });
});

/** The project's own source files (TypeScript, Astro, config), relative to the root. */
function sources(): string[] {
  const root = new URL('../../', import.meta.url);
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(new URL(dir, root), { withFileTypes: true })) {
      const path = `${dir}${entry.name}`;
      if (entry.isDirectory()) walk(`${path}/`);
      else if (/\.(ts|mts|mjs|astro)$/.test(entry.name)) out.push(path);
    }
  };
  for (const dir of ['src/', 'components/', 'scripts/', 'server/', 'test/']) walk(dir);
  for (const file of readdirSync(root)) if (/\.(ts|mjs)$/.test(file)) out.push(file);
  return out;
}
