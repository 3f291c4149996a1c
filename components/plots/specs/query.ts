/**
 * URL state, scoped per widget: widget `w` stores key `z` as the query parameter `w.z`
 * (e.g. `?sigmoid-plot.z=4&sigmoid-plot.eps=0.01`). Readers ignore anything missing or malformed
 * and clamp numbers to the control's range, so a hand-edited link cannot break a widget.
 */

/** Looks up one key of this widget's state; `null` when absent. */
export type QueryReader = (key: string) => string | null;

/** A reader for widget `id` over a query string. */
export function queryReader(search: URLSearchParams, id: string): QueryReader {
  return (key) => search.get(`${id}.${key}`);
}

/** Write a widget's state into `search` under its prefix (in place). */
export function writeQuery(search: URLSearchParams, id: string, entries: Readonly<Record<string, string>>): void {
  for (const [key, value] of Object.entries(entries)) search.set(`${id}.${key}`, value);
}

export function clamp(x: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, x));
}

/** A finite number from the query, clamped to [min, max]; `undefined` if absent or not a number. */
export function queryNumber(read: QueryReader, key: string, min: number, max: number): number | undefined {
  const text = read(key);
  if (text === null || text.trim() === '') return undefined;
  const x = Number(text);
  return Number.isFinite(x) ? clamp(x, min, max) : undefined;
}

/** One of `choices`, or `undefined`. */
export function queryChoice<T extends string>(read: QueryReader, key: string, choices: readonly T[]): T | undefined {
  const text = read(key);
  return choices.find((c) => c === text);
}

/** A comma-separated list of `choices` (unknown entries dropped, duplicates removed); `undefined` if absent or empty. */
export function queryList<T extends string>(read: QueryReader, key: string, choices: readonly T[]): T[] | undefined {
  const text = read(key);
  if (text === null) return undefined;
  const out: T[] = [];
  for (const part of text.split(',')) {
    const found = choices.find((c) => c === part.trim());
    if (found !== undefined && !out.includes(found)) out.push(found);
  }
  return out.length > 0 ? out : undefined;
}

/** A number for a URL: at most 4 decimals, no trailing zeros (`4`, `0.01`, `-2.35`). */
export function urlNumber(x: number): string {
  return String(Math.round(x * 1e4) / 1e4);
}
