import { CODE_PATTERN } from './tokens.ts';

/** The params schema of every `/api/rooms/:code/…` route: a room code, nothing else (400 otherwise). */
export const codeParams = {
  type: 'object',
  required: ['code'],
  additionalProperties: false,
  properties: { code: { type: 'string', pattern: CODE_PATTERN } },
} as const;
