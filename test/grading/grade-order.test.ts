import { describe, expect, it } from 'vitest';
import { gradeOrder } from '../../src/grading/index.ts';

const spec = { steps: ['setup', 'chain', 'simplify', 'result'] };

describe('gradeOrder', () => {
  it.each([
    [['setup', 'chain', 'simplify', 'result'], 'correct', [], 'Correct.'],
    [['setup', 'simplify', 'chain', 'result'], 'incorrect', [1, 2], 'Steps 2 and 3 are out of place.'],
    [['result', 'chain', 'simplify', 'setup'], 'incorrect', [0, 3], 'Steps 1 and 4 are out of place.'],
    [['chain', 'simplify', 'result', 'setup'], 'incorrect', [0, 1, 2, 3], 'Steps 1, 2, 3 and 4 are out of place.'],
    [['setup', 'chain', 'simplify'], 'invalid', [], 'Place every step exactly once.'],
    [['setup', 'chain', 'chain', 'result'], 'invalid', [], 'Place every step exactly once.'],
    [['setup', 'chain', 'simplify', 'other'], 'invalid', [], 'Place every step exactly once.'],
  ] as const)('%j → %s', (order, status, positions, feedback) => {
    const r = gradeOrder(order, spec);
    expect(r.status).toBe(status);
    expect(r.wrongPositions).toEqual(positions);
    expect(r.feedback).toBe(feedback);
  });
});
