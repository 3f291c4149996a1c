/**
 * Long sections become several slides rather than one slide in tiny type. Given the vertical
 * extent of a section's blocks (measured in the browser at the slide's full width), this pure
 * function chooses where to cut, greedily, only between blocks, never right after a heading.
 * Blocks are the units the slide engine may separate: top-level nodes, and the children of
 * containers that may continue on the next slide (a derivation's steps, an exercise list's items).
 */

/** One block of a section: its top and bottom edge (stage px), and how it takes part in cutting. */
export interface Block {
  readonly top: number;
  readonly bottom: number;
  /** A heading belongs with what follows it: never the last block of a page unless it is alone. */
  readonly heading?: boolean;
  /** Starts a new page (an exercise: one prompt per slide), unless the page so far holds only headings (and empty, hidden blocks). */
  readonly breakBefore?: boolean;
  /**
   * Room (stage px) that a page starting with this block needs above it for what is repeated there:
   * the section's heading marked "continued", and the caption of a derivation it continues. Default 0.
   */
  readonly carry?: number;
  /**
   * Room (stage px) that a page ending with this block needs below it: the bottom padding, border
   * and margin of the containers it sits in, which close on that page. Default 0.
   */
  readonly tail?: number;
}

/**
 * The index of the first block of each page (always starting with 0), such that each page's blocks
 * (with the `carry` of its first block above them and the `tail` of its last below) span at most `height`. A single block taller than
 * `height` gets a page of its own (with the headings just above it): the caller scales that page to fit, which is the last resort (it
 * shrinks the type). An empty list gives one empty page, `[0]`.
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
      pageTop = block.top - (block.carry ?? 0);
      continue;
    }
    if (block.bottom + (block.tail ?? 0) - pageTop <= height) continue;
    // A page holding only headings so far keeps the block that follows them, even an overfull one.
    if (blocks.slice(start, i).every((b) => b.heading === true || b.bottom <= b.top)) continue;
    // Cut before block i; but if block i−1 is a heading opening this page's tail, cut before it instead.
    let cut = i;
    if (blocks[i - 1]?.heading === true && i - 1 > start) cut = i - 1;
    starts.push(cut);
    const first = blocks[cut] ?? block;
    pageTop = first.top - (first.carry ?? 0);
  }
  return starts;
}
