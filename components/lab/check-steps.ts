import { equivalent } from '../../src/grading/index.ts';
import type { Counterexample } from '../../src/grading/index.ts';
import type { DerivationLine, Expr } from '../../src/symbolic/index.ts';

/** The verdict of the step checker on one generated line (compared with the line before it). */
export interface StepVerdict {
  /** 0-based index of the line in the derivation; line 0 (the set-up) is not checked. */
  readonly index: number;
  readonly ok: boolean;
  /** Why the check failed, in a sentence (from `equivalent`). */
  readonly reason?: string;
  readonly counterexample?: Counterexample;
}

/** Options of {@link checkSteps}. */
export interface CheckStepsOptions {
  readonly params?: Readonly<Record<string, number>>;
  /** Where the derivation's functions switch branch (see locateKinks): the checker samples both sides, never on them. */
  readonly kinks?: readonly number[];
  readonly variable?: string;
}

/**
 * Checks every generated line against the line before it with THE step checker, `equivalent`
 * from src/grading (derivative nodes evaluated by its numeric derivative), so the lab shows the
 * same verdict a lesson's derivation test would give (including lines that are 0 on whole
 * intervals, d/dz(c) = 0 or a branch `z > 0 ? … : 0`, which `equivalent` confirms itself).
 * A pair it refuses is a failing step: the lab shows it in red.
 */
export function checkSteps(lines: readonly DerivationLine[], options: CheckStepsOptions = {}): StepVerdict[] {
  const verdicts: StepVerdict[] = [];
  for (let i = 1; i < lines.length; i++) {
    const previous = lines[i - 1];
    const line = lines[i];
    if (previous === undefined || line === undefined) continue;
    verdicts.push({ index: i, ...checkPair(line.tree, previous.tree, options) });
  }
  return verdicts;
}

/** `next` against `previous` (points where `previous` is undefined are skipped). */
export function checkPair(
  next: Expr,
  previous: Expr,
  options: CheckStepsOptions = {},
): { ok: boolean; reason?: string; counterexample?: Counterexample } {
  const checkerOptions = {
    ...(options.params === undefined ? {} : { params: options.params }),
    ...(options.kinks === undefined ? {} : { kinks: options.kinks }),
    ...(options.variable === undefined ? {} : { variable: options.variable }),
  };
  try {
    const verdict = equivalent(next, previous, checkerOptions);
    if (verdict.equal) return { ok: true };
    return {
      ok: false,
      reason: verdict.reason ?? 'the checker found the two lines different',
      ...(verdict.counterexample === undefined ? {} : { counterexample: verdict.counterexample }),
    };
  } catch (e) {
    // The checker throws only for a caller's mistake (an unbound name): show it rather than crash.
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
}
