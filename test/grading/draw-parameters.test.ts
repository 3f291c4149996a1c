import { describe, expect, it } from 'vitest';
import { drawParameters, hashSeed, mulberry32 } from '../../src/grading/index.ts';

const spec = {
  a: { min: 0.5, max: 3, step: 0.1 },
  k: { choices: [2, 3, 5] },
  x: { min: -1, max: 1 },
};

describe('drawParameters', () => {
  it('gives the same values for the same seed', () => {
    expect(drawParameters('lesson-3', spec)).toEqual(drawParameters('lesson-3', spec));
    expect(drawParameters(42, spec)).toEqual(drawParameters(42, spec));
  });
  it('gives other values for other seeds', () => {
    const draws = new Set(Array.from({ length: 20 }, (_, i) => JSON.stringify(drawParameters(i, spec))));
    expect(draws.size).toBeGreaterThan(15);
  });
  it('stays in range, on the step grid, without float noise', () => {
    for (let seed = 0; seed < 500; seed++) {
      const { a, k, x } = drawParameters(seed, spec);
      expect(a).toBeGreaterThanOrEqual(0.5);
      expect(a).toBeLessThanOrEqual(3);
      expect(String(a)).toMatch(/^\d(\.\d)?$/);
      expect([2, 3, 5]).toContain(k);
      expect(x).toBeGreaterThanOrEqual(-1);
      expect(x).toBeLessThan(1);
    }
  });
  it('reaches both ends of a stepped range', () => {
    const values = new Set(
      Array.from({ length: 400 }, (_, s) => drawParameters(s, { n: { min: 1, max: 4, step: 1 } }).n),
    );
    expect([...values].sort()).toEqual([1, 2, 3, 4]);
  });
  it('draws each name from its own stream: adding a parameter leaves the others alone', () => {
    const before = drawParameters('s', { a: spec.a });
    const after = drawParameters('s', { a: spec.a, b: { min: 0, max: 1 } });
    expect(after.a).toBe(before.a);
  });
  it('throws for an empty range or list (an authoring bug)', () => {
    expect(() => drawParameters(1, { a: { min: 2, max: 1 } })).toThrow(/empty range/);
    expect(() => drawParameters(1, { a: { choices: [] } })).toThrow(/no choices/);
    expect(() => drawParameters(1, { a: { min: 0, max: 1, step: 0 } })).toThrow(/positive step/);
  });
});

describe('mulberry32 and hashSeed', () => {
  it('is a deterministic generator of floats in [0, 1)', () => {
    const r1 = mulberry32(hashSeed('x'));
    const r2 = mulberry32(hashSeed('x'));
    const xs = Array.from({ length: 1000 }, () => r1());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => r2()));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.05);
  });
  it('hashes strings and numbers apart', () => {
    expect(hashSeed('1')).not.toBe(hashSeed(1));
    expect(hashSeed('a')).not.toBe(hashSeed('b'));
  });
});
