import { describe, expect, it } from 'vitest';
import { channelName, readSyncMessage } from '../../components/present/sync-message.ts';

describe('readSyncMessage', () => {
  it.each([
    [{ type: 'hello', from: 'a' }],
    [{ type: 'position', from: 'a', slide: 3, fragment: 2 }],
    [{ type: 'position', from: 'a', slide: 0, fragment: 0 }],
    [{ type: 'blackout', from: 'a', on: true }],
    [{ type: 'widget', from: 'a', id: 'plot-1', state: { z: '1.5', act: 'tanh' } }],
    [{ type: 'widget', from: 'a', id: 'plot-1', state: null }],
  ])('accepts %o', (message) => {
    expect(readSyncMessage(message)).toEqual(message);
  });

  it.each([
    [null],
    ['position'],
    [{ type: 'position', slide: 1, fragment: 0 }], // no sender
    [{ type: 'position', from: '', slide: 1, fragment: 0 }],
    [{ type: 'position', from: 'a', slide: -1, fragment: 0 }],
    [{ type: 'position', from: 'a', slide: 1.5, fragment: 0 }],
    [{ type: 'position', from: 'a', slide: '1', fragment: 0 }],
    [{ type: 'position', from: 'a', slide: 1 }],
    [{ type: 'blackout', from: 'a', on: 'yes' }],
    [{ type: 'widget', from: 'a', id: '', state: 1 }],
    [{ type: 'widget', from: 'a', id: 'p' }],
    [{ type: 'reload', from: 'a' }],
  ])('rejects %o', (message) => {
    expect(readSyncMessage(message)).toBeUndefined();
  });

  it('drops fields it does not know', () => {
    expect(readSyncMessage({ type: 'hello', from: 'a', extra: 1 })).toEqual({ type: 'hello', from: 'a' });
  });

  it('names one channel per lesson', () => {
    expect(channelName('sigmoid')).toBe('present-sigmoid');
    expect(channelName('tanh')).not.toBe(channelName('sigmoid'));
  });
});
