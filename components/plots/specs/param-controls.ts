import type { Activation, ParamName, Params } from '../../../src/math/index.ts';

/** A slider for one adjustable parameter of an activation. */
export interface ParamControl {
  readonly name: ParamName;
  /** Greek letter for labels: α, β, λ. */
  readonly letter: string;
  readonly description: string;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly default: number;
}

const LETTERS: Record<ParamName, string> = { alpha: 'α', beta: 'β', lambda: 'λ' };
const STEP = 0.01;

/**
 * Slider ranges for the adjustable parameters (leaky slope, ELU α, SiLU/softplus β): the valid range
 * with open ends pulled in by a step, and unbounded ranges cut at max(3, 4 × default).
 * SELU's λ and α are fixed constants and get no slider.
 */
export function paramControls(activation: Activation): ParamControl[] {
  return activation.params
    .filter((spec) => spec.adjustable)
    .map((spec) => {
      const min = Number.isFinite(spec.min) ? (spec.minInclusive ? spec.min : spec.min + 5 * STEP) : spec.default - 5;
      const max = Number.isFinite(spec.max)
        ? spec.maxInclusive
          ? spec.max
          : spec.max - STEP
        : Math.max(3, 4 * spec.default);
      return {
        name: spec.name,
        letter: LETTERS[spec.name],
        description: spec.description,
        min,
        max,
        step: STEP,
        default: spec.default,
      };
    });
}

/** The adjustable parameters' values, each clamped to its slider range; defaults for missing ones. */
export function clampParams(activation: Activation, params: Params = {}): Params {
  const out: Partial<Record<ParamName, number>> = {};
  for (const control of paramControls(activation)) {
    const x = params[control.name];
    out[control.name] =
      x === undefined || !Number.isFinite(x) ? control.default : Math.min(control.max, Math.max(control.min, x));
  }
  return out;
}
