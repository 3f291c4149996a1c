/**
 * The math core: the activation registry, its types, and sampling helpers for plots and widgets.
 * Pure TypeScript (no DOM, no Astro, no Plot).
 */
import type { Activation, ActivationId } from './activation.ts';
import { elu } from './activations/elu.ts';
import { gelu } from './activations/gelu.ts';
import { geluTanh } from './activations/gelu-tanh.ts';
import { hardSigmoid } from './activations/hard-sigmoid.ts';
import { hardSwish } from './activations/hard-swish.ts';
import { leakyRelu } from './activations/leaky-relu.ts';
import { mish } from './activations/mish.ts';
import { relu } from './activations/relu.ts';
import { relu6 } from './activations/relu6.ts';
import { selu } from './activations/selu.ts';
import { sigmoid } from './activations/sigmoid.ts';
import { silu } from './activations/silu.ts';
import { softplus } from './activations/softplus.ts';
import { softsign } from './activations/softsign.ts';
import { tanh } from './activations/tanh.ts';

/** Every activation, keyed by its stable id. `activations[id].value(z, params?)`, `.derivative(z, params?)`. */
export const activations = {
  sigmoid,
  tanh,
  relu,
  'leaky-relu': leakyRelu,
  elu,
  selu,
  softplus,
  silu,
  gelu,
  'gelu-tanh': geluTanh,
  mish,
  'hard-sigmoid': hardSigmoid,
  'hard-swish': hardSwish,
  softsign,
  relu6,
} as const satisfies Record<ActivationId, Activation>;

/** The ids in registry (teaching) order. */
export const activationIds = Object.keys(activations) as ActivationId[];

export type {
  Activation,
  ActivationId,
  Kink,
  Latex,
  Origin,
  ParamName,
  ParamSpec,
  Params,
  Properties,
  Smoothness,
} from './activation.ts';
export { frameworkConventions } from './framework-conventions.ts';
export type { FrameworkValues } from './framework-conventions.ts';
export { logistic, logisticDerivative } from './logistic.ts';
export { sechSquared } from './hyperbolic.ts';
export { gaussianExpectation } from './gaussian-expectation.ts';
export { normalCdf, normalPdf } from './normal.ts';
export { resolveParams } from './params.ts';
export { lowGradientIntervals, maxAbsDerivative, sampleCurve, sampleGrid } from './sample.ts';
export type { Curve, IntervalOptions, LowGradientOptions, SampleOptions, ScanOptions } from './sample.ts';
export { crossEntropyGradient, softmax, squaredErrorGradient } from './output-losses.ts';
