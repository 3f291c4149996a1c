import { describe, expect, it } from 'vitest';
import { activationIds, activations, frameworkConventions } from '../../src/math/index.ts';

/** The framework table covers every kink of the registry, and its PyTorch column is the registry's own value. */
describe('frameworkConventions', () => {
  const kinks = activationIds.flatMap((id) => activations[id].kinks.map((kink) => ({ id, kink })));

  it.each(kinks.map(({ id, kink }) => [id, kink.at, kink] as const))(
    '%s at %d: PyTorch’s value is the registry’s, and g′ there is the derivative function’s',
    (id, at, kink) => {
      const values = frameworkConventions[id]?.[at];
      expect(values, `${id} at ${at} has no framework values`).toBeDefined();
      expect(values?.pytorch).toBe(kink.value);
      expect(activations[id].derivative(at)).toBe(kink.value);
    },
  );

  it('lists no kink the registry does not have', () => {
    for (const [id, byPoint] of Object.entries(frameworkConventions))
      for (const at of Object.keys(byPoint ?? {}).map(Number))
        expect(
          kinks.some((k) => k.id === id && k.kink.at === at),
          `${id} at ${at}`,
        ).toBe(true);
  });

  it('every framework returns one of the two one-sided derivatives (or their common value)', () => {
    // Hard swish at ±3 in PyTorch is the exception the table documents: the inner formula, which is
    // the right derivative at −3 and the left at +3, so it is one of the two as well.
    for (const { id, kink } of kinks) {
      const values = frameworkConventions[id]?.[kink.at];
      for (const v of [values?.pytorch, values?.tensorflow, values?.jax])
        expect([kink.left, kink.right], `${id} at ${kink.at}`).toContainEqual(v);
    }
  });
});
