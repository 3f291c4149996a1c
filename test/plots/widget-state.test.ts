import { describe, expect, it } from 'vitest';
import { activationStateQuery, readActivationState } from '../../components/plots/specs/activation-plot-spec.ts';
import { appliedState, readWidgetState, stateReader } from '../../components/plots/specs/widget-state.ts';

describe('widget state between windows', () => {
  it.each([
    ['a record of strings', { z: '2', fn: 'sigmoid' }, { z: '2', fn: 'sigmoid' }],
    ['an empty record', {}, {}],
    ['a number value', { z: 2 }, undefined],
    ['a nested value', { z: { x: '1' } }, undefined],
    ['an array', ['2'], undefined],
    ['null', null, undefined],
    ['a string', 'z=2', undefined],
  ])('reads %s', (_, value, expected) => {
    expect(readWidgetState(value)).toEqual(expected);
  });

  it.each([
    ['its own id', { id: 'w', state: { z: '1' } }, { z: '1' }],
    ['another id', { id: 'v', state: { z: '1' } }, undefined],
    ['no id', { state: { z: '1' } }, undefined],
    ['a malformed state', { id: 'w', state: { z: 1 } }, undefined],
    ['no detail', undefined, undefined],
  ])('takes an apply event for %s', (_, detail, expected) => {
    expect(appliedState(detail, 'w')).toEqual(expected);
  });

  it('reads a received state like a shared link: missing keys keep the current value, bad ones are clamped', () => {
    const current = { activation: 'sigmoid', params: {}, z: 2, epsilon: 0.01, range: 8 } as const;
    expect(readActivationState(stateReader({ z: '-3' }), current)).toEqual({ ...current, z: -3 });
    expect(readActivationState(stateReader({ z: '1e9', eps: 'x' }), current)).toEqual({ ...current, z: 8 });
    // Inherited keys are not state.
    expect(stateReader({})('toString')).toBeNull();
  });

  it('round-trips a state through what a widget sends', () => {
    const state = { activation: 'elu', params: { alpha: 0.5 }, z: -1.25, epsilon: 0.001, range: 4 } as const;
    const sent = readWidgetState(structuredClone(activationStateQuery(state)));
    expect(sent).toBeDefined();
    if (sent === undefined) return;
    const other = { activation: 'sigmoid', params: {}, z: 0, epsilon: 0.1, range: 8 } as const;
    expect(readActivationState(stateReader(sent), other)).toEqual(state);
  });
});
