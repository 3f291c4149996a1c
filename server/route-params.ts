import { ROOM_CODE_PATTERN } from '../components/classroom/room-code.ts';

/** A room code in a route's params: the one rule (a malformed code is 400 `invalid-room-code` everywhere). */
export const roomCode = { type: 'string', pattern: ROOM_CODE_PATTERN } as const;

/** The params schema of every `/api/rooms/:code/…` route: a room code, nothing else (400 otherwise). */
export const codeParams = {
  type: 'object',
  required: ['code'],
  additionalProperties: false,
  properties: { code: roomCode },
} as const;
