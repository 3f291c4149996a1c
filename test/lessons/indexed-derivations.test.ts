import { describe, expect, it } from 'vitest';
import { parseDerivation } from '../../components/derivation/derivation-view.ts';
import { checkIndexedResult, checkIndexedSteps, instances, POINTS_PER_ENTRY } from './check-indexed.ts';
import { derivationUses, loadDerivation, parameterSets } from './check-derivation.ts';
import type { LoadedDerivation } from './check-derivation.ts';

/**
 * Derivations about vectors (`indexed:`): the softmax Jacobian is checked entry by entry for
 * n = 2…5, every (i, j) and seeded points; the cross-entropy gradient for every j.
 */
const uses = derivationUses('content/lessons');
const lessonOf = (id: string): string => uses.get(id)?.[0] ?? '(no lesson)';
const whereIn = (d: LoadedDerivation) => (step: string) =>
  `lesson ${lessonOf(d.id)} › derivation ${d.id} › step ${step}`;

const check = (d: LoadedDerivation) =>
  checkIndexedSteps(d, parseDerivation(d.id, d.data), parameterSets(d.data), whereIn(d));
const result = (d: LoadedDerivation) =>
  checkIndexedResult(d, parseDerivation(d.id, d.data), parameterSets(d.data), whereIn(d));

describe('the softmax Jacobian, entry by entry', { timeout: 60_000 }, () => {
  const d = loadDerivation('content/derivations/softmax-jacobian.yaml');
  // Σ n² over n = 2…5 entries, each at POINTS_PER_ENTRY points.
  const entries = (4 + 9 + 16 + 25) * POINTS_PER_ENTRY;

  it('checks every entry (i, j) for n = 2, 3, 4, 5 at seeded points, every consecutive pair of steps', () => {
    const r = check(d);
    console.log(`softmax-jacobian: ${r.entries} instances (n, i, j, point), ${r.comparisons} step comparisons`);
    expect(r.failures).toEqual([]);
    expect(r.entries).toBe(entries);
    expect(r.comparisons).toBe(entries * (d.data.steps.length - 1));
  });

  it('ends in s_i(δ_ij − s_j), which equals derive() and a central difference of the softmax at every instance', () => {
    const r = result(d);
    expect(r.failures).toEqual([]);
    expect(r.comparisons).toBe(entries);
  });

  it('samples different points for different entries', () => {
    const all = instances(
      d.id,
      d.data,
      d.data.indexed ?? { vectors: [], indices: [], sizes: [], define: {}, simplex: [] },
    );
    const points = new Set(all.map((a) => JSON.stringify(a.point)));
    expect(points.size).toBe(all.length);
    expect(new Set(all.map((a) => a.variable))).toEqual(new Set(['z_1', 'z_2', 'z_3', 'z_4', 'z_5']));
  });
});

describe('cross-entropy after a softmax', { timeout: 60_000 }, () => {
  const d = loadDerivation('content/derivations/softmax-cross-entropy.yaml');
  it('gives s_j − y_j for every j, n = 2…5, with targets that sum to 1', () => {
    const r = check(d);
    expect(r.failures).toEqual([]);
    expect(r.entries).toBe((2 + 3 + 4 + 5) * POINTS_PER_ENTRY);
    const final = result(d);
    expect(final.failures).toEqual([]);
    expect(final.comparisons).toBe(r.entries);
  });

  it('needs the targets to sum to 1: without that the last step fails', () => {
    const indexed = d.data.indexed;
    if (indexed === undefined) throw new Error('softmax-cross-entropy is indexed');
    const copy = { ...d, data: { ...d.data, indexed: { ...indexed, simplex: [] } } };
    const r = check(copy);
    expect(r.failures).toHaveLength(1);
    expect(r.failures[0]).toMatch(/› step targets-sum-to-one \(n = 2, j = 1, point 1\): at z_1 = /);
  });
});

describe('a broken indexed derivation', { timeout: 60_000 }, () => {
  // softmax-jacobian.yaml with s_j changed to s_i in the last step: right on the diagonal, wrong off it.
  const broken = loadDerivation('test/fixtures/broken-derivation/softmax-jacobian.yaml');
  it('fails at the first off-diagonal entry, naming the step, n, i and j', () => {
    const r = check(broken);
    expect(r.failures).toHaveLength(1);
    expect(r.failures[0]).toMatch(
      /^lesson output-layers › derivation softmax-jacobian › step in-terms-of-s \(n = 2, i = 1, j = 2, point 1\): at z_2 = \S+ the previous step gives \S+, this step gives \S+$/,
    );
  });
  it('and its last line disagrees with derive()', () => {
    expect(result(broken).failures[0]).toMatch(
      /step in-terms-of-s \(n = 2, i = 1, j = 2, point 1\): the last step gives/,
    );
  });
});
