import erf from '@stdlib/math-base-special-erf';
import type { ActivationId, ParamName } from '../math/index.ts';
import { activationValue } from './activation-bridge.ts';

/** Every function the expression language knows, by its canonical (printed) name. */
export type FunctionName =
  | 'exp'
  | 'log'
  | 'sqrt'
  | 'abs'
  | 'sign'
  | 'sinh'
  | 'cosh'
  | 'tanh'
  | 'sech'
  | 'sigmoid'
  | 'erf'
  | 'max'
  | 'min'
  | 'heaviside'
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

/** One entry of the function table: what the parser accepts, how it prints and evaluates. */
export interface FunctionInfo {
  /** Canonical name, as `toText` prints it. */
  readonly name: FunctionName;
  /** Fewest and most arguments accepted (`max`/`min` take two or more). */
  readonly minArgs: number;
  readonly maxArgs: number;
  /** How to call it, for the help popover: `leaky_relu(z, alpha)`. */
  readonly signature: string;
  /** One line for the help popover. */
  readonly description: string;
  /** The TeX operator name (`\tanh`, `\sigma`, `\operatorname{ReLU}`); exp, sqrt and abs print specially. */
  readonly tex: string;
  /** The registry id in `src/math` when the function is an activation evaluated through the math core. */
  readonly activationId?: ActivationId;
  /** The registry parameter an optional second argument sets (`leaky_relu(z, 0.2)` → alpha = 0.2). */
  readonly param?: ParamName;
  /** Numeric value at already-evaluated arguments (argument count is checked by the parser). */
  readonly evaluate: (args: readonly number[]) => number;
}

/** Evaluates a registry activation, passing an optional second argument as the named parameter. */
function viaRegistry(id: ActivationId, param?: ParamName): (args: readonly number[]) => number {
  return (args) => activationValue(id, args[0] ?? Number.NaN, param, args[1]);
}

const unary =
  (f: (x: number) => number) =>
  (args: readonly number[]): number =>
    f(args[0] ?? Number.NaN);

// sign(0) = 0 and sign(NaN) = NaN, as Math.sign.
// heaviside(0) = 1/2: the half-maximum convention, the midpoint of the jump (see README.md of this layer).
const heaviside = (x: number): number => (x > 0 ? 1 : x < 0 ? 0 : x === 0 ? 0.5 : Number.NaN);

const table: readonly FunctionInfo[] = [
  {
    name: 'exp',
    minArgs: 1,
    maxArgs: 1,
    signature: 'exp(x)',
    description: 'e to the power x',
    tex: '\\exp',
    evaluate: unary(Math.exp),
  },
  {
    name: 'log',
    minArgs: 1,
    maxArgs: 1,
    signature: 'log(x) or ln(x)',
    description: 'natural logarithm (NaN for x < 0)',
    tex: '\\ln',
    evaluate: unary(Math.log),
  },
  {
    name: 'sqrt',
    minArgs: 1,
    maxArgs: 1,
    signature: 'sqrt(x)',
    description: 'square root',
    tex: '\\sqrt',
    evaluate: unary(Math.sqrt),
  },
  {
    name: 'abs',
    minArgs: 1,
    maxArgs: 1,
    signature: 'abs(x)',
    description: 'absolute value |x|',
    tex: '\\lvert',
    evaluate: unary(Math.abs),
  },
  {
    name: 'sign',
    minArgs: 1,
    maxArgs: 1,
    signature: 'sign(x)',
    description: 'sign of x: −1, 0 or 1 (sign(0) = 0)',
    tex: '\\operatorname{sign}',
    evaluate: unary(Math.sign),
  },
  {
    name: 'sinh',
    minArgs: 1,
    maxArgs: 1,
    signature: 'sinh(x)',
    description: 'hyperbolic sine',
    tex: '\\sinh',
    evaluate: unary(Math.sinh),
  },
  {
    name: 'cosh',
    minArgs: 1,
    maxArgs: 1,
    signature: 'cosh(x)',
    description: 'hyperbolic cosine',
    tex: '\\cosh',
    evaluate: unary(Math.cosh),
  },
  {
    name: 'tanh',
    minArgs: 1,
    maxArgs: 1,
    signature: 'tanh(x)',
    description: 'hyperbolic tangent',
    tex: '\\tanh',
    evaluate: unary(Math.tanh),
  },
  // sech x = 1/cosh x; for |x| > 710 cosh overflows to Infinity and 1/Infinity = 0, the right limit.
  {
    name: 'sech',
    minArgs: 1,
    maxArgs: 1,
    signature: 'sech(x)',
    description: 'hyperbolic secant 1/cosh(x)',
    tex: '\\operatorname{sech}',
    evaluate: unary((x) => 1 / Math.cosh(x)),
  },
  {
    name: 'sigmoid',
    minArgs: 1,
    maxArgs: 1,
    signature: 'sigmoid(x) or σ(x)',
    description: 'logistic sigmoid 1/(1+e^(−x))',
    tex: '\\sigma',
    activationId: 'sigmoid',
    evaluate: viaRegistry('sigmoid'),
  },
  {
    name: 'erf',
    minArgs: 1,
    maxArgs: 1,
    signature: 'erf(x)',
    description: 'Gauss error function',
    tex: '\\operatorname{erf}',
    evaluate: unary(erf),
  },
  {
    name: 'max',
    minArgs: 2,
    maxArgs: Number.POSITIVE_INFINITY,
    signature: 'max(a, b, …)',
    description: 'largest argument',
    tex: '\\max',
    evaluate: (args) => Math.max(...args),
  },
  {
    name: 'min',
    minArgs: 2,
    maxArgs: Number.POSITIVE_INFINITY,
    signature: 'min(a, b, …)',
    description: 'smallest argument',
    tex: '\\min',
    evaluate: (args) => Math.min(...args),
  },
  {
    name: 'heaviside',
    minArgs: 1,
    maxArgs: 1,
    signature: 'heaviside(x)',
    description: 'step: 0 for x < 0, 1 for x > 0, 1/2 at 0',
    tex: 'H',
    evaluate: unary(heaviside),
  },
  {
    name: 'relu',
    minArgs: 1,
    maxArgs: 1,
    signature: 'relu(z)',
    description: 'ReLU max(0, z)',
    tex: '\\operatorname{ReLU}',
    activationId: 'relu',
    evaluate: viaRegistry('relu'),
  },
  {
    name: 'leaky_relu',
    minArgs: 1,
    maxArgs: 2,
    signature: 'leaky_relu(z, alpha)',
    description: 'leaky ReLU with slope alpha for z < 0',
    tex: '\\operatorname{LeakyReLU}',
    activationId: 'leaky-relu',
    param: 'alpha',
    evaluate: viaRegistry('leaky-relu', 'alpha'),
  },
  {
    name: 'elu',
    minArgs: 1,
    maxArgs: 2,
    signature: 'elu(z, alpha)',
    description: 'ELU: z for z > 0, alpha(e^z − 1) otherwise',
    tex: '\\operatorname{ELU}',
    activationId: 'elu',
    param: 'alpha',
    evaluate: viaRegistry('elu', 'alpha'),
  },
  {
    name: 'selu',
    minArgs: 1,
    maxArgs: 1,
    signature: 'selu(z)',
    description: 'scaled ELU (self-normalising constants)',
    tex: '\\operatorname{SELU}',
    activationId: 'selu',
    evaluate: viaRegistry('selu'),
  },
  {
    name: 'softplus',
    minArgs: 1,
    maxArgs: 2,
    signature: 'softplus(z, beta)',
    description: 'softplus ln(1 + e^(beta z))/beta',
    tex: '\\operatorname{softplus}',
    activationId: 'softplus',
    param: 'beta',
    evaluate: viaRegistry('softplus', 'beta'),
  },
  {
    name: 'silu',
    minArgs: 1,
    maxArgs: 2,
    signature: 'silu(z, beta)',
    description: 'SiLU z·σ(z); with beta, z·σ(beta z)',
    tex: '\\operatorname{SiLU}',
    activationId: 'silu',
    param: 'beta',
    evaluate: viaRegistry('silu', 'beta'),
  },
  // swish is SiLU with a (trainable) beta; the registry has one entry for both.
  {
    name: 'swish',
    minArgs: 1,
    maxArgs: 2,
    signature: 'swish(z, beta)',
    description: 'swish z·σ(beta z) (beta = 1: SiLU)',
    tex: '\\operatorname{swish}',
    activationId: 'silu',
    param: 'beta',
    evaluate: viaRegistry('silu', 'beta'),
  },
  {
    name: 'gelu',
    minArgs: 1,
    maxArgs: 1,
    signature: 'gelu(z)',
    description: 'GELU z·Φ(z) (exact, with erf)',
    tex: '\\operatorname{GELU}',
    activationId: 'gelu',
    evaluate: viaRegistry('gelu'),
  },
  {
    name: 'gelu_tanh',
    minArgs: 1,
    maxArgs: 1,
    signature: 'gelu_tanh(z)',
    description: 'GELU, tanh approximation',
    tex: '\\operatorname{GELU}_{\\tanh}',
    activationId: 'gelu-tanh',
    evaluate: viaRegistry('gelu-tanh'),
  },
  {
    name: 'mish',
    minArgs: 1,
    maxArgs: 1,
    signature: 'mish(z)',
    description: 'mish z·tanh(softplus(z))',
    tex: '\\operatorname{mish}',
    activationId: 'mish',
    evaluate: viaRegistry('mish'),
  },
  {
    name: 'hard_sigmoid',
    minArgs: 1,
    maxArgs: 1,
    signature: 'hard_sigmoid(z)',
    description: 'piecewise-linear sigmoid',
    tex: '\\operatorname{hardsigmoid}',
    activationId: 'hard-sigmoid',
    evaluate: viaRegistry('hard-sigmoid'),
  },
  {
    name: 'hard_swish',
    minArgs: 1,
    maxArgs: 1,
    signature: 'hard_swish(z)',
    description: 'z times hard sigmoid',
    tex: '\\operatorname{hardswish}',
    activationId: 'hard-swish',
    evaluate: viaRegistry('hard-swish'),
  },
  {
    name: 'softsign',
    minArgs: 1,
    maxArgs: 1,
    signature: 'softsign(z)',
    description: 'softsign z/(1 + |z|)',
    tex: '\\operatorname{softsign}',
    activationId: 'softsign',
    evaluate: viaRegistry('softsign'),
  },
  {
    name: 'relu6',
    minArgs: 1,
    maxArgs: 1,
    signature: 'relu6(z)',
    description: 'ReLU capped at 6: min(max(0, z), 6)',
    tex: '\\operatorname{ReLU6}',
    activationId: 'relu6',
    evaluate: viaRegistry('relu6'),
  },
];

/** The function table, keyed by canonical name. A `Map`, so no student text reaches an object's prototype. */
export const FUNCTIONS: ReadonlyMap<FunctionName, FunctionInfo> = new Map(table.map((f) => [f.name, f]));

/** Every function in help-popover order. */
export const functionList: readonly FunctionInfo[] = table;

/** Other spellings the parser accepts, mapped to the canonical name. */
// A symbol an exercise declares (`u`, a parameter `sigma`) takes precedence over an alias.
const ALIASES: ReadonlyMap<string, FunctionName> = new Map<string, FunctionName>([
  ['ln', 'log'],
  ['sgn', 'sign'],
  ['σ', 'sigmoid'],
  ['sigma', 'sigmoid'],
  ['H', 'heaviside'],
  ['step', 'heaviside'],
  ['u', 'heaviside'],
]);

/** The function a typed name denotes (canonical name or alias), or undefined. */
export function lookupFunction(typed: string): FunctionInfo | undefined {
  const canonical = ALIASES.get(typed) ?? typed;
  return (FUNCTIONS as ReadonlyMap<string, FunctionInfo>).get(canonical);
}
