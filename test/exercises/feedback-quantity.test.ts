import { describe, expect, it } from 'vitest';
import type { Exercise } from '../../src/content/exercise-schema.ts';
import { asksForDerivative, quantityOf } from '../../src/content/exercise-label.ts';
import { gradeExercise } from '../../components/exercise/grade-exercise.ts';
import { instantiate } from '../../components/exercise/instantiate.ts';
import { loadExercises } from './load-exercises.ts';

/**
 * Feedback describes the quantity the exercise asks for (its label), never "the derivative" when
 * the function itself is asked, names the chain rule only where there is one, and points a student
 * to the names and the form the exercise accepts.
 */
const all = loadExercises().map(({ exercise }) => instantiate(exercise, '1').exercise);
const byId = (id: string): Exercise => {
  const found = all.find((e) => e.id === id);
  if (found === undefined) throw new Error(`no exercise ${id}`);
  return found;
};
const text = (id: string, answer: string) => gradeExercise(byId(id), { kind: 'text', text: answer });

const expressions = all.filter((e): e is Extract<Exercise, { kind: 'expression' }> => e.kind === 'expression');

describe('every expression exercise names what it asks for', () => {
  // Wrong answers that reach each generic message: a counterexample, the sign, twice, half.
  const wrongs = (answer: string) => [`(${answer}) + 1`, `-(${answer})`, `2*(${answer})`, `(${answer})/2`];
  it.each(expressions.map((e) => [e.id, e] as const))('%s', (_id, exercise) => {
    const quantity = quantityOf(exercise.label);
    const derivative = asksForDerivative(exercise.label);
    for (const wrong of wrongs(exercise.answer)) {
      const verdict = gradeExercise(exercise, { kind: 'text', text: wrong });
      expect(verdict.status, wrong).toBe('incorrect');
      if (verdict.mistake === 'listed') continue; // the author's own words
      expect(verdict.feedback, wrong).toContain(quantity);
      if (!derivative) expect(verdict.feedback, wrong).not.toMatch(/derivative/);
    }
  });
});

describe('feedback that was false before', () => {
  it('asked for g, an answer that is wrong for z < 0 is told about g, not a derivative', () => {
    const verdict = text('leaky-relu-as-max', 'max(0, z)');
    expect(verdict.status).toBe('incorrect');
    expect(verdict.feedback).toContain('g(z) there is −0.01');
    expect(verdict.feedback).not.toMatch(/derivative/);
  });

  it('no chain rule is blamed for a factor of 2 in a product-rule exercise', () => {
    const verdict = text('relu-product', '4*relu(z)');
    expect(verdict.mistake).toBe('factor-2');
    expect(verdict.feedback).toBe('Your answer is twice f′(z): check the constant factors.');
    expect(text('relu-product', 'relu(z)').feedback).toMatch(/product rule/);
  });

  it('the chain rule is named where the reference has an inner function', () => {
    const verdict = text('chain-rule-exp-neg', '-exp(-z)/2');
    expect(verdict.mistake).toBe('factor-half');
    expect(verdict.feedback).toMatch(/^Your answer is half f′\(z\): .*chain rule/);
  });

  it('asked for g itself, a factor of 2 says nothing of derivatives', () => {
    expect(text('leaky-relu-as-max', '2*max(0.01z, z)').feedback).toBe(
      'Your answer is twice g(z): check the constant factors.',
    );
  });

  it.each(['sigmoid-derivative-in-g', 'tanh-derivative-in-g'])(
    '%s ("using only g") points an equal answer in z back to the form asked, without charging an attempt',
    (id) => {
      const inZ = id.startsWith('sigmoid') ? 'exp(-z)/(1+exp(-z))^2' : '1 - tanh(z)^2';
      const verdict = text(id, inZ);
      expect(verdict.status).toBe('invalid');
      expect(verdict.feedback).toMatch(/using only g, without z/);
      // A wrong answer in z is wrong, and also told about the form.
      const wrong = text(id, `2*${inZ}`);
      expect(wrong.status).toBe('incorrect');
      expect(wrong.feedback).toMatch(/using only g/);
      // And the form asked is still right.
      expect(text(id, id.startsWith('sigmoid') ? 'g(1-g)' : '1 - g^2').status).toBe('correct');
    },
  );

  it('an unknown g points to the names and functions this exercise accepts', () => {
    const verdict = text('sigmoid-derivative-in-z', 'g(1-g)');
    expect(verdict.status).toBe('invalid');
    expect(verdict.feedback).toMatch(
      /This exercise has no `g`: write the answer in `z` and functions such as .*`sigmoid`/,
    );
  });

  it.each([
    ['saturated-tanh-slope', '0.0099', 2],
    ['saturated-tanh-slope', '0.01', 1],
  ])('%s: %s is right to the %i digits given, and told to give more (no attempt)', (id, answer, given) => {
    const verdict = text(id, answer);
    expect(verdict.status).toBe('invalid');
    expect(verdict.feedback).toContain(`right to the ${given} significant digit`);
    expect(verdict.feedback).toContain('Give the value to 3 significant digits');
  });

  it('numeric answers may be exact expressions', () => {
    expect(text('saturated-tanh-slope', '1 - tanh(3)^2').status).toBe('correct');
    expect(text('sigmoid-max-slope', '1/4').status).toBe('correct');
  });
});
