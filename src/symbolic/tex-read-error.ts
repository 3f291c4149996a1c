/**
 * Why the TeX reader could not read a formula. `code` is stable (tests and callers branch on it,
 * never on `message`); `position` is a 0-based UTF-16 index into the text given to the reader
 * (plus its `offset` option), pointing at the symbol it could not read.
 */
export interface TeXReadError {
  readonly code: TeXErrorCode;
  readonly message: string;
  readonly position: number;
}

/**
 * - `unknown-command`: a control word outside the subset (`\partial`, `\sum`, `\Phi` when not built in);
 * - `unknown-symbol`: a letter or Greek letter that is neither the variable, a parameter nor defined;
 * - `unknown-function`: `\operatorname{…}` naming no function of the expression language;
 * - `text`: `\text{…}` outside the conditions of a `cases`;
 * - `unbalanced`: a bracket, brace, `\left`/`\right` or `\begin`/`\end` without its partner;
 * - `unexpected`: a token where it cannot stand (`+` at the end, `^` with no base);
 * - `unexpected-end`: the formula stops in the middle;
 * - `empty`: nothing to read;
 * - `unsupported`: TeX the reader knows but will not guess the meaning of (`\tanh^{-1}`,
 *   `\sqrt[3]`, a prime on a function of several arguments, `\pm`);
 * - `unknown-index`: with vectors (the `indexed` option), a subscript that is neither an index nor a
 *   component number (`z_q`, `\delta_{iq}`);
 * - `sum-syntax`: a `\sum` without its index, body or braced bounds; `sum-index`: a sum's index already
 *   in use (a vector, `n`, or the index of an enclosing sum);
 * - `unsupported-relation`: a relation other than `=`, `\approx`, `<`, `\le`, `>`, `\ge`, `\ne`
 *   (reserved: `splitTeX` lists those it meets in `unchecked` and cuts the statement there).
 */
export type TeXErrorCode =
  | 'unknown-command'
  | 'unknown-symbol'
  | 'unknown-function'
  | 'text'
  | 'unbalanced'
  | 'unexpected'
  | 'unexpected-end'
  | 'empty'
  | 'unsupported'
  | 'unknown-index'
  | 'sum-syntax'
  | 'sum-index'
  | 'unsupported-relation';
