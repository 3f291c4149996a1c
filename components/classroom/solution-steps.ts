/**
 * A worked solution as steps for the projector: one sentence per step, cut at a full stop (or a
 * question or exclamation mark) followed by a space, never inside `$…$` or `$$…$$` math, and never
 * after an abbreviation such as "e.g." or "i.e.". A solution of one sentence is one step.
 */
export function solutionSteps(solution: string): string[] {
  const steps: string[] = [];
  let inMath = false;
  let start = 0;
  for (let i = 0; i < solution.length; i++) {
    const c = solution[i];
    if (c === '\\') {
      i++; // an escaped character (\$ in TeX) neither opens nor closes math
      continue;
    }
    if (c === '$') {
      if (solution[i + 1] === '$') i++;
      inMath = !inMath;
      continue;
    }
    if (inMath || (c !== '.' && c !== '?' && c !== '!')) continue;
    const next = solution[i + 1];
    if (next !== undefined && !/\s/.test(next)) continue;
    if (/\b(?:e\.g|i\.e|cf|vs)\.$/i.test(solution.slice(Math.max(0, i - 4), i + 1))) continue;
    const sentence = solution.slice(start, i + 1).trim();
    if (sentence !== '') steps.push(sentence);
    start = i + 1;
  }
  const rest = solution.slice(start).trim();
  if (rest !== '') steps.push(rest);
  return steps;
}
