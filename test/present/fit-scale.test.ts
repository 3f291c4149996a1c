import { describe, expect, it } from 'vitest';
import { fitScale, letterbox, stageHeight, stageWidth } from '../../components/present/fit-scale.ts';
import { expectClose } from '../support/float.ts';

describe('letterbox', () => {
  it.each([
    // box, expected scale and offsets
    [1600, 900, 1, 0, 0],
    [1920, 1080, 1.2, 0, 0],
    [1280, 1024, 0.8, 0, (1024 - 720) / 2], // 5:4 projector: bars above and below
    [2560, 1080, 1.2, (2560 - 1920) / 2, 0], // ultra-wide: bars at the sides
  ])('fits %i×%i', (w, h, scale, x, y) => {
    const box = letterbox(w, h);
    expectClose(box.scale, scale);
    expectClose(box.x, x);
    expectClose(box.y, y);
    // The scaled stage touches two opposite edges and never overflows.
    expect(stageWidth * box.scale).toBeLessThanOrEqual(w + 1e-9);
    expect(stageHeight * box.scale).toBeLessThanOrEqual(h + 1e-9);
  });

  it('does nothing for an empty box (a hidden window)', () => {
    expect(letterbox(0, 0)).toEqual({ scale: 1, x: 0, y: 0 });
  });
});

describe('fitScale', () => {
  const room = { width: 1400, height: 800 };

  it('keeps content that fits at full size', () => {
    expect(fitScale(() => ({ width: 1400, height: 500 }), room)).toBe(1);
  });

  it('scales a fixed-size block by the height ratio', () => {
    // Content that does not reflow (a figure): height 1600 → s = (800 + 1 px slack)/1600.
    const s = fitScale(() => ({ width: 1000, height: 1600 }), { ...room, steps: 30 });
    expectClose(s, 801 / 1600, 1e-6);
  });

  it('lets text reflow: wider layout, fewer lines, a larger scale than the height ratio', () => {
    // Text of area A at layout width L has height A / L (no fixed part).
    const area = 1400 * 2000;
    const measure = (layoutWidth: number) => ({ width: layoutWidth, height: area / layoutWidth });
    const s = fitScale(measure, { ...room, steps: 30 });
    // h(s)·s = A·s² / W ≤ H + 1  ⇒  s = √((H + 1)·W / A)
    expectClose(s, Math.sqrt((801 * 1400) / area), 1e-6);
    expect(s).toBeGreaterThan(800 / 2000);
    const size = measure(room.width / s);
    expect(size.height * s).toBeLessThanOrEqual(room.height + 1);
  });

  it('shrinks content that is too wide (a long equation)', () => {
    const s = fitScale(() => ({ width: 2800, height: 300 }), { ...room, steps: 30 });
    expectClose(s, 1401 / 2800, 1e-6);
  });

  it('stops at the minimum scale', () => {
    expect(fitScale(() => ({ width: 1000, height: 1e6 }), { ...room, minScale: 0.3 })).toBe(0.3);
  });
});
