/**
 * A widget's state as it travels between windows in present mode: the same string record the widget
 * mirrors to the URL (keys without the widget prefix, e.g. `{ fn: 'sigmoid', z: '2' }`). Read back
 * through the widget's own URL reader, so a state from another window is checked and clamped exactly
 * like a hand-edited link.
 */
import type { QueryReader } from './query.ts';

/** The serialisable state a widget sends (`widget-state`) and receives (`widget-state-apply`). */
export type WidgetState = Readonly<Record<string, string>>;

/**
 * `value` as a widget state, or `undefined` when it is not a plain record of strings: a message
 * from another tab or an older version may carry anything, and a bad one must change nothing.
 */
export function readWidgetState(value: unknown): WidgetState | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const out: Record<string, string> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry !== 'string') return undefined;
    out[key] = entry;
  }
  return out;
}

/** The state of a `widget-state-apply` event's `detail` for widget `id`; `undefined` if it names another widget or is malformed. */
export function appliedState(detail: unknown, id: string): WidgetState | undefined {
  if (typeof detail !== 'object' || detail === null) return undefined;
  const { id: target, state } = detail as { id?: unknown; state?: unknown };
  if (target !== id) return undefined;
  return readWidgetState(state);
}

/** A reader over a received state, for the widget's `read…State(reader, current)`: missing keys keep the current value. */
export function stateReader(state: WidgetState): QueryReader {
  return (key) => (Object.hasOwn(state, key) ? (state[key] ?? null) : null);
}
