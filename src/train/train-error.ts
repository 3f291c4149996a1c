/** Stable codes for every way a training call can be refused; callers branch on `code`, never on the message. */
export type TrainErrorCode =
  | 'bad-sizes'
  | 'activation-count'
  | 'unknown-activation'
  | 'bad-activation-param'
  | 'bad-init'
  | 'bad-loss'
  | 'shape-mismatch'
  | 'bad-step-options'
  | 'bad-dataset';

/** An error from `src/train`, with a stable `code` beside the message for people. */
export class TrainError extends Error {
  readonly code: TrainErrorCode;
  constructor(code: TrainErrorCode, message: string) {
    super(message);
    this.name = 'TrainError';
    this.code = code;
  }
}
