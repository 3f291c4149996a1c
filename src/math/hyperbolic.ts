/** sech²(z) = 1 − tanh²(z), the derivative of tanh, accurate for every finite z. */
export function sechSquared(z: number): number {
  const a = Math.abs(z);
  if (a < 0.5) {
    // 1 − t² = (1 − t)(1 + t) with |t| < 0.47: no cancellation, and it avoids the rounding of e^{−2|z|} near 1.
    const t = Math.tanh(z);
    return (1 - t) * (1 + t);
  }
  // sech² z = 4e^{−2|z|}/(1 + e^{−2|z|})²: e^{−2|z|} ≤ 1 never overflows (cosh does past |z| ≈ 710),
  // and the result underflows only when the true value does.
  const e = Math.exp(-2 * a);
  const d = 1 + e;
  return (4 * e) / (d * d);
}
