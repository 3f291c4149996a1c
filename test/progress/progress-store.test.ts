import { describe, expect, it } from 'vitest';
import {
  BACKUP_KEY,
  PROGRESS_KEY,
  createProgressStore,
  readProgress,
  entryStatus,
  scoreFor,
  type StorageLike,
} from '../../src/progress/index.ts';

/** An in-memory Storage; `failOn` makes chosen methods throw, as a blocked or full localStorage does. */
function fakeStorage(initial: Record<string, string> = {}, failOn: ReadonlySet<keyof StorageLike> = new Set()) {
  const data = new Map(Object.entries(initial));
  const storage: StorageLike = {
    getItem(key) {
      if (failOn.has('getItem')) throw new Error('SecurityError');
      return data.get(key) ?? null;
    },
    setItem(key, value) {
      if (failOn.has('setItem')) throw new Error('QuotaExceededError');
      data.set(key, value);
    },
    removeItem(key) {
      if (failOn.has('removeItem')) throw new Error('SecurityError');
      data.delete(key);
    },
  };
  return { storage, data };
}

const clock = (start = Date.UTC(2026, 0, 1)) => {
  let t = start;
  return () => new Date((t += 1000));
};

const AT = '2026-01-01T00:00:00.000Z';
/** A stored version-2 entry: one wrong attempt, then a right one with one hint visible. */
const entry = (over: Record<string, unknown> = {}) => ({
  attempts: [
    { correct: false, hints: 0, at: AT },
    { correct: true, hints: 1, at: AT, answer: 'g(1-g)' },
  ],
  omitted: 0,
  hintsUsed: 1,
  updatedAt: AT,
  ...over,
});
/** A version-1 entry, as the first release stored it. */
const entryV1 = (over: Record<string, unknown> = {}) => ({
  attempts: 2,
  correct: true,
  score: 0.8,
  hintsUsed: 0,
  lastAnswer: 'g(1-g)',
  updatedAt: AT,
  ...over,
});

const doc = (exercises: Record<string, unknown>, version: unknown = 2) => JSON.stringify({ version, exercises });
const status = (store: { get(id: string): Parameters<typeof entryStatus>[0] }, id: string) =>
  entryStatus(store.get(id));

describe('scoreFor', () => {
  it.each([
    [true, 0, 0, 1],
    [true, 1, 0, 0.8],
    [true, 0, 2, 0.8],
    [true, 2, 1, 0.5],
    [true, 10, 5, 0.2],
    [false, 0, 0, 0],
  ])('correct=%s after %i wrong with %i hints scores %f', (correct, wrong, hints, expected) => {
    expect(scoreFor(correct, wrong, hints)).toBeCloseTo(expected, 12);
  });
});

describe('createProgressStore', () => {
  it('starts empty without notices when nothing is stored', () => {
    const { storage } = fakeStorage();
    const store = createProgressStore(storage);
    expect(store.all()).toEqual({});
    expect(store.notices).toEqual([]);
  });

  it('records attempts with the hints visible, scores the first correct one, and persists under a stable key', () => {
    const { storage, data } = fakeStorage();
    const store = createProgressStore(storage, { now: clock() });
    store.recordAttempt('sigmoid-derivative', { correct: false, answer: 'e^-z' });
    store.recordHints('sigmoid-derivative', 1);
    const right = store.recordAttempt('sigmoid-derivative', { correct: true, answer: 'g(1-g)' });
    expect(right.counted).toBe(true);
    expect(entryStatus(right.entry)).toMatchObject({ attempts: 2, solved: true, solvedOnAttempt: 2 });
    expect(entryStatus(right.entry).score).toBeCloseTo(0.7, 12); // one wrong attempt (−0.2) and one hint (−0.1)
    const later = store.recordAttempt('sigmoid-derivative', { correct: false, answer: 'oops' });
    expect(entryStatus(later.entry)).toMatchObject({
      attempts: 3,
      solved: true,
      last: { correct: false, answer: 'oops' },
    });
    expect(entryStatus(later.entry).score).toBeCloseTo(0.7, 12);
    // Only the newest attempt keeps its answer.
    expect(later.entry.attempts.map((a) => a.answer)).toEqual([undefined, undefined, 'oops']);
    const saved = JSON.parse(data.get(PROGRESS_KEY) ?? 'null') as { version: number; exercises: object };
    expect(saved.version).toBe(2);
    expect(Object.keys(saved.exercises)).toEqual(['sigmoid-derivative']);
    // A second store (a reload) sees the same progress.
    expect(createProgressStore(storage).get('sigmoid-derivative')).toEqual(later.entry);
  });

  it('does not count the same answer checked again, so re-checking a right answer cannot raise the score', () => {
    const store = createProgressStore(fakeStorage().storage, { now: clock() });
    store.recordAttempt('a', { correct: false, answer: 'x1' });
    store.recordAttempt('a', { correct: false, answer: 'x2' });
    store.recordAttempt('a', { correct: true, answer: 'g*(1-g)' });
    expect(status(store, 'a').score).toBeCloseTo(0.6, 12);
    const again = store.recordAttempt('a', { correct: true, answer: 'g*(1-g)' });
    expect(again.counted).toBe(false);
    expect(status(store, 'a')).toMatchObject({ attempts: 3, solved: true });
    expect(status(store, 'a').score).toBeCloseTo(0.6, 12);
    // Another right form after solving is counted, and still changes nothing in the score.
    store.recordAttempt('a', { correct: true, answer: 'g - g^2' });
    expect(status(store, 'a').attempts).toBe(4);
    expect(status(store, 'a').score).toBeCloseTo(0.6, 12);
    // The same text for other numbers (another seed) is a new attempt.
    expect(store.recordAttempt('a', { correct: false, answer: 'g - g^2', seed: 'x9' }).counted).toBe(true);
    // So is the same text for the same seed of a new revision of the exercise (its numbers changed).
    const revised = store.recordAttempt('a', { correct: true, answer: 'g - g^2', seed: 'x9', revision: 2 });
    expect(revised.counted).toBe(true);
    expect(revised.entry.attempts.at(-1)).toMatchObject({ seed: 'x9', revision: 2 });
    expect(store.recordAttempt('a', { correct: true, answer: 'g - g^2', seed: 'x9', revision: 2 }).counted).toBe(false);
    // Revision 1 is the default and is not written.
    expect(store.recordAttempt('b', { correct: true, answer: '1', revision: 1 }).entry.attempts[0]).not.toHaveProperty(
      'revision',
    );
  });

  it('keeps the most hints ever revealed', () => {
    const store = createProgressStore(fakeStorage().storage);
    store.recordHints('a', 2);
    expect(store.recordHints('a', 1).hintsUsed).toBe(2);
  });

  it.each([
    ['not JSON', '{{{', 'corrupt'],
    ['a JSON array', '[1,2]', 'corrupt'],
    ['no version', JSON.stringify({ exercises: {} }), 'corrupt'],
    ['exercises not an object', JSON.stringify({ version: 2, exercises: [] }), 'corrupt'],
    ['an old version', doc({ a: entry() }, 0), 'old-version'],
    ['a newer version', doc({ a: entry() }, 3), 'new-version'],
  ])('starts fresh with a notice and a backup when storage holds %s', (_label, text, kind) => {
    const { storage, data } = fakeStorage({ [PROGRESS_KEY]: text });
    const store = createProgressStore(storage);
    expect(store.all()).toEqual({});
    expect(store.notices.map((n) => n.kind)).toEqual([kind]);
    expect(data.get(BACKUP_KEY)).toBe(text);
    expect(store.notices[0]?.message).toMatch(/^Your saved progress could not be read \(.+\), so it starts fresh/);
    // And it keeps working.
    expect(entryStatus(store.recordAttempt('a', { correct: true }).entry).attempts).toBe(1);
  });

  it('keeps valid entries and drops invalid ones with one notice', () => {
    const text = doc({
      good: entry(),
      'also-good': entry({ attempts: [] }),
      negative: entry({ hintsUsed: -1 }),
      'bad-attempt': entry({ attempts: [{ correct: 'yes', hints: 0, at: AT }] }),
      'revision-1': entry({ attempts: [{ correct: true, hints: 0, at: AT, revision: 1 }] }),
      'revision-text': entry({ attempts: [{ correct: true, hints: 0, at: AT, revision: '2' }] }),
      'revised-good': entry({ attempts: [{ correct: true, hints: 0, at: AT, revision: 2 }] }),
      'attempt-newer-field': entry({ attempts: [{ correct: true, hints: 0, at: AT, graderVersion: 7 }] }),
      'newer-field': entry({ surprise: true }),
      'Not Kebab': entry(),
      'no-date': entry({ updatedAt: 'yesterday' }),
      scalar: 5,
    });
    const store = createProgressStore(fakeStorage({ [PROGRESS_KEY]: text }).storage);
    // Fields a newer copy of the site may add are ignored (refusing them would drop the entry, and the
    // next save would write the rest back without it); revision 1, the default, reads as absent.
    expect(Object.keys(store.all()).sort()).toEqual([
      'also-good',
      'attempt-newer-field',
      'good',
      'newer-field',
      'revised-good',
      'revision-1',
    ]);
    expect(store.get('revision-1')?.attempts[0]).not.toHaveProperty('revision');
    expect(store.get('attempt-newer-field')?.attempts[0]).not.toHaveProperty('graderVersion');
    expect(store.notices).toHaveLength(1);
    expect(store.notices[0]?.kind).toBe('dropped-entries');
    expect(store.notices[0]?.message).toMatch(/^6 saved entries were unreadable/);
  });

  it.each([
    ['getItem', new Set(['getItem'] as const), 'unavailable'],
    ['setItem', new Set(['setItem'] as const), 'write-failed'],
  ])('works in memory when %s throws', (_label, failOn, kind) => {
    const store = createProgressStore(fakeStorage({}, failOn).storage);
    expect(() => store.recordAttempt('a', { correct: true })).not.toThrow();
    expect(status(store, 'a').solved).toBe(true);
    expect(store.notices.map((n) => n.kind)).toContain(kind);
  });

  it('works in memory without any storage', () => {
    const store = createProgressStore(undefined);
    store.recordAttempt('a', { correct: false });
    expect(status(store, 'a').attempts).toBe(1);
    expect(store.notices.map((n) => n.kind)).toEqual(['unavailable']);
  });

  it('resets, even when removeItem throws', () => {
    const { storage, data } = fakeStorage();
    const store = createProgressStore(storage);
    store.recordAttempt('a', { correct: true });
    store.reset();
    expect(store.all()).toEqual({});
    expect(createProgressStore(storage).all()).toEqual({});
    expect(JSON.parse(data.get(PROGRESS_KEY) ?? '{}')).toEqual({ version: 2, exercises: {} });
    const broken = createProgressStore(fakeStorage({}, new Set(['removeItem'] as const)).storage);
    broken.recordAttempt('a', { correct: true });
    expect(() => broken.reset()).not.toThrow();
    expect(broken.all()).toEqual({});
  });

  it('notifies subscribers until they unsubscribe, and survives a throwing subscriber', () => {
    const store = createProgressStore(fakeStorage().storage);
    const seen: string[][] = [];
    store.subscribe(() => {
      throw new Error('broken widget');
    });
    const off = store.subscribe((all) => seen.push(Object.keys(all)));
    store.recordAttempt('a', { correct: true });
    store.recordHints('b', 1);
    off();
    store.recordAttempt('c', { correct: true });
    expect(seen).toEqual([['a'], ['a', 'b']]);
  });

  it('round-trips through export and import (replace)', () => {
    const source = createProgressStore(fakeStorage().storage, { now: clock() });
    source.recordAttempt('a', { correct: true, answer: '1/4' });
    source.recordHints('b', 2);
    const file = source.exportJSON();
    expect(JSON.parse(file)).toHaveProperty('exportedAt');
    const target = createProgressStore(fakeStorage().storage);
    target.recordAttempt('c', { correct: false });
    const result = target.importJSON(file, 'replace');
    expect(result).toEqual({ ok: true, imported: 2, notices: [] });
    expect(target.all()).toEqual(source.all());
  });

  it('merges an import by keeping the more recent entry per exercise', () => {
    const store = createProgressStore(fakeStorage().storage, { now: () => new Date('2026-03-01T00:00:00Z') });
    store.recordAttempt('mine', { correct: true });
    store.recordAttempt('both', { correct: false });
    const file = doc({
      both: entry({ updatedAt: '2026-04-01T00:00:00.000Z' }),
      theirs: entry(),
      stale: entry(),
    });
    store.recordAttempt('stale', { correct: false });
    const result = store.importJSON(file);
    expect(result.ok).toBe(true);
    expect(Object.keys(store.all()).sort()).toEqual(['both', 'mine', 'stale', 'theirs']);
    expect(status(store, 'both').solved).toBe(true); // the imported one is newer
    expect(status(store, 'stale').solved).toBe(false); // ours is newer (March vs January)
  });

  it('refuses a file that is not a progress document and changes nothing', () => {
    const store = createProgressStore(fakeStorage().storage);
    store.recordAttempt('a', { correct: true });
    const before = store.all();
    const result = store.importJSON('<html>not json</html>');
    expect(result.ok).toBe(false);
    expect(result.notices[0]?.kind).toBe('corrupt');
    // Says what happened: nothing was imported, and the saved progress is untouched.
    expect(result.notices[0]?.message).toBe(
      'This file cannot be imported: it is not JSON. Your saved progress is unchanged.',
    );
    expect(result.notices[0]?.message).not.toMatch(/starts fresh/);
    expect(store.all()).toEqual(before);
    expect(store.notices).toEqual([]);
  });

  it('reload picks up a change made by another tab', () => {
    const { storage } = fakeStorage();
    const here = createProgressStore(storage);
    const there = createProgressStore(storage);
    there.recordAttempt('a', { correct: true });
    expect(here.get('a')).toBeUndefined();
    here.reload();
    expect(status(here, 'a').solved).toBe(true);
  });
});

describe('readProgress', () => {
  it('accepts an exported file with exportedAt', () => {
    const result = readProgress(
      JSON.stringify({ version: 2, exportedAt: '2026-01-01T00:00:00Z', exercises: { a: entry() } }),
    );
    expect(result.usable).toBe(true);
    expect(Object.keys(result.exercises)).toEqual(['a']);
  });

  it.each([
    // [v1 fields, attempts, solved, score]
    [{ attempts: 1, correct: true, score: 1, hintsUsed: 0 }, 1, true, 1],
    [{ attempts: 3, correct: true, score: 0.6, hintsUsed: 0 }, 3, true, 0.6],
    [{ attempts: 4, correct: true, score: 0.5, hintsUsed: 1 }, 4, true, 0.5],
    [{ attempts: 9, correct: true, score: 0.2, hintsUsed: 3 }, 9, true, 0.2],
    [{ attempts: 2, correct: false, score: 0, hintsUsed: 2 }, 2, false, 0],
  ])('migrates version 1 %j to the attempts it implies, keeping its score', (fields, attempts, solved, score) => {
    const result = readProgress(doc({ a: entryV1(fields) }, 1));
    expect(result.usable).toBe(true);
    const migrated = entryStatus(result.exercises['a']);
    expect(migrated).toMatchObject({ attempts, solved });
    expect(migrated.score).toBeCloseTo(score, 12);
    // The last answer's verdict was never stored: it comes back as a draft, not under "Correct".
    expect(result.exercises['a']?.draft).toBe('g(1-g)');
    expect(migrated.last?.answer).toBeUndefined();
    expect(result.notices.map((n) => n.kind)).toEqual(['migrated']);
  });

  it('drops a version-1 entry that claims a correct answer without attempts', () => {
    const result = readProgress(doc({ a: entryV1({ attempts: 0 }) }, 1));
    expect(result.exercises).toEqual({});
    expect(result.notices[0]?.kind).toBe('dropped-entries');
  });
});
