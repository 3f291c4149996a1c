import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as symbolic from '../../src/symbolic/index.ts';

/**
 * The `ts` examples of src/symbolic/README.md run as written. A line `expression; // result`
 * checks the result: a number to 1e-12, a string exactly, an object by every literal
 * `key: value` the comment states (found anywhere in the result, e.g. `position: 10` in `error`).
 * Comment lines right after a statement are its result too.
 */
const readme = readFileSync(new URL('../../src/symbolic/README.md', import.meta.url), 'utf8');
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');

/** `key: 'text'`, `key: 12`, `key: ['a', 'b']` and `key: []` pairs of a comment. */
function literalPairs(comment: string): [string, unknown][] {
  const pairs: [string, unknown][] = [];
  for (const m of comment.matchAll(/(\w+): ('(?:[^'\\]|\\.)*'|-?\d+(?:\.\d+)?|\[(?:'[^']*'(?:, )?)*\]|true|false)/g)) {
    const [, key = '', raw = ''] = m;
    const value: unknown = raw.startsWith("'")
      ? raw.slice(1, -1)
      : raw.startsWith('[')
        ? [...raw.matchAll(/'([^']*)'/g)].map((x) => x[1])
        : raw === 'true' || raw === 'false'
          ? raw === 'true'
          : Number(raw);
    pairs.push([key, value]);
  }
  return pairs;
}

/** Whether `key` holds `value` somewhere in `x` (own properties, depth ≤ 4). */
function holds(x: unknown, key: string, value: unknown, depth = 0): boolean {
  if (x === null || typeof x !== 'object' || depth > 4) return false;
  if (Object.hasOwn(x, key) && JSON.stringify((x as Record<string, unknown>)[key]) === JSON.stringify(value))
    return true;
  return Object.values(x).some((v) => holds(v, key, value, depth + 1));
}

const checks: string[] = [];
function check(value: unknown, expected: string): void {
  checks.push(expected);
  if (typeof value === 'number') expect(Math.abs(value - Number(expected))).toBeLessThanOrEqual(1e-12);
  else if (typeof value === 'string') expect(value).toBe(expected);
  else {
    const pairs = literalPairs(expected);
    expect(pairs.length, `a literal to check in ${expected}`).toBeGreaterThan(0);
    for (const [key, v] of pairs) expect(holds(value, key, v), `${key}: ${JSON.stringify(v)}`).toBe(true);
  }
}

/** The block as a function body: imports dropped, each commented result a call of `check`. */
function program(block: string): string {
  const lines = block.split('\n').filter((l) => !l.startsWith('import '));
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const inline = /^(\s*)(.+);\s*\/\/ (.+)$/.exec(line);
    if (inline) {
      out.push(`${inline[1] ?? ''}check(${inline[2] ?? ''}, ${JSON.stringify(inline[3])});`);
      continue;
    }
    const statement = /^(\s*)(.+);\s*$/.exec(line);
    const comment: string[] = [];
    while (statement && /^\s*\/\/ /.test(lines[i + 1] ?? '')) comment.push((lines[++i] ?? '').replace(/^\s*\/\/ /, ''));
    out.push(
      statement && comment.length > 0 ? `check(${statement[2] ?? ''}, ${JSON.stringify(comment.join(' '))});` : line,
    );
  }
  return out.join('\n');
}

describe('src/symbolic/README.md examples', () => {
  it('has examples', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(2);
  });
  it.each(blocks.map((b, i) => [i + 1, b] as const))('block %i runs and gives what its comments say', (_i, block) => {
    checks.length = 0;
    const names = Object.keys(symbolic);
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the README's own example code, run as written
    const run = new Function('check', ...names, program(block)) as (...args: unknown[]) => void;
    run(check, ...names.map((n) => (symbolic as Record<string, unknown>)[n]));
    expect(checks.length, 'results checked').toBeGreaterThan(0);
  });
});
