import { describe, expect, it } from 'vitest';
import { exactDecimal, preciseConstant, preciseEvaluator } from '../../src/grading/evaluate-precise.ts';
import { parse } from '../../src/symbolic/index.ts';

const scope = { variable: 'z', params: new Map<string, number>(), define: new Map() };
const at = (text: string, z: number) => {
  const r = parse(text);
  if (!r.ok) throw new Error(text);
  const f = preciseEvaluator(r.tree, scope);
  if (f === undefined) throw new Error(`${text}: not supported`);
  return f(z);
};

describe('50-digit evaluation', () => {
  it.each([
    ['exp(z)', 1, '2.7182818284590452353602874713526624977572470937'],
    ['exp(z)', -1000, '5.0759588975494567652918094795743369193055992828928e-435'],
    ['log(z)', 10, '2.3025850929940456840179914546843642076011014886288'],
    ['sigmoid(z)', 0, '0.5'],
    ['tanh(z)', 1, '0.76159415595576488811945828260479359041276859725794'],
  ] as const)('%s at %s agrees with the reference digits', (text, z, digits) => {
    const v = at(text, z);
    expect(v.trusted).toBe(true);
    expect(v.value.minus(digits).abs().div(v.value.abs()).toNumber()).toBeLessThan(1e-45);
  });
  it('keeps what float64 loses: σ − σ² at z = 30 equals σ(1 − σ) to 30 digits (13 of 50 cancel)', () => {
    const a = at('sigmoid(z) - sigmoid(z)^2', 30).value;
    const b = at('sigmoid(z)*(1 - sigmoid(z))', 30).value;
    expect(a.minus(b).abs().div(b).toNumber()).toBeLessThan(1e-30);
  });
  it('does not trust a value whose digits cancelled away', () => {
    expect(at('cosh(z)^2 - sinh(z)^2', 1000).trusted).toBe(false);
    expect(at('1e60*(1 + z) + 1 - 1e60*(1 + z)', 0.3).trusted).toBe(false);
    // Short operands were not rounded: cancelling them loses nothing.
    expect(at('0.1*z - 0.1*z', 0.5).trusted).toBe(true);
  });
  it('folds constants exactly and reads doubles exactly', () => {
    const r = parse('(1e16 + 2 - 1e16)/(1e16 + 2 - 1e16)');
    if (!r.ok) throw new Error('parse');
    expect(preciseConstant(r.tree)?.toString()).toBe('1');
    // The double nearest 0.1 is 0.1000000000000000055511151231257827021181583404541015625; 50 digits of it.
    expect(exactDecimal(0.1).toString()).toMatch(/^0\.100000000000000005551115123125782702118158340454/);
  });
});
