import { describe, expect, it } from 'vitest';
import { packPages, type Block } from '../../components/present/pack-pages.ts';

/** Blocks stacked from y = 0 with the given heights; `h` marks a heading. */
function stack(...heights: (number | `h${number}`)[]): Block[] {
  let y = 0;
  return heights.map((entry) => {
    const heading = typeof entry === 'string';
    const height = heading ? Number(entry.slice(1)) : entry;
    const block = { top: y, bottom: y + height, heading };
    y += height;
    return block;
  });
}

describe('packPages', () => {
  it.each([
    ['everything fits', stack(100, 200, 300), 800, [0]],
    ['cuts when the next block overflows', stack(300, 300, 300), 800, [0, 2]],
    ['fills each page greedily', stack(400, 400, 400, 400, 400), 800, [0, 2, 4]],
    ['exactly full is still one page', stack(400, 400), 800, [0]],
    ['never leaves a heading at the bottom of a page', stack('h60', 300, 300, 'h60', 300), 800, [0, 3]],
    ['a heading alone at the top may stay', stack('h60', 900), 800, [0]],
    ['a tall block after a short lead-in gets its own page', stack(60, 200, 1500), 800, [0, 2]],
    ['a tall block after a long lead-in gets its own page', stack(500, 1500, 100), 800, [0, 1, 2]],
    ['nothing', [], 800, [0]],
  ] as const)('%s', (_, blocks, height, starts) => {
    expect(packPages(blocks, height)).toEqual(starts);
  });

  it('keeps every page within the height unless a single block is taller', () => {
    const heights = [120, 340, 90, 500, 60, 60, 700, 30, 250, 410, 80];
    const blocks = stack(...heights);
    const starts = packPages(blocks, 800);
    starts.forEach((start, p) => {
      const end = (starts[p + 1] ?? blocks.length) - 1;
      const span = (blocks[end]?.bottom ?? 0) - (blocks[start]?.top ?? 0);
      if (end > start) expect(span).toBeLessThanOrEqual(800);
    });
    expect(starts[0]).toBe(0);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
  });

  it('measures from the page top, so margins before the first block do not count twice', () => {
    const offset = stack(300, 300, 300).map((b) => ({ top: b.top + 1000, bottom: b.bottom + 1000 }));
    expect(packPages(offset, 800)).toEqual([0, 2]);
  });
});

describe('packPages with forced breaks (one exercise per slide)', () => {
  const exercise = (top: number, height: number): Block => ({ top, bottom: top + height, breakBefore: true });

  it('puts each exercise on its own slide, the first with its heading', () => {
    const blocks: Block[] = [
      { top: 0, bottom: 60, heading: true },
      exercise(60, 200),
      exercise(260, 200),
      exercise(460, 200),
    ];
    expect(packPages(blocks, 800)).toEqual([0, 2, 3]);
  });

  it('breaks before an exercise that follows prose', () => {
    const blocks: Block[] = [{ top: 0, bottom: 60, heading: true }, { top: 60, bottom: 100 }, exercise(100, 200)];
    expect(packPages(blocks, 800)).toEqual([0, 2]);
  });

  it('still splits by height after an exercise', () => {
    const blocks: Block[] = [exercise(0, 600), { top: 600, bottom: 900 }];
    expect(packPages(blocks, 800)).toEqual([0, 1]);
  });
});

it('ignores hidden (zero-height) blocks when deciding whether an exercise joins its heading', () => {
  const blocks: Block[] = [
    { top: 0, bottom: 60, heading: true },
    { top: 60, bottom: 60 }, // a hidden status line
    { top: 60, bottom: 260, breakBefore: true },
  ];
  expect(packPages(blocks, 800)).toEqual([0]);
});

it('never starts a page with an empty block, even after an overfull one', () => {
  const blocks: Block[] = [
    { top: 0, bottom: 900 },
    { top: 900, bottom: 900 },
  ];
  expect(packPages(blocks, 800)).toEqual([0]);
});

describe('packPages with repeated headings (carry)', () => {
  it('leaves room on a continued page for what is repeated above its first block', () => {
    // Without carry: 300 + 300 | 300 + 300 + 200 fits 800 exactly; with 100 px repeated above each
    // continued page, the second page holds only 300 + 300.
    const blocks = stack(300, 300, 300, 300, 200).map((b) => ({ ...b, carry: 100 }));
    expect(packPages(blocks, 800)).toEqual([0, 2, 4]);
    expect(packPages(stack(300, 300, 300, 300, 200), 800)).toEqual([0, 2]);
  });

  it('keeps every continued page within the height, carry included', () => {
    const heights = [120, 340, 90, 230, 60, 60, 300, 30, 250, 410, 80];
    const blocks = stack(...heights).map((b, i) => ({ ...b, carry: 40 + 10 * (i % 3) }));
    const starts = packPages(blocks, 800);
    starts.forEach((start, p) => {
      const end = (starts[p + 1] ?? blocks.length) - 1;
      const first = blocks[start];
      const carry = p === 0 ? 0 : (first?.carry ?? 0);
      const span = (blocks[end]?.bottom ?? 0) - (first?.top ?? 0) + carry;
      expect(span).toBeLessThanOrEqual(800);
    });
  });
});

describe('packPages with closing containers (tail)', () => {
  it('leaves room below the last block for the containers that close on its page', () => {
    // 400 + 380 fits 800, but not with the 30 px of a card's padding and margin below the second.
    const blocks: Block[] = [
      { top: 0, bottom: 400 },
      { top: 400, bottom: 780, tail: 30 },
      { top: 780, bottom: 900, tail: 30 },
    ];
    expect(packPages(blocks, 800)).toEqual([0, 1]);
    expect(
      packPages(
        blocks.map(({ top, bottom }) => ({ top, bottom })),
        800,
      ),
    ).toEqual([0, 2]);
  });
});
