import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activationIds, activations, type Activation, type ActivationId, type Params } from '../../src/math/index.ts';
import { ulpDistance } from '../support/float.ts';

fc.configureGlobal({ seed: 20240601, numRuns: 300 });

const EPS = Number.EPSILON;
/** Step of the central difference: a power of two, so z ± kh is as exact as it can be. */
const H = 2 ** -10;

/** 6th-order central difference: [−f(z−3h) + 9f(z−2h) − 45f(z−h) + 45f(z+h) − 9f(z+2h) + f(z+3h)] / 60h. */
function centralDifference(f: (z: number) => number, z: number): { slope: number; scale: number } {
  const w = [-1, 9, -45, 0, 45, -9, 1];
  let sum = 0;
  let scale = 0;
  for (let k = -3; k <= 3; k++) {
    const fz = f(z + k * H);
    sum += (w[k + 3] as number) * fz;
    scale = Math.max(scale, Math.abs(fz));
  }
  return { slope: sum / (60 * H), scale };
}

/** Parameter values to draw per activation (inside the valid ranges, away from degenerate ends). */
const paramArbitraries: Partial<Record<ActivationId, fc.Arbitrary<Params>>> = {
  'leaky-relu': fc.record({ alpha: fc.double({ min: 0, max: 0.99, noNaN: true }) }),
  elu: fc.record({ alpha: fc.double({ min: 0, max: 5, noNaN: true }) }),
  softplus: fc.record({ beta: fc.double({ min: 0.1, max: 10, noNaN: true }) }),
  silu: fc.record({ beta: fc.double({ min: 0, max: 10, noNaN: true }) }),
};

function paramsFor(id: ActivationId): fc.Arbitrary<Params | undefined> {
  const arb = paramArbitraries[id];
  return arb === undefined ? fc.constant(undefined) : fc.option(arb, { nil: undefined });
}

/**
 * The stencil must not straddle a point where g changes formula: the kinks, and z = 0 for the
 * non-C∞ activations that are C¹ there (softsign, ELU at α = 1), where g'' jumps.
 */
const awayFromBreaks = (a: Activation) => (z: number) =>
  a.kinks.every((k) => Math.abs(z - k.at) > 4 * H) && (a.properties.smoothness === 'Cinf' || Math.abs(z) > 4 * H);
const zs = fc.double({ min: -30, max: 30, noNaN: true });

describe.each(activationIds)('%s', (id) => {
  const a = activations[id];

  it('derivative matches a 6th-order central difference away from kinks', () => {
    fc.assert(
      fc.property(zs.filter(awayFromBreaks(a)), paramsFor(id), (z, p) => {
        const { slope, scale } = centralDifference((x) => a.value(x, p), z);
        const d = a.derivative(z, p);
        // Rounding in the difference is about 4e-13·scale; truncation (h⁶ terms) is far smaller.
        // The 1e-300 floor only matters for subnormal parameters (α = 5e-324).
        expect(Math.abs(slope - d)).toBeLessThanOrEqual(1e-10 * Math.abs(d) + 1e-11 * scale + 1e-300);
      }),
    );
  });

  it('stays inside its declared range, and the range is attained or approached', () => {
    const [lo, hi] = a.properties.range;
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (z) => {
        const g = a.value(z);
        expect(g).toBeGreaterThanOrEqual(lo);
        expect(g).toBeLessThanOrEqual(hi);
      }),
    );
    // Infimum and supremum are approached: on a 1e-3 grid (interior extrema, to 1e-6) or far out.
    let min = Math.min(a.value(-1e12), a.value(1e12));
    let max = Math.max(a.value(-1e12), a.value(1e12));
    for (let z = -60; z <= 60; z += 1e-3) {
      min = Math.min(min, a.value(z));
      max = Math.max(max, a.value(z));
    }
    if (Number.isFinite(lo)) expect(min - lo).toBeLessThan(1e-6);
    else expect(min).toBeLessThan(-1e6);
    if (Number.isFinite(hi)) expect(hi - max).toBeLessThan(1e-6);
    else expect(max).toBeGreaterThan(1e6);
  });

  it(`is ${a.properties.monotonic ? '' : 'not '}monotonic, as declared`, () => {
    if (a.properties.monotonic) {
      fc.assert(
        fc.property(zs, zs, paramsFor(id), (x, y, p) => {
          const [l, r] = x <= y ? [x, y] : [y, x];
          expect(a.value(l, p)).toBeLessThanOrEqual(a.value(r, p));
          expect(a.derivative(x, p)).toBeGreaterThanOrEqual(0);
        }),
      );
    } else {
      let minSlope = Infinity;
      for (let z = -10; z <= 10; z += 1e-2) minSlope = Math.min(minSlope, a.derivative(z));
      expect(minSlope).toBeLessThan(0);
    }
  });

  it(`is ${a.properties.pointSymmetric ? '' : 'not '}point-symmetric about (0, g(0)), as declared`, () => {
    const g0 = a.value(0);
    if (a.properties.pointSymmetric) {
      fc.assert(
        fc.property(fc.double({ min: -1e3, max: 1e3, noNaN: true }), (z) => {
          const gz = a.value(z);
          expect(Math.abs(gz + a.value(-z) - 2 * g0)).toBeLessThanOrEqual(2 * EPS * Math.max(1, Math.abs(gz)));
          // g' is then even; our formulas use |z|, so exactly.
          expect(ulpDistance(a.derivative(z), a.derivative(-z))).toBe(0);
        }),
      );
    } else {
      expect(Math.abs(a.value(1) + a.value(-1) - 2 * g0)).toBeGreaterThan(1e-3);
    }
  });

  it(`is ${a.properties.zeroCentred ? '' : 'not '}odd (zero-centred), as declared`, () => {
    if (a.properties.zeroCentred) {
      expect(a.value(0)).toBe(0);
      fc.assert(
        fc.property(zs, (z) => {
          expect(ulpDistance(a.value(-z), -a.value(z))).toBe(0);
        }),
      );
    } else {
      expect(Math.abs(a.value(1) + a.value(-1))).toBeGreaterThan(1e-3);
    }
  });
});

/** Entries that give g' in terms of g: sigmoid, tanh, softsign, softplus, SiLU, ELU, SELU and the piecewise-linear ones. */
const withGForm = activationIds.flatMap((id) => {
  const fromG = activations[id].derivativeFromG;
  return fromG === undefined ? [] : [{ id, fromG }];
});

describe.each(withGForm)('$id', ({ id, fromG }) => {
  const a = activations[id];

  it('derivative in terms of g agrees with derivative', () => {
    fc.assert(
      fc.property(zs, paramsFor(id), (z, p) => {
        const g = a.value(z, p);
        const d = a.derivative(z, p);
        // The g-forms cancel (1 − g² near |g| = 1): compare on the scale of g and g'.
        expect(Math.abs(fromG(g, z, p) - d)).toBeLessThanOrEqual(8 * EPS * Math.max(1, Math.abs(g), Math.abs(d)));
      }),
    );
  });
});

describe('identities', () => {
  const { sigmoid, tanh, softplus, silu, selu, elu, mish, relu, relu6 } = activations;
  const wide = fc.double({ min: -700, max: 700, noNaN: true });

  it('σ(−z) = 1 − σ(z)', () => {
    fc.assert(
      fc.property(wide, (z) => {
        expect(Math.abs(sigmoid.value(-z) - (1 - sigmoid.value(z)))).toBeLessThanOrEqual(EPS);
      }),
    );
  });

  it('tanh(z) = 2σ(2z) − 1', () => {
    fc.assert(
      fc.property(zs, (z) => {
        expect(Math.abs(tanh.value(z) - (2 * sigmoid.value(2 * z) - 1))).toBeLessThanOrEqual(4 * EPS);
      }),
    );
  });

  it("softplus'(z) = σ(βz)", () => {
    fc.assert(
      fc.property(wide, fc.double({ min: 0.1, max: 1, noNaN: true }), (z, beta) => {
        expect(ulpDistance(softplus.derivative(z), sigmoid.value(z))).toBe(0);
        expect(ulpDistance(softplus.derivative(z, { beta }), sigmoid.value(beta * z))).toBe(0);
      }),
    );
  });

  it('silu(z) = z·σ(z)', () => {
    fc.assert(
      fc.property(wide, (z) => {
        expect(ulpDistance(silu.value(z), z * sigmoid.value(z))).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('selu(z) = λ·elu(z; α) with the SELU constants', () => {
    const [lambda, alpha] = [selu.params[0]?.default ?? NaN, selu.params[1]?.default ?? NaN];
    fc.assert(
      fc.property(wide, (z) => {
        expect(ulpDistance(selu.value(z), lambda * elu.value(z, { alpha }))).toBeLessThanOrEqual(3);
      }),
    );
  });

  it('mish(z) = z·tanh(softplus(z))', () => {
    fc.assert(
      fc.property(zs, (z) => {
        const want = z * tanh.value(softplus.value(z));
        expect(Math.abs(mish.value(z) - want)).toBeLessThanOrEqual(4 * EPS * Math.abs(want));
      }),
    );
  });

  it('relu6(z) = min(relu(z), 6)', () => {
    fc.assert(
      fc.property(zs, (z) => {
        expect(relu6.value(z)).toBe(Math.min(relu.value(z), 6));
      }),
    );
  });

  it('the tanh approximation stays within 5e-4 of exact GELU', () => {
    fc.assert(
      fc.property(zs, (z) => {
        expect(Math.abs(activations['gelu-tanh'].value(z) - activations.gelu.value(z))).toBeLessThan(5e-4);
      }),
    );
  });
});
