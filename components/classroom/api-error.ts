/**
 * The classroom API's one error shape, written once for both ends: the server sends
 * `{ error: { code, message } }` for every refusal (server/app.ts builds it from {@link ApiError}),
 * and the browser's client reads it back into the same class. Clients branch on `code`, never on
 * the message; the message is a sentence meant for the person at the phone or the projector.
 */

/** Every code the API sends, plus `network` and `unexpected-response`, which only the client makes. */
export const API_ERROR_CODES = [
  // The request itself (4xx before any handler runs).
  'invalid-room-code',
  'invalid-request',
  'malformed-json',
  'body-too-large',
  'unsupported-media-type',
  'too-many-requests',
  'not-found',
  // Who may do it.
  'unauthorised',
  'forbidden',
  // What it names.
  'room-not-found',
  'room-expired',
  'exercise-not-found',
  'assignment-not-found',
  'assignment-closed',
  'not-in-assignment',
  'seed-mismatch',
  'no-question',
  // The server's side.
  'no-free-code',
  'too-many-listeners',
  'internal',
  // Made by the client: the server could not be reached, or answered something not of this shape.
  'network',
  'unexpected-response',
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** The body of every error response. */
export interface ErrorBody {
  readonly error: { readonly code: ApiErrorCode; readonly message: string };
}

/**
 * A refusal with its HTTP status (0: no answer from the server), stable code and human message.
 * The server throws it from handlers (Fastify reads `statusCode`); the client throws it from `api()`.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  constructor(status: number, code: ApiErrorCode, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }

  /** Fastify's name for the status. */
  get statusCode(): number {
    return this.status;
  }

  /** The response body that carries this error. */
  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message } };
  }

  /** The error a response carries; a body not of the one shape becomes `unexpected-response`. */
  static fromResponse(status: number, body: unknown): ApiError {
    if (isErrorBody(body)) return new ApiError(status, body.error.code, body.error.message);
    return new ApiError(status, 'unexpected-response', `The classroom server answered ${status} without saying why.`);
  }
}

const CODES: ReadonlySet<string> = new Set(API_ERROR_CODES);

/** Whether a parsed body is an {@link ErrorBody}: exactly `{ error: { code, message } }`, a known code, a message. */
export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || Object.keys(value).join() !== 'error') return false;
  const error = (value as { error: unknown }).error;
  if (typeof error !== 'object' || error === null || Object.keys(error).sort().join() !== 'code,message') return false;
  const { code, message } = error as Record<string, unknown>;
  return typeof code === 'string' && CODES.has(code) && typeof message === 'string' && message.trim() !== '';
}
