/**
 * The lab's final derivative beside mathjs `derivative()` on every input both handle: the length of
 * each result (spaces removed, so only the form counts) and the total. mathjs is a devDependency
 * used by this comparison only.
 *
 *   node scripts/compare-mathjs.ts
 */
import { derivative, parse as mathParse } from 'mathjs';
import { differentiate } from '../src/symbolic/index.ts';

const INPUTS = [
  'z^2',
  'z^3 + 2*z',
  'z^(1/3)',
  'sqrt(z)',
  '1/z',
  'exp(-z)',
  'exp(-z^2/2)',
  '1/(1 + exp(-z))',
  'z/(1 + exp(-z))',
  'tanh(z)',
  '(exp(z) - exp(-z))/(exp(z) + exp(-z))',
  'log(1 + exp(z))',
  'z*tanh(log(1 + exp(z)))',
  'sinh(z)/cosh(z)',
  'sech(z)^2',
  'z*exp(z)',
  'exp(z)/(1 + exp(z))^2',
  'z/(1 + abs(z))',
  'log(cosh(z))',
  'z^2*exp(-z)',
  'sqrt(1 + z^2)',
  'z/sqrt(1 + z^2)',
  '(1 + tanh(z))/2',
  'z*(1 + tanh(0.8*(z + 0.044715*z^3)))/2',
];

const squash = (s: string): string => s.replace(/\s+/g, '');
let ours = 0;
let theirs = 0;
let both = 0;
console.log('input'.padEnd(42), 'ours'.padStart(5), 'mathjs'.padStart(7), '  shorter');
for (const f of INPUTS) {
  const r = differentiate(f);
  let m: string;
  try {
    m = derivative(mathParse(f), 'z').toString();
  } catch {
    continue;
  }
  if (!r.ok) continue;
  const a = squash(r.derivative).length;
  const b = squash(m).length;
  ours += a;
  theirs += b;
  both++;
  console.log(
    f.padEnd(42),
    String(a).padStart(5),
    String(b).padStart(7),
    `  ${a < b ? 'ours' : a > b ? 'mathjs' : 'same'}`,
  );
  if (process.argv.includes('--show')) console.log(`    ours:   ${r.derivative}\n    mathjs: ${m}`);
}
console.log(`${String(both)} inputs both handle: ours ${String(ours)} characters in all, mathjs ${String(theirs)}`);
