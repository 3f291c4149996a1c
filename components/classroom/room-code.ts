/**
 * The one room-code rule, shared by the server (every `/api/rooms/:code/…` route validates with it,
 * and new codes are drawn from its alphabet) and the join page (which checks a typed code before
 * sending it). Codes avoid look-alike characters (0/O, 1/I/L) so they read well off a projector.
 */
export const ROOM_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const ROOM_CODE_LENGTH = 6;
/** The rule as a JSON Schema / RegExp pattern. */
export const ROOM_CODE_PATTERN = `^[${ROOM_CODE_ALPHABET}]{${ROOM_CODE_LENGTH}}$`;
/** What a person is told when a code breaks the rule (the server's 400 and the join page say the same). */
export const ROOM_CODE_MESSAGE = `A room code has ${ROOM_CODE_LENGTH} letters and digits, as shown on the projector.`;

const ROOM_CODE = new RegExp(ROOM_CODE_PATTERN);

/** Whether a code follows the rule (exactly; see {@link normaliseRoomCode} for what people type). */
export function isRoomCode(code: string): boolean {
  return ROOM_CODE.test(code);
}

/** A typed code as the server expects it: capitals, without the spaces or dashes people add. */
export function normaliseRoomCode(typed: string): string {
  return typed.replace(/[\s-]+/g, '').toUpperCase();
}
