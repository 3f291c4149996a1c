/**
 * The question as a phone shows it (built by server/public-question.ts, read by the join page and the
 * projector panel): prompt and inputs, never the key, the mistakes or (before the reveal) the solution.
 */
export interface ClassroomQuestion {
  readonly exercise: string;
  readonly lesson: string;
  readonly seed: string;
  readonly kind: 'expression' | 'numeric' | 'choice' | 'order';
  readonly prompt: string;
  readonly label?: string;
  /** Symbols the answer may use besides z (an expression exercise's `define`), for the live preview. */
  readonly symbols?: readonly string[];
  readonly choices?: readonly string[];
  readonly multiple?: boolean;
  /** Order exercises: the steps (TeX) in display order, with their original indices. */
  readonly steps?: readonly { readonly index: number; readonly tex: string }[];
  readonly revealed: boolean;
  /** The worked solution, once revealed. */
  readonly solution?: string;
  readonly openedAt: number;
}
