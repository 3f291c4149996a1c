/**
 * The presets: configurations that make one of the course's claims visible, each with the claim as
 * text and as a check on the numbers at its last step. The build checks every claim on the
 * build-time run (test/playground/presets.test.ts), and the browser test checks it again on the numbers the page shows.
 */
import type { ActivationId } from '../../src/math/index.ts';
import { DEFAULT_CONFIG, fitLayers, type NetworkChoice, type PlaygroundConfig } from './playground-config.ts';
import type { Metrics } from './session.ts';

export type PresetId =
  'deep-sigmoid-stalls' | 'relu-dies-bad-bias' | 'leaky-relu-survives' | 'he-rescues-relu' | 'tanh-beats-sigmoid';

export interface Preset {
  /** Stable: used in URLs (`?preset=…`) and in lesson links. */
  readonly id: PresetId;
  readonly title: string;
  /** What to watch, in two or three sentences. */
  readonly description: string;
  /** The claim, checked at the last step. */
  readonly claim: string;
  /** Names for the two networks in legends and tables. */
  readonly labels: readonly [string, string];
  readonly config: PlaygroundConfig;
  /** The claim on the numbers at `config.stopAt` (a: the first network, b: the comparison). */
  readonly check: (a: Metrics, b: Metrics) => boolean;
}

const every = (xs: readonly number[], test: (x: number) => boolean): boolean => xs.length > 0 && xs.every(test);
/** Gradient norm of the first layer over the last (output) layer's. */
export const normRatio = (m: Metrics): number => (m.norms[0] ?? NaN) / (m.norms.at(-1) ?? NaN);

function choice(activation: ActivationId, depth: number, rest: Partial<NetworkChoice> = {}): NetworkChoice {
  return { activations: fitLayers([activation], depth), alpha: 0.01, init: 'he', sigma: 0.1, bias: 0, ...rest };
}

function preset(
  depth: number,
  a: NetworkChoice,
  b: NetworkChoice,
  training: Partial<PlaygroundConfig>,
): PlaygroundConfig {
  return { ...DEFAULT_CONFIG, depth, width: 8, ...a, ...training, compare: b };
}

const SGD = { optimizer: 'sgd', learningRate: 0.1, batchSize: 32 } as const;
const ADAM = { optimizer: 'adam', learningRate: 0.01, batchSize: 32 } as const;

export const presets: readonly Preset[] = [
  {
    id: 'deep-sigmoid-stalls',
    title: 'Deep sigmoid stalls',
    description:
      'Eight sigmoid layers with Xavier init, beside the same network with ReLU and He init. ' +
      'Each sigmoid layer multiplies the backward signal by σ′ ≤ ¼, so the first layer gets almost no gradient and the loss sits at log 2 ≈ 0.69, a coin toss.',
    claim:
      "After 600 steps the sigmoid network's first-layer gradient is below 10⁻³ of its last layer's and its test loss is still above 0.6; the ReLU network's test loss is below 0.2.",
    labels: ['sigmoid, Xavier', 'ReLU, He'],
    config: preset(8, choice('sigmoid', 8, { init: 'xavier' }), choice('relu', 8), { ...SGD, stopAt: 600 }),
    check: (a, b) => normRatio(a) < 1e-3 && a.testLoss > 0.6 && b.testLoss < 0.2,
  },
  {
    id: 'relu-dies-bad-bias',
    title: 'ReLU dies with a bad bias',
    description:
      'Three ReLU layers whose biases start at −2, beside the same network with biases at 0. ' +
      'A unit whose pre-activation is negative on every input has g′ = 0 everywhere: no gradient reaches its weights, so it never comes back.',
    claim:
      'After 400 steps at least half the units of every layer are dead and the test loss is above 0.6; with biases at 0 the test loss is below 0.2.',
    labels: ['ReLU, bias −2', 'ReLU, bias 0'],
    config: preset(3, choice('relu', 3, { bias: -2 }), choice('relu', 3), { ...ADAM, stopAt: 400 }),
    check: (a, b) => every(a.dead, (d) => d >= 0.5) && a.testLoss > 0.6 && b.testLoss < 0.2,
  },
  {
    id: 'leaky-relu-survives',
    title: 'Leaky ReLU survives',
    description:
      'The same bad bias of −2, with leaky ReLU (α = 0.1) beside plain ReLU. ' +
      'Leaky ReLU keeps a slope of α for z < 0, so every unit still passes a gradient and can climb back.',
    claim:
      'After 600 steps no leaky ReLU unit is dead and its test loss is below 0.3, while at least half the ReLU units of every layer are dead.',
    labels: ['leaky ReLU (α = 0.1), bias −2', 'ReLU, bias −2'],
    config: preset(3, choice('leaky-relu', 3, { alpha: 0.1, bias: -2 }), choice('relu', 3, { bias: -2 }), {
      ...ADAM,
      stopAt: 600,
    }),
    check: (a, b) => every(a.dead, (d) => d === 0) && a.testLoss < 0.3 && every(b.dead, (d) => d >= 0.5),
  },
  {
    id: 'he-rescues-relu',
    title: 'He init rescues ReLU',
    description:
      'Six ReLU layers with He init (σ² = 2/fan-in), beside the same network with small weights (σ = 0.1). ' +
      'Small weights shrink the signal layer by layer in both directions; He init keeps its size, so every layer learns.',
    claim:
      'After 500 steps the He network has test loss below 0.2; with σ = 0.1 the test loss is above 0.6 and the first-layer gradient is below 10⁻³ of the last layer’s.',
    labels: ['ReLU, He', 'ReLU, σ = 0.1'],
    config: preset(6, choice('relu', 6), choice('relu', 6, { init: 'normal', sigma: 0.1 }), {
      ...SGD,
      stopAt: 500,
    }),
    check: (a, b) => a.testLoss < 0.2 && b.testLoss > 0.6 && normRatio(b) < 1e-3,
  },
  {
    id: 'tanh-beats-sigmoid',
    title: 'Tanh beats sigmoid in hidden layers',
    description:
      'Three hidden layers of tanh beside three of sigmoid, both with Xavier init and the same steps. ' +
      'tanh is zero-centred and its slope at 0 is 1, four times σ′(0) = ¼, so its gradients arrive larger and its outputs do not push every next layer one way.',
    claim: 'After 500 steps the tanh network has test loss below 0.2 while the sigmoid network is still above 0.6.',
    labels: ['tanh, Xavier', 'sigmoid, Xavier'],
    config: preset(3, choice('tanh', 3, { init: 'xavier' }), choice('sigmoid', 3, { init: 'xavier' }), {
      ...SGD,
      stopAt: 500,
    }),
    check: (a, b) => a.testLoss < 0.2 && b.testLoss > 0.6,
  },
];

export function findPreset(id: string | null): Preset | undefined {
  return presets.find((p) => p.id === id);
}
