import type { ActivationId } from './activation.ts';

/** What a framework's automatic differentiation returns for g′ exactly at a kink (default parameters). */
export interface FrameworkValues {
  /** PyTorch's autograd (the registry's `kink.value` is this one; a test keeps them equal). */
  readonly pytorch: number;
  /** TensorFlow's registered gradient (Keras 3 ≥ 3.0.1 on the TensorFlow backend where TF has no op). */
  readonly tensorflow: number;
  /** JAX (`jax.nn`: custom JVPs, and `jnp.where` ties otherwise). */
  readonly jax: number;
}

// SELU's constants, as in src/math/activations/selu.ts (λ and λα).
const LAMBDA = 1.0507009873554805;
const LAMBDA_ALPHA = 1.7580993408473768;

/**
 * g′ at each kink as PyTorch, TensorFlow and JAX compute it, read from their source code (the
 * quoted lines, files and versions are in docs/research/kink-conventions.md). Keyed by activation
 * and the kink's position. Where the three disagree, a model moved between frameworks gets a
 * different gradient at exactly that input: leaky ReLU at 0 (JAX takes the right slope), SELU at 0
 * (TensorFlow takes the right slope λ) and hard swish at ±3 (PyTorch takes the inner formula).
 */
export const frameworkConventions: Readonly<Partial<Record<ActivationId, Readonly<Record<number, FrameworkValues>>>>> =
  {
    relu: { 0: { pytorch: 0, tensorflow: 0, jax: 0 } },
    // α = 0.01 (TensorFlow's own default alpha is 0.2, which would give 0.2).
    'leaky-relu': { 0: { pytorch: 0.01, tensorflow: 0.01, jax: 1 } },
    relu6: { 0: { pytorch: 0, tensorflow: 0, jax: 0 }, 6: { pytorch: 0, tensorflow: 0, jax: 0 } },
    // α = 1: both one-sided derivatives are 1, and all three return 1.
    elu: { 0: { pytorch: 1, tensorflow: 1, jax: 1 } },
    selu: { 0: { pytorch: LAMBDA_ALPHA, tensorflow: LAMBDA, jax: LAMBDA_ALPHA } },
    'hard-sigmoid': { [-3]: { pytorch: 0, tensorflow: 0, jax: 0 }, 3: { pytorch: 0, tensorflow: 0, jax: 0 } },
    'hard-swish': { [-3]: { pytorch: -0.5, tensorflow: 0, jax: 0 }, 3: { pytorch: 1.5, tensorflow: 1, jax: 1 } },
  };
