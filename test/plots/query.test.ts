import { describe, expect, it } from 'vitest';
import {
  activationStateQuery,
  readActivationState,
  type ActivationPlotState,
} from '../../components/plots/specs/activation-plot-spec.ts';
import { compareStateQuery, readCompareState } from '../../components/plots/specs/compare-plot-spec.ts';
import { deadUnitsStateQuery, readDeadUnitsState } from '../../components/plots/specs/dead-units-spec.ts';
import { depthFlowStateQuery, readDepthFlowState } from '../../components/plots/specs/depth-flow-spec.ts';
import { queryReader, writeQuery } from '../../components/plots/specs/query.ts';

const sigmoid: ActivationPlotState = { activation: 'sigmoid', params: {}, z: 1, epsilon: 0.01, range: 8 };

function roundTrip(id: string, entries: Record<string, string>): URLSearchParams {
  const search = new URLSearchParams('other=1');
  writeQuery(search, id, entries);
  return new URLSearchParams(search.toString());
}

describe('URL state', () => {
  it('restores "sigmoid at z = 4 with ε = 0.01" from a shared link', () => {
    const search = new URLSearchParams('?w1.fn=sigmoid&w1.z=4&w1.eps=0.01');
    const state = readActivationState(queryReader(search, 'w1'), { ...sigmoid, z: 0, epsilon: 0.1 });
    expect(state).toEqual({ activation: 'sigmoid', params: {}, z: 4, epsilon: 0.01, range: 8 });
  });

  it('scopes keys by widget id, leaving other widgets and parameters alone', () => {
    const search = roundTrip('a', activationStateQuery({ ...sigmoid, z: -2.5 }));
    expect(search.get('other')).toBe('1');
    expect(search.get('a.z')).toBe('-2.5');
    expect(readActivationState(queryReader(search, 'b'), sigmoid)).toEqual(sigmoid);
  });

  it.each([
    ['w.z=banana', sigmoid],
    ['w.z=1e400', sigmoid],
    ['w.z=1e300', { ...sigmoid, z: 8 }],
    ['w.z=-100', { ...sigmoid, z: -8 }],
    ['w.eps=0', { ...sigmoid, epsilon: 1e-4 }],
    ['w.fn=nope', sigmoid],
    ['w.range=3&w.z=5', { ...sigmoid, range: 3, z: 3 }],
  ] as [string, ActivationPlotState][])('ignores or clamps a malformed link: %s', (query, expected) => {
    expect(readActivationState(queryReader(new URLSearchParams(query), 'w'), sigmoid)).toEqual(expected);
  });

  it('round-trips parameters and clamps them to the slider range', () => {
    const leaky: ActivationPlotState = {
      activation: 'leaky-relu',
      params: { alpha: 0.2 },
      z: -1,
      epsilon: 0.05,
      range: 4,
    };
    const search = roundTrip('x', activationStateQuery(leaky));
    expect(readActivationState(queryReader(search, 'x'), sigmoid)).toEqual(leaky);
    const tooBig = new URLSearchParams('x.fn=leaky-relu&x.alpha=7');
    expect(readActivationState(queryReader(tooBig, 'x'), sigmoid).params).toEqual({ alpha: 0.99 });
  });

  it('round-trips the other widgets', () => {
    const compare = { ids: ['tanh', 'gelu'] as const, curve: 'g' as const, range: 5 };
    expect(
      readCompareState(queryReader(roundTrip('c', compareStateQuery(compare)), 'c'), {
        ids: [],
        curve: 'derivative',
        range: 6,
      }),
    ).toEqual({ ...compare, ids: ['tanh', 'gelu'] });
    const depth = {
      activation: 'tanh' as const,
      init: 'xavier' as const,
      weight: 1.5,
      mean: -0.5,
      spread: 2,
      layers: 30,
    };
    expect(
      readDepthFlowState(queryReader(roundTrip('d', depthFlowStateQuery(depth)), 'd'), { ...depth, layers: 3 }),
    ).toEqual(depth);
    const dead = { bias: -1.25, spread: 0.5, epsilon: 0.01 };
    expect(
      readDeadUnitsState(queryReader(roundTrip('u', deadUnitsStateQuery(dead)), 'u'), {
        bias: 0,
        spread: 1,
        epsilon: 0,
      }),
    ).toEqual(dead);
  });

  it('drops unknown and repeated activations from a compare link', () => {
    const search = new URLSearchParams('c.fns=relu,bogus,relu,elu');
    expect(readCompareState(queryReader(search, 'c'), { ids: ['sigmoid'], curve: 'g', range: 6 }).ids).toEqual([
      'relu',
      'elu',
    ]);
  });
});
