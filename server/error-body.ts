import type { FastifyError } from 'fastify';
import { ApiError } from '../components/classroom/api-error.ts';
import { ROOM_CODE_MESSAGE } from '../components/classroom/room-code.ts';

/** One failed JSON Schema check, as Fastify hands it over (Ajv's error object). */
interface SchemaFailure {
  readonly keyword: string;
  readonly instancePath: string;
  readonly params: Record<string, unknown>;
}

/** How a field is named to a person. */
const FIELDS: Readonly<Record<string, string>> = {
  answer: 'The answer',
  assignment: 'The assignment number',
  code: 'The room code',
  exercise: 'The exercise',
  exercises: 'The list of exercises',
  id: 'The answer id',
  name: 'The name',
  seed: 'The seed',
  title: 'The title',
};

/**
 * Every error the server sends, as the one {@link ApiError} shape: the handlers' own ApiErrors as
 * they are, Fastify's (schema, JSON, size, media type, rate limit) translated into a stable code and
 * a sentence a student can act on. Nothing internal (Ajv's wording, a pattern, a stack) reaches the
 * phone; a 5xx says only that something went wrong.
 */
export function toApiError(error: FastifyError | ApiError): ApiError {
  if (error instanceof ApiError) return error;
  const status = error.statusCode ?? 500;
  if (error.validation) return validationError(error.validation, error.validationContext);
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiError(413, 'body-too-large', 'The request is larger than the server accepts (4 KB).');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiError(415, 'unsupported-media-type', 'Send JSON (content-type: application/json).');
    case 'FST_ERR_BAD_URL':
      return new ApiError(400, 'invalid-request', 'This address is not valid.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return malformed();
  }
  // secure-json-parse refuses `__proto__` and `constructor.prototype` keys with a SyntaxError.
  if (status === 400 && error instanceof SyntaxError) return malformed();
  if (status === 429) return new ApiError(429, 'too-many-requests', error.message);
  if (status >= 500) return new ApiError(status, 'internal', 'Something went wrong on the server. Try again.');
  if (status === 404) return new ApiError(404, 'not-found', 'There is no such address on the classroom server.');
  return new ApiError(status, 'invalid-request', 'The server could not read this request.');
}

/** The one answer to a room code that breaks the rule, wherever it is noticed. */
export const invalidRoomCode = () => new ApiError(400, 'invalid-room-code', ROOM_CODE_MESSAGE);

const malformed = () => new ApiError(400, 'malformed-json', 'The request body is not valid JSON.');

/**
 * A schema failure in words. Ajv stops at the first failure, except inside `oneOf` (the answer: text
 * or a list of indices), where each branch reports; the most telling one is said.
 */
function validationError(failures: readonly SchemaFailure[], where: string | undefined): ApiError {
  const failure =
    failures.find((f) => f.keyword !== 'type' && f.keyword !== 'oneOf' && f.keyword !== 'if') ??
    failures.find((f) => f.keyword === 'oneOf') ??
    failures[0];
  const field = failure?.instancePath.split('/')[1] ?? '';
  if (where === 'params' && (field === 'code' || failure?.params['additionalProperty'] === 'code'))
    return invalidRoomCode();
  if (where === 'params') return new ApiError(400, 'invalid-request', 'There is no such assignment number.');
  return new ApiError(400, 'invalid-request', failure === undefined ? 'The request is not valid.' : describe(failure));
}

function describe(failure: SchemaFailure): string {
  const path = failure.instancePath.split('/').slice(1);
  const name = FIELDS[path[0] ?? ''] ?? (path[0] === undefined ? 'The request' : `The field "${path[0]}"`);
  const within = path.length > 1 ? ` (item ${Number(path[1]) + 1})` : '';
  const p = failure.params;
  switch (failure.keyword) {
    case 'additionalProperties':
      return `The request has a field the server does not know: "${String(p['additionalProperty'])}".`;
    case 'required':
      return `${FIELDS[String(p['missingProperty'])] ?? `The field "${String(p['missingProperty'])}"`} is missing.`;
    case 'maxLength':
      return `${name}${within} is too long: at most ${String(p['limit'])} characters.`;
    case 'minLength':
      return `${name}${within} is empty.`;
    case 'maxItems':
      return `${name} is too long: at most ${String(p['limit'])} items.`;
    case 'minItems':
      return `${name} is empty.`;
    case 'uniqueItems':
      return `${name} names the same item twice.`;
    case 'minimum':
    case 'maximum':
      return `${name}${within} is out of range.`;
    case 'oneOf':
      return `${name} must be the typed text, or the numbers of the chosen options or steps.`;
    case 'type':
      return path.length === 0
        ? 'The request body must be a JSON object.'
        : `${name}${within} must be ${article(String(p['type']))}.`;
    case 'pattern':
      return path[0] === 'name' || path[0] === 'title'
        ? `${name} may not contain control characters.`
        : `${name}${within} is not in the form the server expects.`;
    default:
      return `${name}${within} is not valid.`;
  }
}

const article = (type: string) =>
  ({ string: 'text', integer: 'a whole number', number: 'a number', array: 'a list', object: 'an object' })[type] ??
  type;
