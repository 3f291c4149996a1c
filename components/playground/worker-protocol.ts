/** Messages between the playground page and its training worker. */
import type { PlaygroundConfig } from './playground-config.ts';
import type { Metrics } from './session.ts';
import type { LossPoint } from './trace.ts';

export type ToWorker =
  /** Start afresh (step 0) with this configuration; stays paused. */
  | { readonly type: 'reset'; readonly config: PlaygroundConfig }
  | { readonly type: 'play' }
  | { readonly type: 'pause' }
  /** One optimiser step, when paused. */
  | { readonly type: 'step' }
  /** Steps per second; 0: as fast as possible. */
  | { readonly type: 'speed'; readonly stepsPerSecond: number };

/** One network's part of a frame. */
export interface NetworkFrame {
  readonly metrics: Metrics;
  /** Loss points since the previous frame (the page appends them). */
  readonly losses: readonly LossPoint[];
  /** P(class 1) on the boundary grid, or the fitted curve's values for regression. */
  readonly surface: Float32Array;
}

export type FromWorker =
  | {
      readonly type: 'frame';
      /** Counts resets, so the page drops frames of a configuration it has left. */
      readonly generation: number;
      readonly playing: boolean;
      /** The run reached `stopAt` and paused itself. */
      readonly stopped: boolean;
      readonly a: NetworkFrame;
      readonly b: NetworkFrame | null;
    }
  | { readonly type: 'error'; readonly generation: number; readonly message: string };
