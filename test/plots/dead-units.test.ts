import { describe, expect, it } from 'vitest';
import {
  deadFraction,
  deadIntervals,
  deadUnitsData,
  describeDeadUnits,
} from '../../components/plots/specs/dead-units-spec.ts';
import { relativeError } from '../support/float.ts';

// References from mpmath (mp.dps = 30, rounded to the nearest double): ncdf(1), ncdf(log(0.01)), ncdf((log(0.001) + 1)/2).
const PHI_1 = 0.8413447460685429;
const PHI_LN_001 = 2.06064339597172e-6;
const PHI_ELU = 0.0015690420104009038;

describe('dead units: P(|g′(z)| < ε) for z ~ N(b, s²)', () => {
  it('ReLU: the dead set is z ≤ 0, so the fraction is Φ(−b/s)', () => {
    expect(deadIntervals('relu', 0)).toEqual([[-Infinity, 0]]);
    expect(deadFraction(deadIntervals('relu', 0), 0, 1)).toBe(0.5);
    expect(relativeError(deadFraction(deadIntervals('relu', 0), -1, 1), PHI_1)).toBeLessThan(1e-14);
    expect(relativeError(deadFraction(deadIntervals('relu', 0), 2, 2), 1 - PHI_1)).toBeLessThan(1e-14);
  });

  it('leaky ReLU never has a zero gradient; ELU only below ln(ε/α)', () => {
    expect(deadIntervals('leaky-relu', 0)).toEqual([]);
    expect(deadIntervals('elu', 0)).toEqual([]);
    const [[a, b] = [NaN, NaN]] = deadIntervals('elu', 0.01);
    expect(a).toBe(-Infinity);
    expect(relativeError(b, Math.log(0.01))).toBeLessThan(1e-12);
    expect(relativeError(deadFraction(deadIntervals('elu', 0.01), 0, 1), PHI_LN_001)).toBeLessThan(1e-9);
    expect(relativeError(deadFraction(deadIntervals('elu', 0.001), -1, 2), PHI_ELU)).toBeLessThan(1e-9);
  });

  it('tabulates the curves over b and describes the current point', () => {
    const state = { bias: -1, spread: 1, epsilon: 0 };
    const data = deadUnitsData(state);
    expect(data.bias).toHaveLength(121);
    expect(data.bias[0]).toBe(-3);
    expect(data.bias[120]).toBe(3);
    // ReLU's dead fraction falls as b rises; the others stay at 0.
    const relu = data.fractions[0] ?? new Float64Array();
    for (let i = 1; i < relu.length; i++) expect(relu[i]).toBeLessThan(relu[i - 1] ?? NaN);
    expect(Math.max(...(data.fractions[1] ?? []), ...(data.fractions[2] ?? []))).toBe(0);
    expect(describeDeadUnits(state, data)).toBe(
      'Pre-activations z ~ N(−1, 1²). Units with exactly zero gradient: ReLU 84.1%, Leaky ReLU 0%, ELU 0%. The curves show the same fraction for every b from −3 to 3.',
    );
  });
});
