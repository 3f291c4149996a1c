import type { CheckedFn, EvalState } from './evaluate-with-derivatives.ts';

/** Each new central difference uses a step this much smaller. */
const SHRINK = 1.4;
const SHRINK2 = SHRINK * SHRINK;
/** At most this many steps (so at most 2·ROWS evaluations of f per attempt). */
const ROWS = 10;
/** Stop once the diagonal moves by no more than this many times its rounding bound: rounding has taken over. */
const ROUNDING_TAKES_OVER = 4;
/** The truncation estimate (a difference of tableau entries) is claimed with this margin. */
const SAFETY = 2;
const EPS = Number.EPSILON;

/**
 * d/dz f at `state.z` by Richardson extrapolation of central differences (Ridders' scheme).
 *
 * D(h) = (f(z + h) − f(z − h)) / 2h = f′ + c₁h² + c₂h⁴ + …, so combining D at steps h and h/t
 * as T = (t²ᵏ·D(h/t) − D(h)) / (t²ᵏ − 1) removes the h²ᵏ term; a Neville tableau does that for
 * k = 1, 2, … For smooth f this reaches a relative error around 1e-12.
 *
 * The error bound of an entry T[i][j] is its truncation estimate plus its rounding bound:
 * - truncation: SAFETY · the largest change from its two parents T[i][j−1], T[i−1][j−1] *and*
 *   to its own refinement T[i+1][j+1]. The parents alone are Ridders' estimate; it is right
 *   once the h-expansion governs D, but at the first, large steps it need not: there D(h) can
 *   be nearly flat in h by chance (∂s₁/∂z₅ of a softmax at z₅ = 3.824: D(0.38) and D(0.27)
 *   agree to 6e-8, both 1.7e-6 off), and the parents then vouch for a wrong value. The
 *   refinement exposes that (it moves by the true error), so an entry is only a candidate once
 *   the next row exists.
 * - rounding: the error bounds of f at z ± h divided by the width, carried through the
 *   tableau's weights (each combination multiplies it by up to (t²ᵏ + 1)/(t²ᵏ − 1), ≈ 9 in all),
 *   plus the rounding of the tableau's own arithmetic.
 * The entry with the smallest bound is returned. Rows stop after ROWS, or one row after the
 * diagonal moved by no more than its rounding bound allows (smaller steps only add noise; the
 * extra row scores the entries of that one). Stopping when
 * the diagonal merely grows (Ridders' rule) is wrong at large steps, where the first good row
 * is a big move away from a lucky early agreement.
 *
 * The first step is a tenth of |z| (at least 1e-4 and at most 0.5), and never more than
 * 0.9·`state.maxStep`, so no difference straddles a known kink. If f is undefined at a step
 * (a domain edge nearby), the step is cut by ten, up to three times.
 *
 * Leaves the error bound in `state.err`; marks `state.unreliable` if f could not be evaluated.
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
  // One difference quotient at step h; `err` bounds its rounding: f's bounds over the width, and
  // the subtraction, the width and the division (ε·|value| each).
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
    const value = (up - down) / width;
    return { value, err: (eUp + eDown) / width + 3 * EPS * Math.abs(value) };
  };

  let h = h0;
  const first = central(h);
  if (first === undefined) return undefined;
  // The previous row of the tableau: values, rounding bounds, and each entry's change from its parents.
  let previous: Estimate[] = [first];
  let previousChange: number[] = [Number.POSITIVE_INFINITY];
  let best: Estimate = { value: first.value, err: Number.POSITIVE_INFINITY };
  // Set once the diagonal moved by rounding only: one more row scores the entries of that row.
  let lastRow = ROWS - 1;
  for (let i = 1; i <= lastRow; i++) {
    h /= SHRINK;
    const d = central(h);
    if (d === undefined) break;
    const row: Estimate[] = [d];
    const change: number[] = [Number.POSITIVE_INFINITY];
    let factor = SHRINK2;
    for (let j = 1; j <= i; j++) {
      const left = row[j - 1] ?? { value: Number.NaN, err: Number.POSITIVE_INFINITY };
      const upLeft = previous[j - 1] ?? { value: Number.NaN, err: Number.POSITIVE_INFINITY };
      const value = (left.value * factor - upLeft.value) / (factor - 1);
      const weighted = (Math.abs(left.value) * factor + Math.abs(upLeft.value)) / (factor - 1);
      const err = (left.err * factor + upLeft.err) / (factor - 1) + 3 * EPS * weighted;
      row.push({ value, err });
      change.push(Math.max(Math.abs(value - left.value), Math.abs(value - upLeft.value)));
      factor *= SHRINK2;
      // The previous row's entry (i − 1, j − 1) now has its refinement (i, j): it is a candidate.
      if (j >= 2) {
        const parent = upLeft;
        const truncation = Math.max(previousChange[j - 1] ?? Number.POSITIVE_INFINITY, Math.abs(value - parent.value));
        const bound = SAFETY * truncation + parent.err;
        if (bound <= best.err) best = { value: parent.value, err: bound };
      }
    }
    const diagonal = row[i];
    const previousDiagonal = previous[i - 1];
    previous = row;
    previousChange = change;
    if (diagonal === undefined || previousDiagonal === undefined) break;
    const roundingOnly =
      Math.abs(diagonal.value - previousDiagonal.value) <= ROUNDING_TAKES_OVER * (diagonal.err + previousDiagonal.err);
    if (i >= 2 && roundingOnly && lastRow > i) lastRow = i + 1;
  }
  // Fewer than three rows (f undefined at smaller steps): no entry could be checked against its refinement.
  if (!Number.isFinite(best.err)) return { value: previous[previous.length - 1]?.value ?? first.value, err: best.err };
  return best;
}
