/** The update rules `step` offers. */
export type OptimizerName = 'sgd' | 'momentum' | 'adam';

export const OPTIMIZERS: readonly OptimizerName[] = ['sgd', 'momentum', 'adam'];

/** Momentum's decay μ, and Adam's β₁, β₂ and ε: the defaults of Kingma & Ba (2015) and of PyTorch. */
export const MOMENTUM = 0.9;
export const ADAM_BETA1 = 0.9;
export const ADAM_BETA2 = 0.999;
export const ADAM_EPSILON = 1e-8;

/** The running state of one optimizer over one parameter vector. */
export interface OptimizerState {
  readonly name: OptimizerName;
  /** Momentum's velocity, or Adam's first moment m. */
  readonly first: Float64Array;
  /** Adam's second moment v (empty otherwise). */
  readonly second: Float64Array;
  /** Number of updates so far (Adam's bias correction needs it). */
  t: number;
}

export function createOptimizerState(name: OptimizerName, size: number): OptimizerState {
  return {
    name,
    first: new Float64Array(name === 'sgd' ? 0 : size),
    second: new Float64Array(name === 'adam' ? size : 0),
    t: 0,
  };
}

/**
 * One update θ ← θ − η·u in place, where u is
 *   sgd:      g,
 *   momentum: v ← μv + g; u = v            (heavy ball, PyTorch's form),
 *   adam:     m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²; u = m̂ / (√v̂ + ε), with m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ).
 */
export function applyUpdate(state: OptimizerState, params: Float64Array, gradient: Float64Array, rate: number): void {
  state.t += 1;
  const n = params.length;
  if (state.name === 'sgd') {
    for (let i = 0; i < n; i++) params[i] = (params[i] as number) - rate * (gradient[i] as number);
    return;
  }
  const m = state.first;
  if (state.name === 'momentum') {
    for (let i = 0; i < n; i++) {
      const v = MOMENTUM * (m[i] as number) + (gradient[i] as number);
      m[i] = v;
      params[i] = (params[i] as number) - rate * v;
    }
    return;
  }
  const s = state.second;
  const c1 = 1 - ADAM_BETA1 ** state.t;
  const c2 = 1 - ADAM_BETA2 ** state.t;
  for (let i = 0; i < n; i++) {
    const g = gradient[i] as number;
    const mi = ADAM_BETA1 * (m[i] as number) + (1 - ADAM_BETA1) * g;
    const si = ADAM_BETA2 * (s[i] as number) + (1 - ADAM_BETA2) * g * g;
    m[i] = mi;
    s[i] = si;
    params[i] = (params[i] as number) - (rate * (mi / c1)) / (Math.sqrt(si / c2) + ADAM_EPSILON);
  }
}
