import { activations } from '../../math/index.ts';
import type { ActivationId, ParamName } from '../../math/index.ts';
import { activationValue } from '../activation-bridge.ts';
import { call, mul, num, sub } from '../expr.ts';
import type { FunctionInfo } from './function-info.ts';

/** The registry's activations as functions of the language (`src/math/activations/`). */
export type ActivationFunctionName =
  | 'sigmoid'
  | 'relu'
  | 'leaky_relu'
  | 'elu'
  | 'selu'
  | 'softplus'
  | 'silu'
  | 'swish'
  | 'gelu'
  | 'gelu_tanh'
  | 'mish'
  | 'hard_sigmoid'
  | 'hard_swish'
  | 'softsign'
  | 'relu6';

type Entry = FunctionInfo & { readonly name: ActivationFunctionName };

/** What an activation entry adds to the registry: the name students type, help, TeX, and overrides. */
type ActivationSpec = Pick<Entry, 'name' | 'signature' | 'description' | 'tex'> &
  Partial<Pick<Entry, 'aliases' | 'error' | 'precise' | 'derivative'>> & {
    /** The registry parameter an optional second argument sets. */
    readonly param?: ParamName;
  };

/**
 * A registry activation as a function: value, derivative (`derivativeExpression`), 50-digit value
 * (`expression`) and kinks (with their one-sided slopes) all come from `activations[id]`. Its
 * argument's neighbourhood of 0 is a feature unless the activation has kinks (then those are switches).
 */
function fromRegistry(id: ActivationId, spec: ActivationSpec): Entry {
  const entry = activations[id];
  const kinks = entry.kinks.map((k) => ({ kind: 'kink' as const, at: k.at, left: k.left, right: k.right }));
  return {
    minArgs: 1,
    maxArgs: spec.param === undefined ? 1 : 2,
    activationId: id,
    evaluate: (args) => activationValue(id, args[0] ?? Number.NaN, spec.param, args[1]),
    error: { kind: 'spread' },
    kinks,
    feature: kinks.length === 0,
    ...spec,
  };
}

export const activationFunctions: readonly Entry[] = [
  fromRegistry('sigmoid', {
    name: 'sigmoid',
    aliases: ['σ', 'sigma'],
    signature: 'sigmoid(x) or σ(x)',
    description: 'logistic sigmoid 1/(1+e^(−x))',
    tex: '\\sigma',
    // σ′ = σ(1 − σ)
    error: { kind: 'slope', propagate: (_x, v, ex) => v * (1 - v) * ex },
    precise: ([x], m) => m.sigmoid(x ?? m.NAN),
    derivative: {
      outer: (u) => mul(call('sigmoid', [u]), sub(num(1), call('sigmoid', [u]))),
      rule: 'known-derivative',
      note: 'sigmoid(u)·(1 − sigmoid(u))',
    },
  }),
  fromRegistry('relu', {
    name: 'relu',
    signature: 'relu(z)',
    description: 'ReLU max(0, z)',
    tex: '\\operatorname{ReLU}',
  }),
  fromRegistry('leaky-relu', {
    name: 'leaky_relu',
    signature: 'leaky_relu(z, alpha)',
    description: 'leaky ReLU with slope alpha for z < 0',
    tex: '\\operatorname{LeakyReLU}',
    param: 'alpha',
  }),
  fromRegistry('elu', {
    name: 'elu',
    signature: 'elu(z, alpha)',
    description: 'ELU: z for z > 0, alpha(e^z − 1) otherwise',
    tex: '\\operatorname{ELU}',
    param: 'alpha',
  }),
  fromRegistry('selu', {
    name: 'selu',
    signature: 'selu(z)',
    description: 'scaled ELU (self-normalising constants)',
    tex: '\\operatorname{SELU}',
  }),
  fromRegistry('softplus', {
    name: 'softplus',
    signature: 'softplus(z, beta)',
    description: 'softplus ln(1 + e^(beta z))/beta',
    tex: '\\operatorname{softplus}',
    param: 'beta',
  }),
  fromRegistry('silu', {
    name: 'silu',
    signature: 'silu(z, beta)',
    description: 'SiLU z·σ(z); with beta, z·σ(beta z)',
    tex: '\\operatorname{SiLU}',
    param: 'beta',
  }),
  // swish is SiLU with a (trainable) beta; the registry has one entry for both.
  fromRegistry('silu', {
    name: 'swish',
    signature: 'swish(z, beta)',
    description: 'swish z·σ(beta z) (beta = 1: SiLU)',
    tex: '\\operatorname{swish}',
    param: 'beta',
  }),
  fromRegistry('gelu', {
    name: 'gelu',
    signature: 'gelu(z)',
    description: 'GELU z·Φ(z) (exact, with erf)',
    tex: '\\operatorname{GELU}',
  }),
  fromRegistry('gelu-tanh', {
    name: 'gelu_tanh',
    signature: 'gelu_tanh(z)',
    description: 'GELU, tanh approximation',
    tex: '\\operatorname{GELU}_{\\tanh}',
  }),
  fromRegistry('mish', {
    name: 'mish',
    signature: 'mish(z)',
    description: 'mish z·tanh(softplus(z))',
    tex: '\\operatorname{mish}',
  }),
  fromRegistry('hard-sigmoid', {
    name: 'hard_sigmoid',
    signature: 'hard_sigmoid(z)',
    description: 'piecewise-linear sigmoid',
    tex: '\\operatorname{hardsigmoid}',
  }),
  fromRegistry('hard-swish', {
    name: 'hard_swish',
    signature: 'hard_swish(z)',
    description: 'z times hard sigmoid',
    tex: '\\operatorname{hardswish}',
  }),
  fromRegistry('softsign', {
    name: 'softsign',
    signature: 'softsign(z)',
    description: 'softsign z/(1 + |z|)',
    tex: '\\operatorname{softsign}',
  }),
  fromRegistry('relu6', {
    name: 'relu6',
    signature: 'relu6(z)',
    description: 'ReLU capped at 6: min(max(0, z), 6)',
    tex: '\\operatorname{ReLU6}',
  }),
];
