import { describe, expect, it } from 'vitest';
import { hashSeed, mulberry32 } from '../../src/grading/prng.ts';
import { activationIds, activations, type ActivationId } from '../../src/math/index.ts';
import { createNetwork, type LossName, type Network } from '../../src/train/index.ts';
import { normalDraw } from '../../src/train/normal-draw.ts';
import { referenceForward } from './reference-forward.ts';

/** Central difference step: truncation error O(h²·g‴) ≈ 1e-12, rounding ≈ ε·|loss|/h ≈ 1e-10. */
const H = 1e-6;
/** Every hidden pre-activation stays this far from every kink, so the ±H probes never cross one. */
const KINK_MARGIN = 1e-3;

interface Case {
  readonly net: Network;
  readonly inputs: Float64Array;
  readonly targets: Float64Array;
}

/** Nearest distance from any hidden pre-activation to a kink of its layer's activation. */
function kinkMargin(net: Network, ids: readonly ActivationId[], inputs: Float64Array): number {
  const pass = referenceForward(
    net,
    ids.map((id) => ({ id })),
    inputs,
  );
  let margin = Infinity;
  pass.hidden.forEach((layer, l) => {
    const kinks = activations[ids[l] as ActivationId].kinks;
    for (const row of layer) for (const z of row) for (const k of kinks) margin = Math.min(margin, Math.abs(z - k.at));
  });
  return margin;
}

/** A random network (2–3 hidden layers of 2–5 units, inputs 1–3, outputs 1–2) and data away from kinks. */
function randomCase(id: ActivationId, loss: LossName, seed: number): Case {
  for (let attempt = 0; ; attempt++) {
    const random = mulberry32(hashSeed(`${id}/${loss}/${seed}/${attempt}`));
    const size = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
    const depth = size(2, 3);
    const sizes = [size(1, 3), ...Array.from({ length: depth }, () => size(2, 5)), size(1, 2)];
    const ids = Array.from({ length: depth }, () => id);
    const net = createNetwork({
      sizes,
      activations: ids,
      init: { scheme: 'normal', sigma: 0.9, bias: 0.1 },
      seed: `${seed}/${attempt}`,
      loss,
    });
    const m = 6;
    const inputs = Float64Array.from({ length: m * (sizes[0] as number) }, () => 1.5 * normalDraw(random));
    const outs = m * (sizes.at(-1) as number);
    const targets = Float64Array.from({ length: outs }, () =>
      loss === 'bce' ? (random() < 0.5 ? 0 : 1) : normalDraw(random),
    );
    if (kinkMargin(net, ids, inputs) > KINK_MARGIN) return { net, inputs, targets };
    if (attempt > 50) throw new Error(`no case away from ${id}'s kinks after 50 draws`);
  }
}

describe('gradient by backpropagation', () => {
  const cases = activationIds.flatMap((id) => (['bce', 'mse'] as const).map((loss) => ({ id, loss })));
  it.each(cases)('$id with $loss agrees with central differences on random networks', ({ id, loss }) => {
    for (let seed = 0; seed < 4; seed++) {
      const { net, inputs, targets } = randomCase(id, loss, seed);
      const analytic = net.gradient(inputs, targets);
      expect(analytic.length).toBe(net.params.length);
      let checked = 0;
      for (let p = 0; p < net.params.length; p++) {
        const saved = net.params[p] as number;
        net.params[p] = saved + H;
        const up = net.loss(inputs, targets);
        net.params[p] = saved - H;
        const down = net.loss(inputs, targets);
        net.params[p] = saved;
        const numeric = (up - down) / (2 * H);
        const g = analytic[p] as number;
        // Absolute floor for parameters whose gradient is (near) zero, relative bound otherwise.
        expect(Math.abs(g - numeric), `${id} ${loss} seed ${seed} param ${p}: ${g} vs ${numeric}`).toBeLessThanOrEqual(
          1e-7 + 1e-5 * Math.abs(numeric),
        );
        checked++;
      }
      expect(checked).toBeGreaterThan(10);
    }
  });

  it('loss matches an independent forward pass', () => {
    for (const loss of ['bce', 'mse'] as const) {
      const { net, inputs, targets } = randomCase('tanh', loss, 9);
      const depth = net.sizes.length - 2;
      const pass = referenceForward(
        net,
        Array.from({ length: depth }, () => ({ id: 'tanh' as const })),
        inputs,
      );
      const terms = pass.outputs.flatMap((row, i) =>
        row.map((z, j) => {
          const y = targets[i * row.length + j] as number;
          return loss === 'bce'
            ? -(y * Math.log(1 / (1 + Math.exp(-z))) + (1 - y) * Math.log(1 - 1 / (1 + Math.exp(-z))))
            : (z - y) ** 2;
        }),
      );
      const expected = terms.reduce((a, b) => a + b, 0) / terms.length;
      expect(Math.abs(net.loss(inputs, targets) - expected) / expected).toBeLessThan(1e-12);
    }
  });
});
