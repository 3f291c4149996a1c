import type { GradeResult } from './verdict.ts';

export interface Choice {
  /** Stable id (progress is stored under it). */
  readonly id: string;
  readonly correct: boolean;
  /** Shown when this choice is selected and wrong (or, for a correct choice, when it is missed). */
  readonly feedback?: string;
}

export interface ChoiceSpec {
  readonly choices: readonly Choice[];
  /** Several choices may be correct and the student selects all that apply. */
  readonly multiple: boolean;
}

export interface ChoiceResult extends GradeResult {
  /** Selected ids that are wrong. */
  readonly wrong: readonly string[];
  /** Correct ids that were not selected. */
  readonly missed: readonly string[];
}

/**
 * Grades a multiple-choice answer. `invalid` (no attempt used) when nothing is selected, when a
 * single-answer question gets several selections, or for an id the question does not have.
 * Correct when the selected set is exactly the correct set. Feedback joins the feedback of the
 * wrong selections, then says how many correct choices are missing.
 */
export function gradeChoice(selected: readonly string[], spec: ChoiceSpec): ChoiceResult {
  const byId = new Map(spec.choices.map((c) => [c.id, c]));
  const chosen = [...new Set(selected)];
  const none = { wrong: [], missed: [] };
  if (chosen.length === 0)
    return {
      status: 'invalid',
      feedback: spec.multiple ? 'Select at least one answer.' : 'Select an answer.',
      ...none,
    };
  if (!spec.multiple && chosen.length > 1) return { status: 'invalid', feedback: 'Select only one answer.', ...none };
  if (chosen.some((id) => !byId.has(id)))
    return { status: 'invalid', feedback: 'That choice is not part of this question.', ...none };

  const wrong = chosen.filter((id) => byId.get(id)?.correct !== true);
  const missed = spec.choices.filter((c) => c.correct && !chosen.includes(c.id)).map((c) => c.id);
  if (wrong.length === 0 && missed.length === 0) {
    const praise = chosen.map((id) => byId.get(id)?.feedback).filter((f): f is string => f !== undefined);
    return { status: 'correct', feedback: ['Correct.', ...praise].join(' '), wrong, missed };
  }
  const parts = wrong.map((id) => byId.get(id)?.feedback).filter((f): f is string => f !== undefined);
  if (spec.multiple) {
    if (wrong.length > 0 && parts.length === 0)
      parts.push(`${wrong.length === 1 ? 'One of your choices is' : `${wrong.length} of your choices are`} not right.`);
    if (missed.length > 0)
      parts.push(`${missed.length === 1 ? 'One correct answer is' : `${missed.length} correct answers are`} missing.`);
  } else if (parts.length === 0) {
    parts.push('Not this one.');
  }
  return { status: 'incorrect', feedback: parts.join(' '), wrong, missed };
}
