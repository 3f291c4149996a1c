/**
 * The address a phone opens for one room: the join address (absolute) with `?room=<code>`, which
 * /join/ fills in. What the QR code encodes and what the projector prints beside it.
 */
export function roomJoinUrl(joinUrl: string, code: string): string {
  const url = new URL(joinUrl);
  url.searchParams.set('room', code);
  return url.href;
}
