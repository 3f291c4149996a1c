/**
 * Why a text is not a valid expression. `position` is a 0-based UTF-16 index into the original
 * text (where to put the caret); `message` does not repeat it. `hint` suggests a fix when one is likely.
 */
export interface ParseError {
  readonly message: string;
  readonly position: number;
  readonly hint?: string;
}
