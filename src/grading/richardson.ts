import type { CheckedFn, EvalState } from './evaluate-with-derivatives.ts';

/** Each new central difference uses a step this much smaller. */
const SHRINK = 1.4;
const SHRINK2 = SHRINK * SHRINK;
/** At most this many steps (so at most 2·ROWS evaluations of f per attempt). */
const ROWS = 10;
/** Stop once the diagonal grows this much worse than the best error seen: rounding has taken over. */
const GIVE_UP = 2;

/**
 * d/dz f at `state.z` by Richardson extrapolation of central differences (Ridders' scheme).
 *
 * D(h) = (f(z + h) − f(z − h)) / 2h = f′ + c₁h² + c₂h⁴ + …, so combining D at steps h and h/t
 * as (t²ᵏ·D(h/t) − D(h)) / (t²ᵏ − 1) removes the h²ᵏ term; a Neville tableau does that for
 * k = 1, 2, … and the smallest difference between neighbouring entries estimates the error.
 * For smooth f this reaches a relative error around 1e-12.
 *
 * The first step is a tenth of |z| (at least 1e-4 and at most 0.5), and never more than
 * 0.9·`state.maxStep`, so no difference straddles a known kink. If f is undefined at a step
 * (a domain edge nearby), the step is cut by ten, up to three times.
 *
 * Leaves in `state.err` the extrapolation's error estimate plus the rounding of f carried
 * through the best difference quotient; marks `state.unreliable` if f could not be evaluated.
 */
export function richardsonDerivative(f: CheckedFn, state: EvalState): number {
  const z = state.z;
  const outerStep = state.maxStep;
  let h0 = Math.min(0.5, Math.max(1e-4, 0.1 * Math.abs(z)), 0.9 * outerStep);
  for (let attempt = 0; attempt < 4; attempt++, h0 /= 10) {
    const result = ridders(f, state, z, h0, outerStep);
    state.z = z;
    state.maxStep = outerStep;
    if (result !== undefined) {
      state.err = result.err;
      return result.value;
    }
  }
  state.err = Number.POSITIVE_INFINITY;
  state.unreliable = true;
  return Number.NaN;
}

interface Estimate {
  value: number;
  err: number;
}

function ridders(f: CheckedFn, state: EvalState, z: number, h0: number, outerStep: number): Estimate | undefined {
  // One difference quotient at step h, with the rounding error of f divided by 2h.
  const central = (h: number): Estimate | undefined => {
    // A nested d/dz may only step as far as is left before the kink.
    state.maxStep = outerStep - h;
    // z ± h are rounded: divide by the step actually taken, so that the quotient is the exact
    // slope of the secant through the points used (d/dz(−z) at z = −5 is −1, not −1 − 1.1e-15).
    const zUp = z + h;
    const zDown = z - h;
    const width = zUp - zDown;
    state.z = zUp;
    const up = f(state);
    const eUp = state.err;
    state.z = zDown;
    const down = f(state);
    const eDown = state.err;
    if (!Number.isFinite(up) || !Number.isFinite(down)) return undefined;
    return { value: (up - down) / width, err: (eUp + eDown) / width };
  };

  let h = h0;
  const first = central(h);
  if (first === undefined) return undefined;
  // previous[j]: the tableau's column j for the previous step; rounding[j]: its rounding error.
  let previous: number[] = [first.value];
  let best: Estimate = { value: first.value, err: Number.POSITIVE_INFINITY };
  let bestRounding = first.err;
  for (let i = 1; i < ROWS; i++) {
    h /= SHRINK;
    const d = central(h);
    if (d === undefined) break;
    const row: number[] = [d.value];
    let factor = SHRINK2;
    for (let j = 1; j <= i; j++) {
      const left = row[j - 1] ?? Number.NaN;
      const upLeft = previous[j - 1] ?? Number.NaN;
      const next = (left * factor - upLeft) / (factor - 1);
      row.push(next);
      factor *= SHRINK2;
      const change = Math.max(Math.abs(next - left), Math.abs(next - upLeft));
      if (change <= best.err) {
        best = { value: next, err: change };
        bestRounding = d.err;
      }
    }
    const diagonal = row[i] ?? Number.NaN;
    const previousDiagonal = previous[i - 1] ?? Number.NaN;
    previous = row;
    if (Math.abs(diagonal - previousDiagonal) >= GIVE_UP * best.err) break;
  }
  if (!Number.isFinite(best.err)) {
    // Only one difference could be taken: its error is unknown.
    return { value: first.value, err: Number.POSITIVE_INFINITY };
  }
  return { value: best.value, err: best.err + 4 * bestRounding };
}
