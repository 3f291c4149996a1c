import { describe, expect, it } from 'vitest';
import { groupSlides, slideNodeKind, type SlideNode } from '../../components/present/group-slides.ts';

/** A plain stand-in for a DOM node: `tag` for an element (with attributes), or text. */
function el(tag: string, text = '', attributes: string[] = []): SlideNode & { label: string } {
  return {
    nodeType: 1,
    nodeName: tag.toUpperCase(),
    textContent: text,
    hasAttribute: (name) => attributes.includes(name),
    label: `${tag}:${text}`,
  };
}
function text(value: string): SlideNode & { label: string } {
  return { nodeType: 3, nodeName: '#text', textContent: value, label: `text:${value.trim()}` };
}
const title = el('header', 'Title', ['data-title-slide']);
const notes = (t: string) => el('aside', t, ['data-speaker-notes']);
const marker = el('hr', '', ['data-slide-break']);
const labels = (groups: { label: string }[][]) => groups.map((g) => g.map((n) => n.label));

describe('slideNodeKind', () => {
  it.each([
    [el('h2', 'A'), 'heading'],
    [el('h3', 'A'), 'content'],
    [el('p', 'x'), 'content'],
    [marker, 'marker'],
    [el('hr'), 'content'], // an ordinary rule is content, not a break
    [notes('n'), 'notes'],
    [title, 'title'],
    [text('\n  '), 'blank'],
    [text('stray words'), 'content'],
    [{ nodeType: 8, nodeName: '#comment', textContent: 'x' }, 'blank'],
  ])('%o is %s', (node, kind) => {
    expect(slideNodeKind(node)).toBe(kind);
  });
});

describe('groupSlides', () => {
  it('starts a slide at each h2, after the title slide', () => {
    const nodes = [title, text('\n'), el('p', 'intro'), el('h2', 'A'), el('p', 'a'), el('h2', 'B'), el('p', 'b')];
    expect(labels(groupSlides(nodes))).toEqual([
      ['header:Title'],
      ['text:', 'p:intro'],
      ['h2:A', 'p:a'],
      ['h2:B', 'p:b'],
    ]);
  });

  it('breaks at an explicit marker and drops it', () => {
    const nodes = [el('h2', 'A'), el('p', 'one'), marker, el('p', 'two')];
    expect(labels(groupSlides(nodes))).toEqual([['h2:A', 'p:one'], ['p:two']]);
  });

  it('makes one slide of a lesson with no headings', () => {
    const nodes = [el('p', 'one'), el('p', 'two'), text('\n')];
    expect(groupSlides(nodes)).toHaveLength(1);
  });

  it('makes no slides of nothing', () => {
    expect(groupSlides([])).toEqual([]);
    expect(groupSlides([text('\n')])).toEqual([]);
  });

  it('keeps notes with the slide they are written in', () => {
    const nodes = [el('h2', 'A'), notes('say this'), el('p', 'a'), el('h2', 'B'), el('p', 'b'), notes('then this')];
    expect(labels(groupSlides(nodes))).toEqual([
      ['h2:A', 'aside:say this', 'p:a'],
      ['h2:B', 'p:b', 'aside:then this'],
    ]);
  });

  it('never makes a slide of notes alone: they join the slide before', () => {
    const nodes = [title, text('\n'), notes('welcome'), el('h2', 'A'), el('p', 'a'), marker, notes('late')];
    expect(labels(groupSlides(nodes))).toEqual([
      ['header:Title', 'aside:welcome'],
      ['h2:A', 'p:a', 'aside:late'],
    ]);
  });

  it('drops empty slides from consecutive markers and headings-only separators', () => {
    const nodes = [el('h2', 'A'), el('p', 'a'), marker, marker, text(' '), el('h2', 'B')];
    expect(labels(groupSlides(nodes))).toEqual([['h2:A', 'p:a'], ['h2:B']]);
  });
});
