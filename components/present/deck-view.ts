/**
 * Which view a deck page shows. A phone held upright is no projector: 1600 stage px in 390 CSS px
 * would set the type at 9 px. There the deck stays the lesson read top to bottom (the
 * server-rendered page, in the deck's large type); elsewhere, and always in the speaker view, it is
 * slides. PresentDeck.astro decides before the first paint and writes the choice on <html>
 * (`data-deck-view`); the stylesheet and start-deck.ts read it from there.
 */
export const readingViewQuery = '(max-width: 40rem)';

export type DeckView = 'slides' | 'reading';

/** The view <html> carries; `undefined` before the choice is made (or with JavaScript off). */
export function deckView(root: HTMLElement): DeckView | undefined {
  const view = root.dataset['deckView'];
  return view === 'slides' || view === 'reading' ? view : undefined;
}
