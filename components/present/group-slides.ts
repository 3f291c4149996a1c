/**
 * Where slides break, as a pure function of the lesson's top-level nodes. A slide starts at each
 * `h2` and at each explicit `<SlideBreak />` marker (`<hr data-slide-break>`, dropped from the slide);
 * the title block (`[data-title-slide]`) is a slide of its own, so a lesson's opening paragraphs
 * follow it on the next slide.
 * Speaker notes alone do not make a slide: a group holding only notes and blank text joins the slide
 * before it. Works on DOM nodes and on plain objects alike (the tests use plain objects).
 */

/** The parts of a DOM node the grouping reads. */
export interface SlideNode {
  /** 1 for an element, 3 for text (DOM's Node.ELEMENT_NODE / TEXT_NODE). */
  readonly nodeType: number;
  /** Upper-case tag name for elements ('H2', 'HR'), '#text' for text. */
  readonly nodeName: string;
  readonly textContent: string | null;
  hasAttribute?(name: string): boolean;
}

/** How one top-level node takes part in slide making. */
export type SlideNodeKind = 'title' | 'heading' | 'marker' | 'notes' | 'blank' | 'content';

export function slideNodeKind(node: SlideNode): SlideNodeKind {
  if (node.nodeType === 1) {
    const name = node.nodeName.toUpperCase();
    if (node.hasAttribute?.('data-title-slide') === true) return 'title';
    if (name === 'H2') return 'heading';
    if (name === 'HR' && node.hasAttribute?.('data-slide-break') === true) return 'marker';
    if (node.hasAttribute?.('data-speaker-notes') === true) return 'notes';
    return 'content';
  }
  if (node.nodeType === 3) return (node.textContent ?? '').trim() === '' ? 'blank' : 'content';
  return 'blank'; // comments and the like
}

/**
 * The nodes of each slide, in order. Markers are dropped; a lesson without headings or markers is
 * one slide; an empty lesson is no slides (the caller still has its title slide).
 */
export function groupSlides<T extends SlideNode>(nodes: readonly T[]): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  const close = (): void => {
    const substantive = current.some((n) => {
      const kind = slideNodeKind(n);
      return kind === 'content' || kind === 'heading' || kind === 'title';
    });
    const previous = groups[groups.length - 1];
    if (substantive) groups.push(current);
    else if (previous !== undefined) previous.push(...current.filter((n) => slideNodeKind(n) === 'notes'));
    else if (current.some((n) => slideNodeKind(n) === 'notes')) groups.push(current);
    current = [];
  };
  for (const node of nodes) {
    const kind = slideNodeKind(node);
    if (kind === 'title') {
      close();
      current.push(node);
      close();
      continue;
    }
    if (kind === 'heading' || kind === 'marker') close();
    if (kind !== 'marker') current.push(node);
  }
  close();
  return groups;
}
