import erf from '@stdlib/math-base-special-erf';
import { expect, test } from 'vitest';
import { activationIds, activations, type ActivationId } from '../../src/math/index.ts';

/** 10⁶ points on a fixed grid over [−20, 20], built once outside the benchmarks. */
const N = 1_000_000;
const Z = Float64Array.from({ length: N }, (_, i) => -20 + (40 * i) / (N - 1));

/** Accumulates results so the work cannot be optimised away. */
let sink = 0;

type Pair = readonly [(z: number) => number, (z: number) => number];

/** The textbook formulas the stable ones replace (they fail at |z| = 1000, 40, 20: see the issue). */
const naive: Partial<Record<ActivationId, Pair>> = {
  sigmoid: [
    (z) => 1 / (1 + Math.exp(-z)),
    (z) => {
      const s = 1 / (1 + Math.exp(-z));
      return s * (1 - s);
    },
  ],
  tanh: [Math.tanh, (z) => 1 - Math.tanh(z) ** 2],
  elu: [(z) => (z > 0 ? z : Math.exp(z) - 1), (z) => (z > 0 ? 1 : Math.exp(z))],
  softplus: [(z) => Math.log(1 + Math.exp(z)), (z) => 1 / (1 + Math.exp(-z))],
  silu: [
    (z) => z / (1 + Math.exp(-z)),
    (z) => {
      const s = 1 / (1 + Math.exp(-z));
      return s + z * s * (1 - s);
    },
  ],
  gelu: [
    (z) => 0.5 * z * (1 + erf(z / Math.SQRT2)),
    (z) => 0.5 * (1 + erf(z / Math.SQRT2)) + (z * Math.exp(-0.5 * z * z)) / Math.sqrt(2 * Math.PI),
  ],
  'gelu-tanh': [
    (z) => 0.5 * z * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (z + 0.044715 * z ** 3))),
    (z) => {
      const t = Math.tanh(Math.sqrt(2 / Math.PI) * (z + 0.044715 * z ** 3));
      return 0.5 * (1 + t) + 0.5 * z * (1 - t * t) * Math.sqrt(2 / Math.PI) * (1 + 3 * 0.044715 * z * z);
    },
  ],
  mish: [
    (z) => z * Math.tanh(Math.log(1 + Math.exp(z))),
    (z) => {
      const t = Math.tanh(Math.log(1 + Math.exp(z)));
      return t + (z * (1 - t * t)) / (1 + Math.exp(-z));
    },
  ],
};

function run([value, derivative]: Pair): void {
  let acc = 0;
  for (let i = 0; i < N; i++) {
    const z = Z[i] as number;
    acc += value(z) + derivative(z);
  }
  sink += acc;
}

/** Tinybench options: each sample is a full pass over 10⁶ points, so a few samples suffice. */
const OPTIONS = { time: 0, iterations: 10, warmupTime: 0, warmupIterations: 2 };

// Vitest 5: benchmarks are a test-context fixture, registered with bench() and run by bench.compare().
test.for(activationIds)('%s: value + derivative over 10⁶ points', { timeout: 300_000 }, async (id, { bench }) => {
  const a = activations[id];
  const stable = bench(`${id} (src/math)`, () => run([(z) => a.value(z), (z) => a.derivative(z)]));
  const n = naive[id];
  if (n === undefined) await stable.run(OPTIONS);
  else
    await bench.compare(
      stable,
      bench(`${id} (naive formula)`, () => run(n)),
      OPTIONS,
    );
  // Reading the sink keeps the sums observable; the value itself is meaningless.
  expect(Number.isFinite(sink)).toBe(true);
});
