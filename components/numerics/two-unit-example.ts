import { activations } from '../../src/math/index.ts';

/**
 * The worked example of the backprop lesson, forward and backward, by the lesson's formulas:
 * z⁽¹⁾ = W⁽¹⁾x, a⁽¹⁾ = tanh(z⁽¹⁾), ŷ = v·a⁽¹⁾, L = ½(ŷ − y)²; then δ⁽²⁾ = ŷ − y,
 * δ⁽¹⁾ = (W⁽²⁾)ᵀδ⁽²⁾ ⊙ g′(z⁽¹⁾) with W⁽²⁾ = vᵀ, ∂L/∂W⁽¹⁾ = δ⁽¹⁾xᵀ and ∂L/∂v = δ⁽²⁾a⁽¹⁾.
 * The numbers are the params of content/derivations/backprop-weight-gradient.yaml; the tests check
 * both against central differences of the loss and against the derivation's last step.
 */
export const TWO_UNIT = {
  x: [1, 0.5],
  W: [
    [0.8, -0.4],
    [0.3, 1.2],
  ],
  v: [1, -0.5],
  y: 0.5,
} as const;

export interface TwoUnitPass {
  readonly z: readonly [number, number];
  readonly a: readonly [number, number];
  readonly yHat: number;
  readonly loss: number;
  /** δ⁽²⁾ = ŷ − y. */
  readonly outputError: number;
  /** g′(z⁽¹⁾). */
  readonly slope: readonly [number, number];
  /** δ⁽¹⁾. */
  readonly delta: readonly [number, number];
  /** ∂L/∂W⁽¹⁾ = δ⁽¹⁾xᵀ, row i column j. */
  readonly gradW: readonly [readonly [number, number], readonly [number, number]];
  /** ∂L/∂v = δ⁽²⁾a⁽¹⁾. */
  readonly gradV: readonly [number, number];
}

type Example = {
  readonly x: readonly number[];
  readonly W: readonly (readonly number[])[];
  readonly v: readonly number[];
  readonly y: number;
};

export function twoUnitPass(example: Example = TWO_UNIT): TwoUnitPass {
  const g = activations.tanh;
  const [x1, x2] = example.x as [number, number];
  const row = (i: number): readonly number[] => example.W[i] as readonly number[];
  const z = [0, 1].map((i) => (row(i)[0] as number) * x1 + (row(i)[1] as number) * x2) as [number, number];
  const a = z.map((zi) => g.value(zi)) as [number, number];
  const [v1, v2] = example.v as [number, number];
  const yHat = v1 * a[0] + v2 * a[1];
  const outputError = yHat - example.y;
  const slope = z.map((zi) => g.derivative(zi)) as [number, number];
  // (W⁽²⁾)ᵀδ⁽²⁾ with W⁽²⁾ the 1×2 row v: the vector v·δ⁽²⁾, then ⊙ g′(z⁽¹⁾).
  const delta = [v1 * outputError * slope[0], v2 * outputError * slope[1]] as [number, number];
  const gradW = delta.map((d) => [d * x1, d * x2] as const) as unknown as TwoUnitPass['gradW'];
  return {
    z,
    a,
    yHat,
    loss: 0.5 * outputError ** 2,
    outputError,
    slope,
    delta,
    gradW,
    gradV: [outputError * a[0], outputError * a[1]],
  };
}
