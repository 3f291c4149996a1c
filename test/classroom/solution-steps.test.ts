import { describe, expect, it } from 'vitest';
import { solutionSteps } from '../../components/classroom/solution-steps.ts';

describe('solutionSteps', () => {
  it.each([
    ['One sentence.', ['One sentence.']],
    ['First. Second! Third?', ['First.', 'Second!', 'Third?']],
    // A full stop inside math, or a decimal point, does not end a step.
    ['So $g(z) = 0.5. z$ here. Then done.', ['So $g(z) = 0.5. z$ here.', 'Then done.']],
    ['Use $$a. b$$ first. Next.', ['Use $$a. b$$ first.', 'Next.']],
    ['A ratio of 0.01 is small. Yes.', ['A ratio of 0.01 is small.', 'Yes.']],
    ['Type it, e.g. z^2. Done', ['Type it, e.g. z^2.', 'Done']],
    ['An escaped \\$ sign. Next.', ['An escaped \\$ sign.', 'Next.']],
    ['', []],
  ])('%j', (solution, steps) => {
    expect(solutionSteps(solution)).toEqual(steps);
  });

  it('joins back to the solution (nothing lost, nothing added)', () => {
    const solution =
      "With $u = 1 + e^{-z}$, $\\sigma = u^{-1}$, so $\\sigma'(z) = -u^{-2}$. That equals $\\sigma(1 - \\sigma)$.";
    expect(solutionSteps(solution).join(' ')).toBe(solution);
  });
});
