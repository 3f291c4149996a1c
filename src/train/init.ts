import type { Random } from '../grading/prng.ts';
import { normalDraw } from './normal-draw.ts';
import { TrainError } from './train-error.ts';

/** How the weights are drawn: all schemes draw W ~ N(0, σ²); they differ only in σ. */
export type InitScheme = 'xavier' | 'he' | 'lecun' | 'normal';

/** An initialisation with its options spelt out. */
export interface InitSpec {
  readonly scheme: InitScheme;
  /** σ for the `normal` scheme (required there, ignored by the others). */
  readonly sigma?: number;
  /** The value every bias starts at. Default 0. A large negative value is the classic way to kill ReLU units. */
  readonly bias?: number;
}

export const INIT_SCHEMES: readonly InitScheme[] = ['xavier', 'he', 'lecun', 'normal'];

/**
 * The standard deviation of a layer's weights:
 *   Xavier/Glorot: σ² = 2 / (fan_in + fan_out)   (keeps the variance of both passes near 1 for tanh-like g),
 *   He/Kaiming:    σ² = 2 / fan_in               (makes up for ReLU zeroing half its inputs),
 *   LeCun:         σ² = 1 / fan_in               (SELU's self-normalising choice),
 *   normal:        the σ given.
 */
export function initSigma(spec: InitSpec, fanIn: number, fanOut: number): number {
  switch (spec.scheme) {
    case 'xavier':
      return Math.sqrt(2 / (fanIn + fanOut));
    case 'he':
      return Math.sqrt(2 / fanIn);
    case 'lecun':
      return Math.sqrt(1 / fanIn);
    case 'normal':
      return spec.sigma ?? NaN;
  }
}

/** `'he'` and `{ scheme: 'he' }` mean the same; checks σ and the bias. */
export function resolveInit(init: InitScheme | InitSpec): InitSpec {
  const spec: InitSpec = typeof init === 'string' ? { scheme: init } : init;
  if (!INIT_SCHEMES.includes(spec.scheme)) {
    throw new TrainError('bad-init', `unknown init "${String(spec.scheme)}"; use one of ${INIT_SCHEMES.join(', ')}`);
  }
  if (spec.scheme === 'normal' && !(typeof spec.sigma === 'number' && spec.sigma > 0 && Number.isFinite(spec.sigma))) {
    throw new TrainError('bad-init', 'the normal init needs a finite σ > 0, e.g. { scheme: "normal", sigma: 0.1 }');
  }
  if (spec.bias !== undefined && !Number.isFinite(spec.bias)) {
    throw new TrainError('bad-init', `the initial bias must be a finite number, not ${spec.bias}`);
  }
  return spec;
}

/** Fill `out[offset … offset + count)` with N(0, σ²) draws. */
export function fillNormal(out: Float64Array, offset: number, count: number, sigma: number, random: Random): void {
  for (let i = 0; i < count; i++) out[offset + i] = sigma * normalDraw(random);
}
