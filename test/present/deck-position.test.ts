import { describe, expect, it } from 'vitest';
import {
  clampPosition,
  firstPosition,
  formatHash,
  jumpPosition,
  lastPosition,
  nextPosition,
  parseHash,
  previousPosition,
  samePosition,
  type DeckPosition,
  type DeckShape,
} from '../../components/present/deck-position.ts';

// Title slide, a slide with 3 steps, a plain slide, a slide with 1 answer.
const deck: DeckShape = [0, 3, 0, 1];
const at = (slide: number, fragment = 0): DeckPosition => ({ slide, fragment });

describe('next / previous', () => {
  it.each([
    [at(0), at(1)],
    [at(1, 0), at(1, 1)],
    [at(1, 2), at(1, 3)],
    [at(1, 3), at(2)],
    [at(2), at(3)],
    [at(3, 0), at(3, 1)],
    [at(3, 1), at(3, 1)], // the end stays the end
  ])('next of %o is %o', (from, to) => {
    expect(nextPosition(deck, from)).toEqual(to);
  });

  it.each([
    [at(0), at(0)], // the start stays the start
    [at(1, 0), at(0)],
    [at(1, 2), at(1, 1)],
    [at(2), at(1, 3)], // back onto a slide shows it as it was left: fully revealed
    [at(3, 1), at(3, 0)],
  ])('previous of %o is %o', (from, to) => {
    expect(previousPosition(deck, from)).toEqual(to);
  });

  it('walks the whole deck forward and back through every click', () => {
    const forward: DeckPosition[] = [firstPosition];
    for (let i = 0; i < 20; i++) forward.push(nextPosition(deck, forward[forward.length - 1] ?? firstPosition));
    const clicks = deck.reduce((sum, n) => sum + n + 1, 0); // every fragment plus every slide
    const distinct = new Set(forward.map((p) => formatHash(p)));
    expect(distinct.size).toBe(clicks);
    let back = forward[forward.length - 1] ?? firstPosition;
    for (let i = 0; i < clicks - 1; i++) back = previousPosition(deck, back);
    expect(back).toEqual(firstPosition);
  });

  it('treats a one-slide deck without fragments as both ends', () => {
    expect(nextPosition([0], firstPosition)).toEqual(firstPosition);
    expect(previousPosition([0], firstPosition)).toEqual(firstPosition);
    expect(lastPosition([0])).toEqual(firstPosition);
  });
});

describe('first / last / jump / clamp', () => {
  it('goes to the last slide with nothing revealed', () => {
    expect(lastPosition(deck)).toEqual(at(3, 0));
  });

  it.each([
    [1, at(0)],
    [2, at(1)],
    [4, at(3)],
    [99, at(3)], // past the end: the last slide
    [0, at(0)],
    [-5, at(0)],
  ])('jumps to slide number %i', (n, to) => {
    expect(jumpPosition(deck, n)).toEqual(to);
  });

  it.each([
    [at(1, 7), at(1, 3)],
    [at(9, 9), at(3, 1)],
    [at(-1, -1), at(0, 0)],
    [at(Number.NaN, 2), at(0, 0)],
    [at(1.7, 1.2), at(1, 1)],
  ])('clamps %o to %o', (from, to) => {
    expect(clampPosition(deck, from)).toEqual(to);
  });

  it('compares positions', () => {
    expect(samePosition(at(1, 2), at(1, 2))).toBe(true);
    expect(samePosition(at(1, 2), at(1, 1))).toBe(false);
    expect(samePosition(at(2, 1), at(1, 1))).toBe(false);
  });
});

describe('URL hash', () => {
  it.each([
    [at(0), '#/1'],
    [at(2), '#/3'],
    [at(2, 2), '#/3/2'],
    [at(11, 10), '#/12/10'],
  ])('formats %o as %s', (position, hash) => {
    expect(formatHash(position)).toBe(hash);
  });

  it.each([
    ['#/3/2', at(2, 2)],
    ['#/3', at(2, 0)],
    ['#/3/', at(2, 0)],
    ['/3/2', at(2, 2)],
    ['#/1/0', at(0, 0)],
  ])('parses %s', (hash, position) => {
    expect(parseHash(hash)).toEqual(position);
  });

  it.each(['', '#', '#/', '#/0', '#the-function', '#/a/b', '#/3/2/1', '#3', '#/-1', '#/99999'])(
    'rejects %j',
    (hash) => {
      expect(parseHash(hash)).toBeUndefined();
    },
  );

  it('round-trips every position of the deck', () => {
    deck.forEach((count, slide) => {
      for (let fragment = 0; fragment <= count; fragment++) {
        expect(parseHash(formatHash(at(slide, fragment)))).toEqual(at(slide, fragment));
      }
    });
  });
});
