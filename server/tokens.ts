import { createHash, randomBytes, randomInt } from 'node:crypto';
import { ROOM_CODE_ALPHABET, ROOM_CODE_LENGTH } from '../components/classroom/room-code.ts';

/** A bearer token: 144 random bits (≥ 128 asked), base64url. */
export function newToken(): string {
  return randomBytes(18).toString('base64url');
}

/** Tokens are stored and looked up by their SHA-256 only. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A room code (components/classroom/room-code.ts): 6 characters of 31, about 8.9·10⁸ codes (rate limits and expiry keep guessing useless). */
export function newRoomCode(): string {
  return Array.from({ length: ROOM_CODE_LENGTH }, () => ROOM_CODE_ALPHABET[randomInt(ROOM_CODE_ALPHABET.length)]).join(
    '',
  );
}

/** The token of an `Authorization: Bearer <token>` header, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer ([A-Za-z0-9_-]{16,128})$/.exec(header ?? '');
  return match?.[1];
}
