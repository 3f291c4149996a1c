import { afterAll, describe, expect, it } from 'vitest';
import { activationIds, activations, type ActivationId } from '../../src/math/index.ts';
import { referenceCases, referenceDps } from './reference.ts';
import { relativeError, ulpDistance } from '../support/float.ts';

/** The bound from the issue: 4 ulp of the correctly rounded value; GELU, GELU-tanh, Mish 1e-12 relative. */
const MAX_ULP = 4;
const RELATIVE: Partial<Record<ActivationId, number>> = { gelu: 1e-12, 'gelu-tanh': 1e-12, mish: 1e-12 };
const MIN_NORMAL = 2 ** -1022;

/** Points the issue names explicitly; the table must contain all of them. */
const NAMED_POINTS = [1000, -1000, 40, -40, 20, -20, 1e-8, -1e-8, 0];

function withinBound(id: ActivationId, got: number, want: number): boolean {
  const rel = RELATIVE[id];
  return ulpDistance(got, want) <= MAX_ULP || (rel !== undefined && relativeError(got, want) <= rel);
}

const worst = new Map<string, { ulp: number; z: number; rel: number }>();
function record(key: string, z: number, got: number, want: number): void {
  const ulp = ulpDistance(got, want);
  const prev = worst.get(key);
  if (prev === undefined || ulp > prev.ulp) worst.set(key, { ulp, z, rel: relativeError(got, want) });
}

describe(`reference table (mpmath, ${referenceDps} digits)`, () => {
  it('covers every activation and the points named in the issue', () => {
    expect(Object.keys(referenceCases).sort()).toEqual([...activationIds].sort());
    for (const id of activationIds) {
      const zs = (referenceCases[id] ?? []).map((c) => c.z);
      for (const z of NAMED_POINTS) expect(zs).toContain(z);
    }
  });

  describe.each(activationIds)('%s', (id) => {
    const a = activations[id];
    const cases = referenceCases[id] ?? [];

    it.each(cases)('z = $z', ({ z, value, derivative }) => {
      const g = a.value(z);
      const dg = a.derivative(z);
      record(`${id} value`, z, g, value);
      record(`${id} derivative`, z, dg, derivative);
      // Finite where the truth is finite, and no flush to 0 where the truth is a normal double.
      expect(Number.isFinite(g)).toBe(true);
      expect(Number.isFinite(dg)).toBe(true);
      if (Math.abs(value) >= MIN_NORMAL) expect(g).not.toBe(0);
      if (Math.abs(derivative) >= MIN_NORMAL) expect(dg).not.toBe(0);
      expect(withinBound(id, g, value), `value ${g} vs ${value}: ${ulpDistance(g, value)} ulp`).toBe(true);
      expect(
        withinBound(id, dg, derivative),
        `derivative ${dg} vs ${derivative}: ${ulpDistance(dg, derivative)} ulp`,
      ).toBe(true);
    });
  });

  afterAll(() => {
    const rows = [...worst.entries()].map(([key, w]) => ({
      'activation / function': key,
      'worst ulp': w.ulp,
      'at z': w.z,
      'rel. error': w.rel,
    }));
    console.log(`Worst error against the mpmath table (bound: ${MAX_ULP} ulp; GELU, GELU-tanh, Mish 1e-12 relative)`);
    console.table(rows);
  });
});
