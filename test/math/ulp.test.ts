import { describe, expect, it } from 'vitest';
import { relativeError, ulpDistance } from '../support/float.ts';

const MIN_SUBNORMAL = 5e-324;

describe('ulpDistance', () => {
  it.each([
    ['equal', 1.5, 1.5, 0],
    ['+0 and −0', 0, -0, 0],
    ['next double above 1', 1, 1 + Number.EPSILON, 1],
    ['next double below 1 (half the spacing)', 1, 1 - Number.EPSILON / 2, 1],
    ['two steps above 1', 1, 1 + 2 * Number.EPSILON, 2],
    ['across zero through the subnormals', -MIN_SUBNORMAL, MIN_SUBNORMAL, 2],
    ['negative neighbours', -1, -(1 + Number.EPSILON), 1],
    ['largest finite to Infinity', Number.MAX_VALUE, Infinity, 1],
    ['1 to 2 is 2^52 doubles', 1, 2, 2 ** 52],
  ])('%s', (_name, a, b, expected) => {
    expect(ulpDistance(a, b)).toBe(expected);
    expect(ulpDistance(b, a)).toBe(expected);
  });

  it('treats NaN as infinitely far from a number', () => {
    expect(ulpDistance(NaN, 1)).toBe(Infinity);
    expect(ulpDistance(0, NaN)).toBe(Infinity);
  });
});

describe('relativeError', () => {
  it.each([
    [1, 1, 0],
    [1.5, 1, 0.5],
    [0, 0, 0],
    [1e-300, 0, Infinity],
  ])('relativeError(%d, %d) = %d', (a, b, expected) => {
    expect(relativeError(a, b)).toBe(expected);
  });
});
