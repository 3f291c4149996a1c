/**
 * Long sections become several slides rather than one slide in tiny type. Given the vertical
 * extent of a section's top-level blocks (measured in the browser at the slide's full width), this
 * pure function chooses where to cut, greedily, only between blocks, never right after a heading.
 */

/** One top-level block of a section: its top and bottom edge (stage px), and whether it is a heading. */
export interface Block {
  readonly top: number;
  readonly bottom: number;
  /** A heading belongs with what follows it: never the last block of a page unless it is alone. */
  readonly heading?: boolean;
  /** Starts a new page (an exercise: one prompt per slide), unless the page so far holds only headings (and empty, hidden blocks). */
  readonly breakBefore?: boolean;
}

/**
 * The index of the first block of each page (always starting with 0), such that each page's blocks
 * span at most `height`, except a single block taller than `height`, which gets a page of its own
 * (the caller scales it to fit, or scrolls it) unless the page so far fills less than half of
 * `height`, in which case it joins that page. An empty list gives one empty page, `[0]`.
 */
export function packPages(blocks: readonly Block[], height: number): number[] {
  const starts = [0];
  let pageTop = blocks[0]?.top ?? 0;
  for (let i = 1; i < blocks.length; i++) {
    const block = blocks[i];
    // An empty (hidden) block takes no room and never starts a page.
    if (block === undefined || block.bottom <= block.top) continue;
    const start = starts[starts.length - 1] ?? 0;
    if (block.breakBefore === true && blocks.slice(start, i).some((b) => b.heading !== true && b.bottom > b.top)) {
      starts.push(i);
      pageTop = block.top;
      continue;
    }
    if (block.bottom - pageTop <= height) continue;
    // A block taller than a page (a long derivation) stays with a short lead-in (its introduction):
    // on screen the slide then follows the newest step down.
    const used = (blocks[i - 1]?.bottom ?? pageTop) - pageTop;
    if (block.bottom - block.top > height && used < height / 2) continue;
    // Cut before block i; but if block i−1 is a heading opening this page's tail, cut before it instead.
    let cut = i;
    if (blocks[i - 1]?.heading === true && i - 1 > start) cut = i - 1;
    starts.push(cut);
    pageTop = blocks[cut]?.top ?? block.top;
  }
  return starts;
}
