/**
 * Training throughput: steps per second for a [2, 16, 16, 16, 1] network on 256 points (full batch,
 * binary cross-entropy), ours (src/train, Float64Array) beside TensorFlow.js's CPU backend (float32)
 * training the same network from the same initial weights on the same data, in the same process.
 * Two configurations: tanh + SGD and ReLU + Adam. Each is timed in alternating rounds; the median
 * round is reported. Also prints both losses after the timed steps, to show the two ran the same
 * computation (they differ only by float32 rounding).
 * Usage: `npm run bench:train`. Prints; asserts nothing. Goal: ours faster.
 */
import './support/tfjs-esm-hooks.ts';
import { createNetwork, circles, type LayerActivation, type Network, type OptimizerName } from '../src/train/index.ts';

// After the hooks are in place: the ESM build of tfjs, its CPU kernels, and its gradient functions.
const tf = await import('@tensorflow/tfjs-core');
await import('@tensorflow/tfjs-backend-cpu');
await import('@tensorflow/tfjs-core/dist/register_all_gradients.js');
type Tensor2D = import('@tensorflow/tfjs-core').Tensor2D;
type Variable = import('@tensorflow/tfjs-core').Variable;
type Scalar = import('@tensorflow/tfjs-core').Scalar;

const SIZES = [2, 16, 16, 16, 1];
const ROUNDS = 5;
const ROUND_MS = 1500;

await tf.setBackend('cpu');
const data = circles(512, 0.05, 'bench');
const { inputs, targets, count } = data.train;
if (count !== 256) throw new Error(`expected 256 training points, got ${count}`);

interface Config {
  readonly label: string;
  readonly activation: 'tanh' | 'relu';
  readonly optimizer: Extract<OptimizerName, 'sgd' | 'adam'>;
  readonly learningRate: number;
}

/** A tfjs model holding the same weights as `net`: W_l transposed to tfjs's [in, out] layout. */
function tfModel(net: Network, config: Config) {
  const weights: Variable[] = [];
  const biases: Variable[] = [];
  for (let l = 0; l < SIZES.length - 1; l++) {
    const nIn = SIZES[l] as number;
    const nOut = SIZES[l + 1] as number;
    const w = new Float32Array(nIn * nOut);
    const w0 = net.weightOffsets[l] as number;
    for (let j = 0; j < nOut; j++)
      for (let k = 0; k < nIn; k++) w[k * nOut + j] = net.params[w0 + j * nIn + k] as number;
    weights.push(tf.variable(tf.tensor2d(w, [nIn, nOut])));
    const b0 = net.biasOffsets[l] as number;
    biases.push(tf.variable(tf.tensor1d(Float32Array.from(net.params.subarray(b0, b0 + nOut)))));
  }
  const x = tf.tensor2d(Float32Array.from(inputs), [count, 2]);
  const y = tf.tensor2d(Float32Array.from(targets), [count, 1]);
  const optimizer = config.optimizer === 'sgd' ? tf.train.sgd(config.learningRate) : tf.train.adam(config.learningRate);
  const lossFn = (): Scalar =>
    tf.tidy(() => {
      let a: Tensor2D = x;
      for (let l = 0; l < weights.length; l++) {
        const z = tf.add(tf.matMul(a, weights[l] as unknown as Tensor2D), biases[l] as Variable);
        a = (l < weights.length - 1 ? (config.activation === 'tanh' ? tf.tanh(z) : tf.relu(z)) : z) as Tensor2D;
      }
      return tf.losses.sigmoidCrossEntropy(y, a);
    });
  return {
    step(): void {
      tf.tidy(() => {
        optimizer.minimize(lossFn, false, [...weights, ...biases]);
      });
    },
    loss(): number {
      const l = lossFn();
      const v = l.dataSync()[0] as number;
      l.dispose();
      return v;
    },
  };
}

/** Steps per second over about `ms` milliseconds. */
function rate(step: () => void, ms: number): number {
  let steps = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < 10; i++) step();
    steps += 10;
    now = performance.now();
  }
  return (steps * 1000) / (now - start);
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

const configs: Config[] = [
  { label: 'tanh + SGD (η = 0.1)', activation: 'tanh', optimizer: 'sgd', learningRate: 0.1 },
  { label: 'ReLU + Adam (η = 0.01)', activation: 'relu', optimizer: 'adam', learningRate: 0.01 },
];

console.log(`[2, 16, 16, 16, 1] on ${count} points, full batch, bce; ${ROUNDS} alternating rounds of ${ROUND_MS} ms`);
console.log(`node ${process.version}, tfjs-core ${tf.version_core}, backend ${tf.getBackend()}\n`);
for (const config of configs) {
  const activation: LayerActivation = config.activation;
  const ours = createNetwork({ sizes: SIZES, activations: activation, init: 'he', seed: 'bench', loss: 'bce' });
  const theirs = tfModel(ours, config);
  const options = { learningRate: config.learningRate, optimizer: config.optimizer, batchSize: count } as const;
  const ourStep = (): void => void ours.step(inputs, targets, options);
  // Same start, same 50 steps: the losses should agree to float32 precision.
  for (let i = 0; i < 50; i++) {
    ourStep();
    theirs.step();
  }
  const check = `after 50 steps: loss ours ${ours.loss(inputs, targets).toFixed(6)}, tfjs ${theirs.loss().toFixed(6)}`;
  const ourRates: number[] = [];
  const tfRates: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    ourRates.push(rate(ourStep, ROUND_MS));
    tfRates.push(rate(() => theirs.step(), ROUND_MS));
  }
  const a = median(ourRates);
  const b = median(tfRates);
  console.log(config.label);
  console.log(`  ${check}`);
  console.log(`  ours  ${a.toFixed(0).padStart(7)} steps/s  (rounds: ${ourRates.map((x) => x.toFixed(0)).join(', ')})`);
  console.log(`  tfjs  ${b.toFixed(0).padStart(7)} steps/s  (rounds: ${tfRates.map((x) => x.toFixed(0)).join(', ')})`);
  console.log(`  ratio ours / tfjs = ${(a / b).toFixed(2)}\n`);
}
