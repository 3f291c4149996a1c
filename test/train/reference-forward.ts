/**
 * An independent, naive forward pass over a network's `params` layout (written out again on purpose,
 * loop by loop), so the tests can see every pre-activation and check the engine's loss against it.
 */
import { activations, type ActivationId, type Params } from '../../src/math/index.ts';
import type { Network } from '../../src/train/index.ts';

export interface ReferencePass {
  /** Pre-activations of every hidden layer, per example: `hidden[l][i][j]`. */
  readonly hidden: number[][][];
  /** Output logits (bce) or values (mse), per example. */
  readonly outputs: number[][];
}

export function referenceForward(
  net: Network,
  layerActs: readonly { id: ActivationId; params?: Params }[],
  inputs: Float64Array,
): ReferencePass {
  const { sizes, params } = net;
  const n0 = sizes[0] as number;
  const m = inputs.length / n0;
  const hidden: number[][][] = [];
  let current: number[][] = Array.from({ length: m }, (_, i) => Array.from(inputs.subarray(i * n0, (i + 1) * n0)));
  for (let l = 0; l < sizes.length - 1; l++) {
    const nIn = sizes[l] as number;
    const nOut = sizes[l + 1] as number;
    const w0 = net.weightOffsets[l] as number;
    const b0 = net.biasOffsets[l] as number;
    const z = current.map((a) =>
      Array.from({ length: nOut }, (_, j) => {
        let s = params[b0 + j] as number;
        for (let k = 0; k < nIn; k++) s += (params[w0 + j * nIn + k] as number) * (a[k] as number);
        return s;
      }),
    );
    if (l === sizes.length - 2) return { hidden, outputs: z };
    hidden.push(z);
    const act = layerActs[l] as { id: ActivationId; params?: Params };
    current = z.map((row) => row.map((v) => activations[act.id].value(v, act.params)));
  }
  throw new Error('unreachable: a network has at least one layer');
}
