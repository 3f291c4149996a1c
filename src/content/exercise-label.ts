/**
 * What an exercise's input label says: the quantity asked (`g′(z) =` asks for g′(z)). In a module
 * of its own, without the schema library, because the grader's browser chunk reads it.
 */

/** A label names something and ends with `=` or `≈`. */
export const LABEL_PATTERN = /\S\s*[=≈]$/;

/** The quantity a label names: `g′(z) =` → `g′(z)`. */
export function quantityOf(label: string): string {
  return label.replace(/\s*[=≈]\s*$/, '').trim();
}

/** Whether the quantity a label names is a derivative (`g′(z)`, `∂L/∂z`, `d/dz …`) rather than a function value. */
export function asksForDerivative(label: string): boolean {
  return /[′']|∂|\bd\//.test(quantityOf(label));
}
