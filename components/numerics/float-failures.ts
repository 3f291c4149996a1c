import { activations } from '../../src/math/index.ts';
import { evaluate, parse } from '../../src/symbolic/index.ts';

/**
 * What float64 computes for the textbook formulas of σ, σ′, 1 − σ, ln(1 − σ), softplus and ln σ
 * at an argument where they fail, next to the stable formulas the registry (src/math) uses. The
 * textbook column is the formula shown, read by the site's parser and evaluated in float64 (the
 * same numbers a browser or NumPy gives), so the formula and its result are one fact; the stable
 * column is the registry's value. test/numerics/float-failures.test.ts checks that both formulas
 * equal the quantity, that every textbook result is wrong and every stable one right to a few ulp
 * of a 50-digit value.
 */
export interface FloatFailureRow {
  /** The quantity as the reader knows it. */
  readonly quantity: string;
  /** The same quantity in the expression language, for the tests (`d/dz(…)` allowed). */
  readonly definition: string;
  readonly z: number;
  /** The textbook formula, as shown and as evaluated (the parser reads − and e^). */
  readonly textbookFormula: string;
  readonly textbook: number;
  /** The stable formula, as shown. */
  readonly stableFormula: string;
  /** When the stable formula as written is the branch for one sign of z. */
  readonly stableWhen?: string;
  readonly stable: number;
}

const sigma = activations.sigmoid;
const softplus = activations.softplus;

/** The formula in float64 at z, through the site's own parser and evaluator. */
export function float64Value(formula: string, z: number): number {
  const parsed = parse(formula);
  if (!parsed.ok) throw new Error(`float-failures: cannot read "${formula}": ${parsed.error.message}`);
  return evaluate(parsed.tree, { z });
}

type Spec = Omit<FloatFailureRow, 'textbook'>;
const specs: readonly Spec[] = [
  {
    quantity: 'σ(z)',
    definition: 'sigmoid(z)',
    z: 1000,
    textbookFormula: 'e^z / (1 + e^z)',
    stableFormula: '1 / (1 + e^(−z))',
    stableWhen: 'z ≥ 0',
    stable: sigma.value(1000),
  },
  {
    quantity: 'σ′(z)',
    definition: 'd/dz(sigmoid(z))',
    z: -1000,
    textbookFormula: 'e^(−z) / (1 + e^(−z))²',
    stableFormula: 'σ(z) σ(−z)',
    stable: sigma.derivative(-1000),
  },
  {
    quantity: '1 − σ(z)',
    definition: '1 - sigmoid(z)',
    z: 40,
    textbookFormula: '1 − 1 / (1 + e^(−z))',
    stableFormula: 'σ(−z)',
    stable: sigma.value(-40),
  },
  {
    quantity: 'ln(1 − σ(z))',
    definition: 'ln(1 - sigmoid(z))',
    z: 40,
    textbookFormula: 'ln(1 − 1 / (1 + e^(−z)))',
    stableFormula: '−softplus(z)',
    stable: -softplus.value(40),
  },
  {
    quantity: 'softplus(z)',
    definition: 'softplus(z)',
    z: 1000,
    textbookFormula: 'ln(1 + e^z)',
    stableFormula: 'max(z, 0) + ln(1 + e^(−|z|))',
    stable: softplus.value(1000),
  },
  {
    quantity: 'ln σ(z)',
    definition: 'ln(sigmoid(z))',
    z: -1000,
    textbookFormula: 'ln(1 / (1 + e^(−z)))',
    stableFormula: '−softplus(−z)',
    stable: -softplus.value(1000),
  },
];

export const FLOAT_FAILURES: readonly FloatFailureRow[] = specs.map((s) => ({
  ...s,
  textbook: float64Value(s.textbookFormula, s.z),
}));

/** The textbook result is what went wrong: not a number, infinite, or 0 where the true value is not. */
export const isBroken = (row: FloatFailureRow): boolean =>
  !Number.isFinite(row.textbook) || (row.textbook === 0 && row.stable !== 0);
