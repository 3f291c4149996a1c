import { describe, expect, it } from 'vitest';
import { keyCommand, keyHelp, type DeckCommand, type KeyPress } from '../../components/present/key-command.ts';

const press = (key: string, extra: Omit<KeyPress, 'key'> = {}): KeyPress => ({ key, ...extra });
const kind = (p: KeyPress, typed = ''): DeckCommand['kind'] | undefined => keyCommand(p, typed).command?.kind;

describe('keyCommand', () => {
  // Clickers send PageDown/PageUp; keyboards arrows and space.
  it.each(['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'n', 'Enter'])('%j goes forward', (key) => {
    expect(kind(press(key))).toBe('next');
  });

  it.each(['ArrowLeft', 'ArrowUp', 'PageUp', 'p'])('%j goes back', (key) => {
    expect(kind(press(key))).toBe('previous');
  });

  it('Shift+Space goes back, as it scrolls back in a browser', () => {
    expect(kind(press(' ', { shiftKey: true }))).toBe('previous');
  });

  it.each([
    ['Home', 'first'],
    ['End', 'last'],
    ['o', 'overview'],
    ['Escape', 'escape'],
    ['f', 'fullscreen'],
    ['b', 'blackout'],
    ['.', 'blackout'],
    ['?', 'help'],
    ['s', 'speaker'],
    ['t', 'theme'],
  ] as const)('%j is %s', (key, expected) => {
    expect(kind(press(key))).toBe(expected);
  });

  it('leaves keys with Ctrl, Meta or Alt to the browser', () => {
    expect(keyCommand(press('p', { ctrlKey: true }), '')).toEqual({ command: undefined, typed: '' });
    expect(kind(press('ArrowLeft', { altKey: true }))).toBeUndefined();
    expect(kind(press('f', { metaKey: true }))).toBeUndefined();
  });

  it('ignores keys it does not know, keeping the digits typed', () => {
    expect(keyCommand(press('x'), '1')).toEqual({ command: undefined, typed: '1' });
  });

  it('collects digits and jumps on Enter', () => {
    let typed = '';
    for (const key of ['1', '2']) {
      const result = keyCommand(press(key), typed);
      expect(result.command).toBeUndefined();
      typed = result.typed;
    }
    expect(typed).toBe('12');
    expect(keyCommand(press('Enter'), typed)).toEqual({ command: { kind: 'jump', slide: 12 }, typed: '' });
  });

  it('edits digits with Backspace and keeps at most three', () => {
    expect(keyCommand(press('Backspace'), '12').typed).toBe('1');
    expect(keyCommand(press('5'), '123').typed).toBe('235');
  });

  it.each(['0', '00'])('drops %j + Enter: no slide 0, and not a "next" either', (typed) => {
    expect(keyCommand(press('Enter'), typed)).toEqual({ command: undefined, typed: '' });
  });

  it('clears the digits on any command', () => {
    expect(keyCommand(press('ArrowRight'), '4')).toEqual({ command: { kind: 'next' }, typed: '' });
  });

  it('documents every command kind in the help overlay', () => {
    const actions = keyHelp.map((row) => row.action.toLowerCase()).join(' | ');
    for (const word of [
      'next',
      'previous',
      'first',
      'slide 3',
      'overview',
      'full screen',
      'blackout',
      'speaker',
      'theme',
      'help',
    ]) {
      expect(actions).toContain(word);
    }
  });
});
