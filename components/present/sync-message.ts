/**
 * Messages between the projector window and the speaker view, over
 * `new BroadcastChannel('present-<lesson-id>')`. Every message names its sender so a window ignores
 * its own echo, and applying a received message never re-broadcasts it (no ping-pong).
 *
 * - `hello`: a window has just opened; the others answer with `position` and their widget states.
 * - `position`: go to this slide and fragment.
 * - `blackout`: black the projector out, or bring it back.
 * - `widget`: a widget changed; `state` is whatever the widget put in its `widget-state` event
 *   (structured-cloneable), applied on the other side with a `widget-state-apply` event.
 */
export type SyncMessage =
  | { readonly type: 'hello'; readonly from: string }
  | { readonly type: 'position'; readonly from: string; readonly slide: number; readonly fragment: number }
  | { readonly type: 'blackout'; readonly from: string; readonly on: boolean }
  | { readonly type: 'widget'; readonly from: string; readonly id: string; readonly state: unknown };

/** The channel name for a lesson: both windows of one lesson, and only they, share it. */
export function channelName(lessonId: string): string {
  return `present-${lessonId}`;
}

/** A received message checked field by field (another tab, an old version or a stray post may send anything). */
export function readSyncMessage(data: unknown): SyncMessage | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const m = data as Record<string, unknown>;
  const from = m['from'];
  if (typeof from !== 'string' || from === '') return undefined;
  switch (m['type']) {
    case 'hello':
      return { type: 'hello', from };
    case 'position': {
      const slide = m['slide'];
      const fragment = m['fragment'];
      if (!isCount(slide) || !isCount(fragment)) return undefined;
      return { type: 'position', from, slide, fragment };
    }
    case 'blackout':
      return typeof m['on'] === 'boolean' ? { type: 'blackout', from, on: m['on'] } : undefined;
    case 'widget': {
      const id = m['id'];
      if (typeof id !== 'string' || id === '' || !('state' in m)) return undefined;
      return { type: 'widget', from, id, state: m['state'] };
    }
    default:
      return undefined;
  }
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}
