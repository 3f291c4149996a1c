/**
 * Why a text is not a valid expression. `position` is a 0-based UTF-16 index into the original
 * text (where to put the caret); `message` does not repeat it. `hint` suggests a fix when one is likely.
 */
export interface ParseError {
  readonly message: string;
  readonly position: number;
  readonly hint?: string;
  /** A stable code for errors callers act on (never match on `message`). */
  readonly code?: ParseErrorCode;
  /** For `unknown-name`: the name as typed. */
  readonly name?: string;
}

/** Codes of the parse errors that callers distinguish. */
export type ParseErrorCode = 'unknown-name';
