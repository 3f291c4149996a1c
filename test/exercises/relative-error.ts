/** |a − b| / max(|a|, |b|), and 0 when both are 0: the float comparison for keys vs the math core. */
export function relativeError(a: number, b: number): number {
  if (a === b) return 0;
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
}
