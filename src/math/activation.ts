/**
 * The shape of one registry entry: an activation g(z), its derivative g'(z), and everything the
 * site says about them (TeX, answer-syntax strings, parameters, kinks, properties, origin).
 */

/** Every activation id, as used in URLs, progress keys and `activations[id]`. Stable: never rename. */
export type ActivationId =
  | 'sigmoid'
  | 'tanh'
  | 'relu'
  | 'leaky-relu'
  | 'elu'
  | 'selu'
  | 'softplus'
  | 'silu'
  | 'gelu'
  | 'gelu-tanh'
  | 'mish'
  | 'hard-sigmoid'
  | 'hard-swish'
  | 'softsign'
  | 'relu6';

/** Parameter names, spelled as in the answer syntax (`alpha`, `beta`, `lambda`). */
export type ParamName = 'alpha' | 'beta' | 'lambda';

/** Parameter values passed to `value`/`derivative`; missing names take the entry's defaults. */
export type Params = Readonly<Partial<Record<ParamName, number>>>;

/** One parameter of an activation. */
export interface ParamSpec {
  readonly name: ParamName;
  /** TeX for the symbol, e.g. `\alpha`. */
  readonly symbol: string;
  readonly default: number;
  /** Valid range `[min, max]`; each end open or closed as the next two fields say. */
  readonly min: number;
  readonly max: number;
  readonly minInclusive: boolean;
  readonly maxInclusive: boolean;
  /** `false` for constants that define the activation (SELU's λ and α): `value` ignores overrides. */
  readonly adjustable: boolean;
  /** One line: what the parameter does and why the range is what it is. */
  readonly description: string;
}

/**
 * A point where g is continuous but g' is not defined (or, for ELU at α = 1, where the formula
 * changes branch). `left`/`right` are the one-sided derivatives and `value` is what `derivative`
 * returns at `at`, following PyTorch's autograd. Values are for the default parameters.
 */
export interface Kink {
  readonly at: number;
  readonly left: number;
  readonly right: number;
  readonly value: number;
  /** Why `value` is what it is, in one line. */
  readonly convention: string;
}

/** Smoothness class of g on the whole real line. */
export type Smoothness = 'C0' | 'C1' | 'Cinf';

export interface Properties {
  /**
   * Infimum and supremum of g over ℝ at default parameters; an infinite end is the side on which g
   * is unbounded (so `range` alone says whether g is bounded above, below, both or neither).
   */
  readonly range: readonly [number, number];
  /** g is non-decreasing on ℝ (g' ≥ 0 wherever it exists). */
  readonly monotonic: boolean;
  /** g is odd, g(−z) = −g(z), so outputs are centred on 0 for symmetric inputs. */
  readonly zeroCentred: boolean;
  /** g is point-symmetric about (0, g(0)): g(z) + g(−z) = 2g(0) (σ, tanh, softsign, hard-sigmoid). */
  readonly pointSymmetric: boolean;
  /** Smoothness class of g on ℝ (`Cinf`: smooth). */
  readonly smoothness: Smoothness;
}

export interface Origin {
  /** One line: where the activation comes from. */
  readonly note: string;
  readonly citation: string;
}

export interface Latex {
  /** g(z), the right-hand side only, e.g. `\frac{1}{1 + e^{-z}}`. */
  readonly g: string;
  /** g'(z), right-hand side only. */
  readonly derivative: string;
  /** g' written with g = g(z), where such a form exists. */
  readonly inTermsOfG?: string;
}

export interface Activation {
  readonly id: ActivationId;
  /** Display name, e.g. `Leaky ReLU`. */
  readonly name: string;
  /** g(z), accurate for every finite z (see test/math/reference.test.ts for the bound). */
  readonly value: (z: number, params?: Params) => number;
  /** g'(z); at a kink, the value listed in `kinks`. */
  readonly derivative: (z: number, params?: Params) => number;
  /**
   * g' evaluated from g = g(z) (and z, where the branch or a factor needs it), mirroring
   * `inTermsOfG`. Less accurate than `derivative` where the identity cancels (1 − g² near |g| = 1):
   * for teaching and checks, not for plots.
   */
  readonly derivativeFromG?: (g: number, z: number, params?: Params) => number;
  readonly latex: Latex;
  /** g in the course's answer syntax, in terms of `z` and the parameter names. */
  readonly expression: string;
  /** g' in the answer syntax. */
  readonly derivativeExpression: string;
  /** g' in the answer syntax using the symbol `g` (and `z` where needed), where such a form exists. */
  readonly inTermsOfG?: string;
  readonly params: readonly ParamSpec[];
  readonly kinks: readonly Kink[];
  readonly properties: Properties;
  readonly origin: Origin;
}
