import { describe, expect, it } from 'vitest';
import {
  addSaved,
  DEFAULT_FUNCTION,
  MAX_SAVED,
  parseSaved,
  readLabState,
  removeSaved,
  writeLabState,
} from '../../components/lab/lab-state.ts';

describe('URL state', () => {
  it('round-trips a function and its parameters', () => {
    const state = { f: 'z*sigmoid(b*z) + 0.1*z', params: { b: 1.5, alpha: -0.25 } };
    expect(readLabState(writeLabState(state))).toEqual(state);
  });

  it.each([
    ['', { f: DEFAULT_FUNCTION, params: {} }],
    ['?f=', { f: DEFAULT_FUNCTION, params: {} }],
    ['?f=tanh(z)&b=abc&k=2', { f: 'tanh(z)', params: { k: 2 } }],
    ['?f=tanh(z)&__proto__=1&k=', { f: 'tanh(z)', params: {} }],
  ] as const)('reads %j leniently', (search, expected) => {
    expect(readLabState(search)).toEqual(expected);
  });
});

describe('saved functions', () => {
  const entry = { f: 'tanh(z)', params: { k: 1 }, savedAt: '2026-11-24T00:00:00.000Z' };

  it.each([
    [null, false],
    ['[]', false],
    [JSON.stringify([entry]), false],
    ['{not json', true],
    ['{}', true],
    ['[1]', true],
    [JSON.stringify([{ ...entry, params: { k: 'x' } }]), true],
    [JSON.stringify([{ f: 3, params: {}, savedAt: '' }]), true],
  ] as const)('parses %j (corrupt: %s)', (text, corrupt) => {
    const r = parseSaved(text);
    expect(r.corrupt).toBe(corrupt);
    if (corrupt) expect(r.saved).toEqual([]);
  });

  it('adds to the front without duplicates, caps the list, removes', () => {
    let list = addSaved([], entry);
    list = addSaved(list, { ...entry, f: 'relu(z)' });
    list = addSaved(list, entry);
    expect(list.map((s) => s.f)).toEqual(['tanh(z)', 'relu(z)']);
    for (let i = 0; i < 40; i++) list = addSaved(list, { ...entry, f: `z + ${String(i)}` });
    expect(list.length).toBe(MAX_SAVED);
    expect(removeSaved(list, 'z + 39').length).toBe(MAX_SAVED - 1);
  });
});
