import { describe, expect, it } from 'vitest';
import {
  elapsed,
  formatElapsed,
  pauseWatch,
  startWatch,
  stoppedWatch,
} from '../../components/present/speaker-clock.ts';

describe('stopwatch', () => {
  it('counts while running and holds while paused', () => {
    let watch = startWatch(stoppedWatch, 1_000);
    expect(elapsed(watch, 61_000)).toBe(60_000);
    watch = pauseWatch(watch, 61_000);
    expect(elapsed(watch, 500_000)).toBe(60_000);
    watch = startWatch(watch, 500_000);
    expect(elapsed(watch, 530_000)).toBe(90_000);
  });

  it('ignores a second start and a second pause', () => {
    const running = startWatch(stoppedWatch, 10);
    expect(startWatch(running, 99)).toBe(running);
    const paused = pauseWatch(running, 20);
    expect(pauseWatch(paused, 50)).toBe(paused);
  });

  it('never runs backwards if the clock does', () => {
    expect(elapsed(startWatch(stoppedWatch, 5_000), 4_000)).toBe(0);
  });
});

describe('formatElapsed', () => {
  it.each([
    [0, '0:00'],
    [999, '0:00'],
    [5_000, '0:05'],
    [65_000, '1:05'],
    [20 * 60_000, '20:00'],
    [3_723_000, '1:02:03'],
    [-1, '0:00'],
  ])('%i ms is %s', (ms, text) => {
    expect(formatElapsed(ms)).toBe(text);
  });
});
