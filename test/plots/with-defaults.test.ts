import { describe, expect, it } from 'vitest';
import { activationPlotDefaults } from '../../components/plots/specs/activation-plot-spec.ts';
import { withDefaults } from '../../components/plots/specs/with-defaults.ts';

describe('a widget’s defaults, written once', () => {
  it('takes each given setting and the default for the rest (undefined counts as omitted)', () => {
    expect(withDefaults(activationPlotDefaults, { z: 2, range: undefined })).toEqual({
      ...activationPlotDefaults,
      z: 2,
    });
  });
  it('ignores props that are no setting (id, title)', () => {
    const given: Record<string, unknown> = { id: 'x', epsilon: 0.1 };
    expect(withDefaults(activationPlotDefaults, given)).toEqual({ ...activationPlotDefaults, epsilon: 0.1 });
  });
});
