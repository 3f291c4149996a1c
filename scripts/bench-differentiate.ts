/**
 * How `differentiate()` grows with input size, for the inputs of issue 14: a product of n
 * factors, min of n arguments, n nested mish, a tower of n powers. Prints one row per size with
 * the time (best of 3, after a warm-up), the input length and the result: the derivative's length
 * or the error code. Goal: every row ≤ 100 ms (a result, or a clear "too large" error).
 *
 *   node scripts/bench-differentiate.ts
 */
import { differentiate } from '../src/symbolic/index.ts';

const families: Record<string, (n: number) => string> = {
  'product z*z*…': (n) => Array(n).fill('z').join('*'),
  'product (z+k)…': (n) => Array.from({ length: n }, (_, i) => `(z+${String(i % 9)})`).join(''),
  'min(z, …)': (n) => `min(${Array(n).fill('z').join(',')})`,
  'min(z^2-k, …)': (n) => `min(${Array.from({ length: n }, (_, i) => `z^2-${String(i % 9)}`).join(',')})`,
  'nested mish': (n) => 'mish('.repeat(n) + 'z' + ')'.repeat(n),
  'tower z^z^…': (n) => Array(n).fill('z').join('^'),
};
const SIZES = [2, 4, 8, 16, 32, 60, 63, 81, 250];

const time = (text: string): [number, string] => {
  let best = Number.POSITIVE_INFINITY;
  let outcome = '';
  for (let k = 0; k < 3; k++) {
    const t0 = performance.now();
    const r = differentiate(text);
    best = Math.min(best, performance.now() - t0);
    outcome = r.ok ? `${String(r.derivative.length)} chars, ${String(r.steps.length)} steps` : `error ${r.error.code}`;
  }
  return [best, outcome];
};

differentiate('mish(z)*z^2');
console.log('family            n  input chars      ms  result');
let slowest = 0;
for (const [family, make] of Object.entries(families)) {
  let previous: number | undefined;
  for (const n of SIZES) {
    const text = make(n);
    if (text.length > 500) continue;
    const [ms, outcome] = time(text);
    slowest = Math.max(slowest, ms);
    const growth = previous === undefined ? '' : ` (×${(ms / Math.max(previous, 1e-3)).toFixed(1)})`;
    console.log(
      `${family.padEnd(16)} ${String(n).padStart(3)}  ${String(text.length).padStart(11)} ${ms.toFixed(1).padStart(7)}  ${outcome}${growth}`,
    );
    previous = ms;
  }
}
console.log(`slowest: ${slowest.toFixed(1)} ms (goal ≤ 100 ms)`);
