import { describe, expect, it } from 'vitest';
import { gradeChoice } from '../../src/grading/index.ts';
import type { ChoiceSpec } from '../../src/grading/index.ts';

const single: ChoiceSpec = {
  multiple: false,
  choices: [
    { id: 'a', correct: true, feedback: 'σ′ peaks at z = 0.' },
    { id: 'b', correct: false, feedback: 'That is where σ itself is largest.' },
    { id: 'c', correct: false },
  ],
};
const multiple: ChoiceSpec = {
  multiple: true,
  choices: [
    { id: 'relu', correct: true },
    { id: 'tanh', correct: false, feedback: 'tanh is smooth everywhere.' },
    { id: 'relu6', correct: true },
  ],
};

describe('gradeChoice', () => {
  it.each([
    [['a'], single, 'correct', 'Correct. σ′ peaks at z = 0.'],
    [['b'], single, 'incorrect', 'That is where σ itself is largest.'],
    [['c'], single, 'incorrect', 'Not this one.'],
    [[], single, 'invalid', 'Select an answer.'],
    [['a', 'b'], single, 'invalid', 'Select only one answer.'],
    [['z'], single, 'invalid', 'That choice is not part of this question.'],
    [['__proto__'], single, 'invalid', 'That choice is not part of this question.'],
    [['relu', 'relu6'], multiple, 'correct', 'Correct.'],
    [['relu6', 'relu'], multiple, 'correct', 'Correct.'],
    [['relu'], multiple, 'incorrect', 'One correct answer is missing.'],
    [['relu', 'tanh'], multiple, 'incorrect', 'tanh is smooth everywhere. One correct answer is missing.'],
    [[], multiple, 'invalid', 'Select at least one answer.'],
  ] as const)('%j → %s', (selected, spec, status, feedback) => {
    const r = gradeChoice(selected, spec);
    expect(r.status).toBe(status);
    expect(r.feedback).toBe(feedback);
  });
  it('lists the wrong and the missed ids', () => {
    const r = gradeChoice(['tanh', 'relu'], multiple);
    expect(r.wrong).toEqual(['tanh']);
    expect(r.missed).toEqual(['relu6']);
  });
});
