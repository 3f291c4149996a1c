// Its own module, importing only the seeded draws: the practice page picks its set at load, before
// (and without) the parser and math core that instantiate.ts needs to fill exercise templates.
import { drawParameters } from '../../src/grading/draw-parameters.ts';

/**
 * Which exercises a practice set shows: `count` ids drawn without replacement by the seed, taking
 * from each lesson in turn so the set mixes lessons; returned in course order.
 */
export function pickPractice(
  lessons: readonly { lesson: string; ids: readonly string[] }[],
  seed: string,
  count: number,
): string[] {
  const pools = lessons.map((l) => [...l.ids]);
  const picked = new Set<string>();
  // One uniform draw in [0, 1) per pick (and one for the starting lesson), from the seeded drawParameters.
  const draws = drawParameters(
    `practice:${seed}`,
    Object.fromEntries(Array.from({ length: count + 1 }, (_, i) => [`u${i}`, { min: 0, max: 1 }])),
  );
  let lesson = Math.floor((draws['u0'] ?? 0) * pools.length);
  let round = 1;
  while (picked.size < count && pools.some((p) => p.length > 0)) {
    const pool = pools[lesson % pools.length];
    if (pool && pool.length > 0) {
      const [id] = pool.splice(Math.floor((draws[`u${round}`] ?? 0) * pool.length), 1);
      if (id !== undefined) picked.add(id);
      round++;
    }
    lesson++;
  }
  const courseOrder = lessons.flatMap((l) => l.ids);
  return courseOrder.filter((id) => picked.has(id));
}
