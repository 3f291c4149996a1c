/** The minimum a lesson entry needs for ordering and navigation. */
export interface OrderedLesson {
  id: string;
  data: { order: number; draft: boolean; title: string };
}

/**
 * The published course: lessons sorted by `order`, drafts left out in production.
 * Throws when two lessons share an order, since previous/next would then be ambiguous.
 */
export function courseOrder<T extends OrderedLesson>(lessons: readonly T[], includeDrafts = false): T[] {
  const sorted = lessons.filter((l) => includeDrafts || !l.data.draft).sort((a, b) => a.data.order - b.data.order);
  for (let i = 1; i < sorted.length; i++) {
    const [prev, cur] = [sorted[i - 1], sorted[i]];
    if (prev && cur && prev.data.order === cur.data.order) {
      throw new Error(`Lessons "${prev.id}" and "${cur.id}" both have order ${cur.data.order}; orders must be unique.`);
    }
  }
  return sorted;
}

/** The lessons before and after `id` in course order (undefined at either end). */
export function neighbours<T extends OrderedLesson>(ordered: readonly T[], id: string): { previous?: T; next?: T } {
  const index = ordered.findIndex((l) => l.id === id);
  if (index < 0) return {};
  const previous = ordered[index - 1];
  const next = ordered[index + 1];
  return { ...(previous ? { previous } : {}), ...(next ? { next } : {}) };
}
