/**
 * Keys to commands, as a pure function of the key and the digits typed so far, so the whole
 * keyboard map is unit-tested. Presentation clickers send PageDown/PageUp (some also `b`/`.` for
 * blackout and Escape/F5 for "start"), so every command has a clicker key as well as a keyboard one.
 */

/** What a key asks the deck to do. `jump` carries the 1-based slide number typed before Enter. */
export type DeckCommand =
  | { readonly kind: 'next' }
  | { readonly kind: 'previous' }
  | { readonly kind: 'first' }
  | { readonly kind: 'last' }
  | { readonly kind: 'jump'; readonly slide: number }
  | { readonly kind: 'overview' }
  | { readonly kind: 'escape' }
  | { readonly kind: 'fullscreen' }
  | { readonly kind: 'blackout' }
  | { readonly kind: 'help' }
  | { readonly kind: 'speaker' }
  | { readonly kind: 'theme' };

/** The parts of a KeyboardEvent the map reads. */
export interface KeyPress {
  readonly key: string;
  readonly shiftKey?: boolean;
  readonly ctrlKey?: boolean;
  readonly metaKey?: boolean;
  readonly altKey?: boolean;
}

/** The command (if any) and the digits typed so far after this key. */
export interface KeyResult {
  readonly command: DeckCommand | undefined;
  /** Digits typed towards a jump; shown on screen, cleared by any command. */
  readonly typed: string;
}

/** At most this many digits: no lesson has 10 000 slides, and a stuck key should not grow without bound. */
const maxDigits = 3;

const simple: Readonly<Record<string, DeckCommand['kind']>> = {
  ArrowRight: 'next',
  ArrowDown: 'next',
  PageDown: 'next',
  ' ': 'next',
  Spacebar: 'next',
  n: 'next',
  ArrowLeft: 'previous',
  ArrowUp: 'previous',
  PageUp: 'previous',
  p: 'previous',
  Home: 'first',
  End: 'last',
  o: 'overview',
  O: 'overview',
  Escape: 'escape',
  f: 'fullscreen',
  F: 'fullscreen',
  b: 'blackout',
  B: 'blackout',
  '.': 'blackout',
  '?': 'help',
  h: 'help',
  s: 'speaker',
  S: 'speaker',
  t: 'theme',
  T: 'theme',
};

/**
 * The command for one key press. Digits accumulate in `typed`; Enter with digits jumps to that
 * slide, Enter without digits goes to the next click; Backspace edits the digits. Keys with Ctrl,
 * Meta or Alt are the browser's (Ctrl+P prints, Alt+← goes back) and never ours.
 */
export function keyCommand(press: KeyPress, typed: string): KeyResult {
  if (press.ctrlKey === true || press.metaKey === true || press.altKey === true) return { command: undefined, typed };
  const { key } = press;
  if (/^[0-9]$/.test(key)) return { command: undefined, typed: (typed + key).slice(-maxDigits) };
  if (key === 'Backspace' && typed !== '') return { command: undefined, typed: typed.slice(0, -1) };
  if (key === 'Enter') {
    // Digits then Enter is a jump; a number that names no slide (0, 00) is dropped, never a "next".
    if (typed === '') return { command: { kind: 'next' }, typed: '' };
    const slide = Number.parseInt(typed, 10);
    return { command: slide > 0 ? { kind: 'jump', slide } : undefined, typed: '' };
  }
  // Shift+Space is "back" in every browser's page scrolling, and so here.
  if ((key === ' ' || key === 'Spacebar') && press.shiftKey === true)
    return { command: { kind: 'previous' }, typed: '' };
  const kind = simple[key];
  if (kind === undefined || kind === 'jump') return { command: undefined, typed };
  return { command: { kind }, typed: '' };
}

/** One row of the help overlay: the keys and what they do (the overlay is generated from this list). */
export interface KeyHelp {
  readonly keys: readonly string[];
  readonly action: string;
}

/** Every key the deck answers to, for the help overlay (`?`). Kept next to the map so they cannot drift. */
export const keyHelp: readonly KeyHelp[] = [
  { keys: ['→', '↓', 'Space', 'Page Down', 'Enter'], action: 'Next step or slide' },
  { keys: ['←', '↑', 'Shift+Space', 'Page Up'], action: 'Previous step or slide' },
  { keys: ['Home', 'End'], action: 'First / last slide' },
  { keys: ['3', 'Enter'], action: 'Go to slide 3 (type any number)' },
  { keys: ['O', 'Esc'], action: 'Overview of all slides (arrows move, Enter opens)' },
  { keys: ['F'], action: 'Full screen' },
  { keys: ['B', '.'], action: 'Blackout (any key returns)' },
  { keys: ['S'], action: 'Speaker view in a second window' },
  { keys: ['T'], action: 'Light / dark theme' },
  { keys: ['?', 'H'], action: 'This help' },
  { keys: ['Swipe ← →'], action: 'Next / previous on a touch screen' },
];
