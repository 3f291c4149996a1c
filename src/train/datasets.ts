import { hashSeed, mulberry32, type Random } from '../grading/prng.ts';
import { normalDraw } from './normal-draw.ts';
import { TrainError } from './train-error.ts';

/** Examples row-major: `inputs` has `inputSize` numbers per example, `targets` one. */
export interface Examples {
  readonly inputs: Float64Array;
  readonly targets: Float64Array;
  readonly count: number;
}

export type DatasetName = 'circles' | 'xor' | 'spiral' | 'gaussians' | 'regression';

export interface Dataset {
  readonly name: DatasetName;
  /** `classification`: targets 0/1, trained with `bce`; `regression`: real targets, `mse`. */
  readonly task: 'classification' | 'regression';
  /** 2 for the classification sets (points in the plane), 1 for the regression. */
  readonly inputSize: number;
  readonly train: Examples;
  readonly test: Examples;
}

export const DATASET_NAMES: readonly DatasetName[] = ['circles', 'xor', 'spiral', 'gaussians', 'regression'];

/** Draw one example (its inputs into `x`) and return its target. */
type Draw = (random: Random, noise: number, i: number, n: number, x: Float64Array) => number;

/** An inner disc (label 1, r < 0.5) inside a ring (label 0, 0.7 < r < 1); noise jitters both coordinates. */
const drawCircles: Draw = (random, noise, i, _n, x) => {
  const inner = i % 2 === 0;
  const r = inner ? 0.5 * Math.sqrt(random()) : 0.7 + 0.3 * random();
  const angle = 2 * Math.PI * random();
  x[0] = r * Math.cos(angle) + noise * normalDraw(random);
  x[1] = r * Math.sin(angle) + noise * normalDraw(random);
  return inner ? 1 : 0;
};

/** Uniform in [−1, 1]² away from the axes (|x|, |y| > 0.05); label 1 when x·y > 0, before the noise. */
const drawXor: Draw = (random, noise, _i, _n, x) => {
  const away = (): number => {
    const u = 0.05 + 0.95 * random();
    return random() < 0.5 ? -u : u;
  };
  const a = away();
  const b = away();
  x[0] = a + noise * normalDraw(random);
  x[1] = b + noise * normalDraw(random);
  return a * b > 0 ? 1 : 0;
};

/** Two interleaved arms r = t, θ = 1.75·2πt + kπ for t ∈ [0, 1]: arm k = 0 is label 1. */
const drawSpiral: Draw = (random, noise, i, _n, x) => {
  const arm = i % 2;
  const t = random();
  const angle = 1.75 * 2 * Math.PI * t + arm * Math.PI;
  x[0] = t * Math.cos(angle) + noise * normalDraw(random);
  x[1] = t * Math.sin(angle) + noise * normalDraw(random);
  return arm === 0 ? 1 : 0;
};

/** Two blobs N((±0.5, ±0.5), (0.15 + noise)²): the top-right one is label 1. Linearly separable. */
const drawGaussians: Draw = (random, noise, i, _n, x) => {
  const positive = i % 2 === 0;
  const c = positive ? 0.5 : -0.5;
  const s = 0.15 + noise;
  x[0] = c + s * normalDraw(random);
  x[1] = c + s * normalDraw(random);
  return positive ? 1 : 0;
};

/** y = sin(πx)·(1 − x²/2) on x uniform in [−1, 1], plus N(0, noise²). */
const drawRegression: Draw = (random, noise, _i, _n, x) => {
  const t = 2 * random() - 1;
  x[0] = t;
  return regressionCurve(t) + noise * normalDraw(random);
};

/** The noiseless curve the regression set samples, for drawing beside the fit. */
export function regressionCurve(x: number): number {
  return Math.sin(Math.PI * x) * (1 - (x * x) / 2);
}

function make(name: DatasetName, draw: Draw, inputSize: number) {
  return (n: number, noise: number, seed: number | string, testFraction = 0.5): Dataset => {
    if (!(Number.isInteger(n) && n >= 2)) throw new TrainError('bad-dataset', `n must be a whole number ≥ 2, not ${n}`);
    if (!(noise >= 0 && Number.isFinite(noise))) {
      throw new TrainError('bad-dataset', `noise must be a finite number ≥ 0, not ${noise}`);
    }
    if (!(testFraction > 0 && testFraction < 1)) {
      throw new TrainError('bad-dataset', `the test fraction must lie in (0, 1), not ${testFraction}`);
    }
    const random = mulberry32(hashSeed(`${name}/${String(seed)}`));
    const inputs = new Float64Array(n * inputSize);
    const targets = new Float64Array(n);
    const x = new Float64Array(inputSize);
    for (let i = 0; i < n; i++) {
      targets[i] = draw(random, noise, i, n, x);
      inputs.set(x, i * inputSize);
    }
    // Split by a seeded shuffle, so both halves hold both classes in about equal measure.
    const order = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    const testCount = Math.min(n - 1, Math.max(1, Math.round(n * testFraction)));
    const pick = (indices: number[]): Examples => {
      const xs = new Float64Array(indices.length * inputSize);
      const ys = new Float64Array(indices.length);
      indices.forEach((i, k) => {
        xs.set(inputs.subarray(i * inputSize, (i + 1) * inputSize), k * inputSize);
        ys[k] = targets[i] as number;
      });
      return { inputs: xs, targets: ys, count: indices.length };
    };
    return {
      name,
      task: name === 'regression' ? 'regression' : 'classification',
      inputSize,
      train: pick(order.slice(testCount)),
      test: pick(order.slice(0, testCount)),
    };
  };
}

/** Each `(n, noise, seed, testFraction = 0.5)`: n examples in all, split into train and test. */
export const circles = make('circles', drawCircles, 2);
export const xor = make('xor', drawXor, 2);
export const spiral = make('spiral', drawSpiral, 2);
export const gaussians = make('gaussians', drawGaussians, 2);
export const regression = make('regression', drawRegression, 1);

/** The generators by name, for pages and URLs. */
export const datasets: Readonly<Record<DatasetName, ReturnType<typeof make>>> = {
  circles,
  xor,
  spiral,
  gaussians,
  regression,
};

/** Fraction of examples where the predicted probability is on the target's side of ½. */
export function accuracy(probabilities: Float64Array, targets: Float64Array): number {
  let right = 0;
  for (let i = 0; i < targets.length; i++)
    if ((probabilities[i] as number) > 0.5 === (targets[i] as number) > 0.5) right++;
  return right / targets.length;
}
