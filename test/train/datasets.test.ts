import { describe, expect, it } from 'vitest';
import { ulpDistance } from '../support/float.ts';
import { DATASET_NAMES, datasets, regressionCurve, TrainError } from '../../src/train/index.ts';

describe('datasets', () => {
  it.each(DATASET_NAMES)('%s: n examples split into train and test, deterministic by seed', (name) => {
    const make = datasets[name];
    const a = make(200, 0.1, 'x');
    expect(a.train.count + a.test.count).toBe(200);
    expect(a.test.count).toBe(100);
    expect(a.train.inputs.length).toBe(a.train.count * a.inputSize);
    expect(Array.from(make(200, 0.1, 'x').train.inputs)).toEqual(Array.from(a.train.inputs));
    expect(Array.from(make(200, 0.1, 'y').train.inputs)).not.toEqual(Array.from(a.train.inputs));
    if (a.task === 'classification') {
      const positives = a.train.targets.reduce((s, y) => s + y, 0) / a.train.count;
      expect(positives).toBeGreaterThan(0.35);
      expect(positives).toBeLessThan(0.65);
    }
  });

  it('circles without noise: label 1 exactly inside r = 0.5, label 0 outside r = 0.7', () => {
    const { train } = datasets.circles(300, 0, 3);
    for (let i = 0; i < train.count; i++) {
      const r = Math.hypot(train.inputs[2 * i] as number, train.inputs[2 * i + 1] as number);
      expect(train.targets[i] === 1 ? r < 0.5 : r > 0.7).toBe(true);
    }
  });

  it('xor without noise: label 1 exactly where x·y > 0', () => {
    const { train } = datasets.xor(300, 0, 3);
    for (let i = 0; i < train.count; i++) {
      const product = (train.inputs[2 * i] as number) * (train.inputs[2 * i + 1] as number);
      expect(train.targets[i]).toBe(product > 0 ? 1 : 0);
    }
  });

  it('regression without noise lies on its curve', () => {
    const { train } = datasets.regression(50, 0, 3);
    for (let i = 0; i < train.count; i++) {
      expect(ulpDistance(train.targets[i] as number, regressionCurve(train.inputs[i] as number))).toBe(0);
    }
  });

  it.each([
    [1, 0.1, 0.5],
    [10, -1, 0.5],
    [10, 0.1, 1],
  ])('refuses n = %d, noise = %d, test fraction = %d with code bad-dataset', (n, noise, fraction) => {
    expect(() => datasets.xor(n, noise, 1, fraction)).toThrow(
      expect.objectContaining({ code: 'bad-dataset' }) as TrainError,
    );
  });
});
