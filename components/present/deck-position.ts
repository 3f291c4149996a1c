/**
 * The deck's place as pure data: which slide, and how many of its fragments are shown.
 * A deck is described only by how many fragments each slide has, so every move is a pure
 * function, tested without a browser (test/present/deck-position.test.ts).
 */

/** Where the presentation is: `slide` is 0-based; `fragment` fragments of that slide are shown (0…count). */
export interface DeckPosition {
  readonly slide: number;
  readonly fragment: number;
}

/** How many fragments each slide has, in slide order. A deck always has at least one slide. */
export type DeckShape = readonly number[];

/** The start of the deck: the first slide with nothing revealed. */
export const firstPosition: DeckPosition = { slide: 0, fragment: 0 };

/** The fragment count of `slide` (0 for a slide outside the deck). */
export function fragmentsOf(shape: DeckShape, slide: number): number {
  return shape[slide] ?? 0;
}

/** The nearest valid position: slide within the deck, fragment within that slide's count; NaN → 0. */
export function clampPosition(shape: DeckShape, position: DeckPosition): DeckPosition {
  const lastSlide = Math.max(0, shape.length - 1);
  const slide = clampInt(position.slide, 0, lastSlide);
  return { slide, fragment: clampInt(position.fragment, 0, fragmentsOf(shape, slide)) };
}

/** One click forward: the next fragment of this slide, else the next slide with nothing revealed; stays at the end. */
export function nextPosition(shape: DeckShape, position: DeckPosition): DeckPosition {
  const { slide, fragment } = clampPosition(shape, position);
  if (fragment < fragmentsOf(shape, slide)) return { slide, fragment: fragment + 1 };
  if (slide < shape.length - 1) return { slide: slide + 1, fragment: 0 };
  return { slide, fragment };
}

/**
 * One click back: hide the newest fragment, else go to the previous slide fully revealed (as it was
 * left when the class moved on); stays at the start.
 */
export function previousPosition(shape: DeckShape, position: DeckPosition): DeckPosition {
  const { slide, fragment } = clampPosition(shape, position);
  if (fragment > 0) return { slide, fragment: fragment - 1 };
  if (slide > 0) return { slide: slide - 1, fragment: fragmentsOf(shape, slide - 1) };
  return { slide, fragment };
}

/** The last slide with nothing revealed (End). */
export function lastPosition(shape: DeckShape): DeckPosition {
  return { slide: Math.max(0, shape.length - 1), fragment: 0 };
}

/** Slide `number` as the audience counts it (1-based, the number typed before Enter), clamped to the deck. */
export function jumpPosition(shape: DeckShape, number: number): DeckPosition {
  return clampPosition(shape, { slide: number - 1, fragment: 0 });
}

/** True when both name the same place. */
export function samePosition(a: DeckPosition, b: DeckPosition): boolean {
  return a.slide === b.slide && a.fragment === b.fragment;
}

/**
 * The URL hash of a position: `#/<slide number, 1-based>` and, once fragments are shown, `/<count>`:
 * `#/3` is slide 3 with nothing revealed, `#/3/2` the same slide with two fragments shown.
 */
export function formatHash(position: DeckPosition): string {
  const slide = `#/${String(position.slide + 1)}`;
  return position.fragment > 0 ? `${slide}/${String(position.fragment)}` : slide;
}

/** Reads `#/3/2` (or `#/3`, `/3/2`, `#/3/`); undefined for anything else, e.g. a heading anchor `#the-function`. */
export function parseHash(hash: string): DeckPosition | undefined {
  const match = /^#?\/(\d{1,4})(?:\/(\d{1,4}))?\/?$/.exec(hash);
  if (match === null) return undefined;
  const slide = Number(match[1]);
  if (slide < 1) return undefined;
  return { slide: slide - 1, fragment: match[2] === undefined ? 0 : Number(match[2]) };
}

function clampInt(value: number, min: number, max: number): number {
  if (!Number.isFinite(value)) return min;
  return Math.min(max, Math.max(min, Math.trunc(value)));
}
