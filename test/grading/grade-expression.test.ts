import { describe, expect, it } from 'vitest';
import { grade, gradeExpression } from '../../src/grading/index.ts';
import type { ExpressionSpec } from '../../src/grading/index.ts';

const sigmoid = { define: { g: '1/(1+exp(-z))' } };

describe('gradeExpression: feedback that names the mistake', () => {
  it('says "Correct." for an equivalent form', () => {
    expect(gradeExpression('g(1-g)', 'sigmoid(z)*(1-sigmoid(z))', sigmoid)).toEqual({
      status: 'correct',
      feedback: 'Correct.',
    });
  });
  it('names a sign error', () => {
    const r = gradeExpression('g^2 - g', 'g*(1-g)', sigmoid);
    expect(r.status).toBe('incorrect');
    expect(r.feedback).toBe('Check the sign: your answer is the negative of the derivative.');
  });
  it('names a lost factor of 2 either way, and the chain rule only where the reference has an inner function', () => {
    expect(gradeExpression('1 - tanh(2z)^2', '2*(1 - tanh(2*z)^2)').feedback).toBe(
      'Your answer is half the derivative: a factor of 2 is missing — did you drop the inner derivative (chain rule)?',
    );
    expect(gradeExpression('2z', 'z').feedback).toBe(
      'Your answer is twice the derivative: check the constant factors.',
    );
    // f(z) = z·ReLU(z) has f′ = 2·ReLU(z): a product rule, no chain rule to blame.
    expect(gradeExpression('relu(z)', '2*relu(z)').feedback).toBe(
      'Your answer is half the derivative: a factor of 2 is missing.',
    );
  });
  it('names a piecewise answer done for one side only', () => {
    const positive = gradeExpression('1', 'z > 0 ? 1 : 0');
    expect(positive.mistake).toBe('half-positive');
    expect(positive.feedback).toBe(
      'Right for z > 0 but not for z < 0 (piecewise half-done). At z = −1 your answer gives 1; the derivative there is 0.',
    );
    const negative = gradeExpression('0.01', 'z > 0 ? 1 : 0.01');
    expect(negative.feedback).toMatch(
      /^Right for z < 0 but not for z > 0 \(piecewise half-done\)\. At z = 1 your answer gives 0\.01; the derivative there is 1\.$/,
    );
  });
  it('gives a counterexample to 3 significant digits', () => {
    // At z = 1: σ = 0.731, σ' = σ(1 − σ) = 0.19661…, the wrong answer σ²(1 − σ) = 0.14373…
    const r = gradeExpression('g^2*(1-g)', 'g*(1-g)', sigmoid);
    expect(r.feedback).toBe('At z = 1 your answer gives 0.144; the derivative there is 0.197.');
    expect(r.counterexample?.z).toBe(1);
    expect(gradeExpression('exp(-z)/(1+exp(-z))^3', 'exp(-z)/(1+exp(-z))^2').feedback).toBe(
      'At z = 1 your answer gives 0.144; the derivative there is 0.197.',
    );
  });
  it('shows more digits when 3 would read the same', () => {
    const r = gradeExpression('1.00001*g*(1-g)', 'g*(1-g)', sigmoid);
    expect(r.feedback).toBe('At z = 1 your answer gives 0.196614; the derivative there is 0.196612.');
  });
  it('says where the answer is undefined', () => {
    const r = gradeExpression('1/(2*sqrt(z))', '1/(2*sqrt(abs(z)))');
    expect(r.mistake).toBe('undefined');
    expect(r.feedback).toMatch(/^At z = −1 your answer is undefined, but the derivative there is 0\.5\. Check where/);
  });
  it('uses the listed common mistakes first, each with its own feedback', () => {
    const spec: ExpressionSpec = {
      reference: '1 - tanh(z)^2',
      mistakes: [
        { expression: '1 - tanh(z)', feedback: 'The square is missing: d/dz tanh z = 1 − tanh²z.' },
        { expression: 'tanh(z)^2 - 1', feedback: 'Look at the order of the terms.' },
      ],
    };
    const missing = grade('1-tanh z', spec);
    expect(missing.mistake).toBe('listed');
    expect(missing.feedback).toBe(
      'The square is missing: d/dz tanh z = 1 − tanh²z. At z = 1 your answer gives 0.238; the derivative there is 0.42.',
    );
    // A listed mistake wins over the generic sign detector.
    expect(grade('tanh(z)^2 - 1', spec).feedback).toMatch(/^Look at the order of the terms\./);
    expect(grade('sech(z)^2', spec).status).toBe('correct');
  });
  it('can name the reference differently', () => {
    const r = grade('z', { reference: '2*z + 1', referenceName: 'the slope' });
    expect(r.feedback).toBe('At z = 1 your answer gives 1; the slope there is 3.');
  });
  it('reads g(z) as the symbol g, and warns when g(…) holds something else', () => {
    expect(gradeExpression('g(z)*(1 - g(z))', 'g*(1-g)', sigmoid).status).toBe('correct');
    expect(gradeExpression('a( z )^2', 'tanh(z)^2', { define: { a: 'tanh(z)' } }).status).toBe('correct');
    const r = gradeExpression('g(-z)', 'sigmoid(-z)', sigmoid);
    expect(r.status).toBe('incorrect');
    expect(r.feedback).toMatch(/Note: g\(…\) is read as g times \(…\); g already stands for g\(z\)\./);
    expect(gradeExpression('g(1+g)', 'g*(1-g)', sigmoid).feedback).not.toMatch(/Note/);
  });
  it('grades with parameters', () => {
    const spec: ExpressionSpec = { reference: 'z > 0 ? 1 : alpha', params: { alpha: 0.2 } };
    expect(grade('z > 0 ? 1 : alpha', spec).status).toBe('correct');
    expect(grade('z > 0 ? 1 : 0.2', spec).status).toBe('correct');
    expect(grade('z > 0 ? 1 : 0.02', spec).status).toBe('incorrect');
  });
});

describe('gradeExpression: invalid input costs no attempt and says where', () => {
  it.each([
    ['(z+1', 0, /^Unbalanced parenthesis.*\(at character 1\)\. Add the missing `\)`\.$/],
    ['2*z + x', 6, /^Unknown name `x` \(at character 7\)\./],
    ['tanh^-1(z)', 4, /inverse function/],
    ['z +* 2', 3, /at character 4/],
  ])('%s → invalid at %i', (answer, position, message) => {
    const r = gradeExpression(answer, 'z');
    expect(r.status).toBe('invalid');
    expect(r.position).toBe(position);
    expect(r.feedback).toMatch(message);
  });
  it('keeps positions in the typed text when g(z) is rewritten', () => {
    const r = gradeExpression('g(z) + x', 'g', sigmoid);
    expect(r.status).toBe('invalid');
    expect(r.position).toBe(7);
    expect(r.feedback).toMatch(/^Unknown name `x` \(at character 8\)/);
  });
});

describe('gradeExpression: authoring errors throw', () => {
  it('throws for a reference that does not parse or is defined nowhere', () => {
    expect(() => gradeExpression('z', '2*(z')).toThrow(/reference `2\*\(z` does not parse/);
    expect(() => gradeExpression('z', 'sqrt(-1 - z^2)')).toThrow(/undefined at every sample point/);
    expect(() => grade('z', { reference: 'z', mistakes: [{ expression: 'z +', feedback: '' }] })).toThrow(
      /listed mistake/,
    );
  });
});
