/**
 * Why a text is not a valid expression. `position` is a 0-based UTF-16 index into the original
 * text (where to put the caret); `message` does not repeat it. `hint` suggests a fix when one is likely.
 * `code` is stable (control flow and tests match on it, never on the message): `empty`,
 * `too-long`, `too-deep`, `unknown-name`, `unknown-function`, `not-in-course`, `joined-names`,
 * `unexpected-character`, `invisible-character`, `tex-command`, `malformed-number`,
 * `number-too-large`, `superscript`, `equation`, `prime`, `bracket`, `unbalanced-open`,
 * `unbalanced-close`, `unbalanced-bar`, `missing-operand`, `unexpected-token`, `number-after-factor`,
 * `ambiguous-exponent`, `exponent-missing`, `inverse-function`, `function-power`, `arity`,
 * `needs-parentheses`, `empty-parentheses`, `chained-comparison`, `incomplete-condition`,
 * `derivative-notation`, `invalid-option`.
 */
export interface ParseError {
  readonly code: string;
  readonly message: string;
  readonly position: number;
  readonly hint?: string;
  /** For `unknown-name`: the name (so callers can offer it as a parameter without reading the message). */
  readonly name?: string;
}
