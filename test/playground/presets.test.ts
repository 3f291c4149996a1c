import { describe, expect, it } from 'vitest';
import { presets } from '../../components/playground/presets.ts';
import { traceRun } from '../../components/playground/trace.ts';
import { configQuery, readConfig } from '../../components/playground/playground-config.ts';

describe('presets', () => {
  it.each(presets)('$id: the claim holds at step $config.stopAt', (preset) => {
    const a = traceRun(preset.config, 'a', preset.config.stopAt, 10).end;
    const b = traceRun(preset.config, 'b', preset.config.stopAt, 10).end;
    expect(a.step).toBe(preset.config.stopAt);
    expect(preset.check(a, b), JSON.stringify({ a: { ...a, histograms: [] }, b: { ...b, histograms: [] } })).toBe(true);
    // The check is not vacuous: the two networks do not both satisfy it with roles swapped.
    expect(preset.check(b, a)).toBe(false);
  });

  it.each(presets)('$id survives a round trip through the URL', (preset) => {
    const search = new URLSearchParams(configQuery(preset.config));
    expect(readConfig(search, presets[0]?.config ?? preset.config)).toEqual(preset.config);
  });
});
