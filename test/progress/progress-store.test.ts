import { describe, expect, it } from 'vitest';
import {
  BACKUP_KEY,
  PROGRESS_KEY,
  createProgressStore,
  readProgress,
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

const entry = (over: Record<string, unknown> = {}) => ({
  attempts: 2,
  correct: true,
  score: 0.8,
  hintsUsed: 1,
  lastAnswer: 'g(1-g)',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...over,
});

const doc = (exercises: Record<string, unknown>, version: unknown = 1) => JSON.stringify({ version, exercises });

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

  it('counts attempts, keeps correct and the best score, and persists under a stable key', () => {
    const { storage, data } = fakeStorage();
    const store = createProgressStore(storage, { now: clock() });
    store.recordAttempt('sigmoid-derivative', { correct: false, answer: 'e^-z' });
    store.recordHints('sigmoid-derivative', 1);
    const right = store.recordAttempt('sigmoid-derivative', { correct: true, answer: 'g(1-g)' });
    expect(right).toMatchObject({ attempts: 2, correct: true, hintsUsed: 1, lastAnswer: 'g(1-g)' });
    expect(right.score).toBeCloseTo(0.7, 12); // one wrong attempt (−0.2) and one hint (−0.1)
    const later = store.recordAttempt('sigmoid-derivative', { correct: false, answer: 'oops' });
    expect(later.correct).toBe(true);
    expect(later.score).toBeCloseTo(0.7, 12);
    const saved = JSON.parse(data.get(PROGRESS_KEY) ?? 'null') as { version: number; exercises: object };
    expect(saved.version).toBe(1);
    expect(Object.keys(saved.exercises)).toEqual(['sigmoid-derivative']);
    // A second store (a reload) sees the same progress.
    expect(createProgressStore(storage).get('sigmoid-derivative')).toEqual(later);
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
    ['exercises not an object', JSON.stringify({ version: 1, exercises: [] }), 'corrupt'],
    ['an old version', doc({ a: entry() }, 0), 'old-version'],
    ['a newer version', doc({ a: entry() }, 2), 'new-version'],
  ])('starts fresh with a notice and a backup when storage holds %s', (_label, text, kind) => {
    const { storage, data } = fakeStorage({ [PROGRESS_KEY]: text });
    const store = createProgressStore(storage);
    expect(store.all()).toEqual({});
    expect(store.notices.map((n) => n.kind)).toEqual([kind]);
    expect(data.get(BACKUP_KEY)).toBe(text);
    // And it keeps working.
    expect(store.recordAttempt('a', { correct: true }).attempts).toBe(1);
  });

  it('keeps valid entries and drops invalid ones with one notice', () => {
    const text = doc({
      good: entry(),
      'also-good': entry({ lastAnswer: undefined }),
      negative: entry({ attempts: -1 }),
      'bad-score': entry({ score: 2 }),
      extra: entry({ surprise: true }),
      'Not Kebab': entry(),
      'no-date': entry({ updatedAt: 'yesterday' }),
      scalar: 5,
    });
    const store = createProgressStore(fakeStorage({ [PROGRESS_KEY]: text }).storage);
    expect(Object.keys(store.all()).sort()).toEqual(['also-good', 'good']);
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
    expect(store.get('a')?.correct).toBe(true);
    expect(store.notices.map((n) => n.kind)).toContain(kind);
  });

  it('works in memory without any storage', () => {
    const store = createProgressStore(undefined);
    store.recordAttempt('a', { correct: false });
    expect(store.get('a')?.attempts).toBe(1);
    expect(store.notices.map((n) => n.kind)).toEqual(['unavailable']);
  });

  it('resets, even when removeItem throws', () => {
    const { storage, data } = fakeStorage();
    const store = createProgressStore(storage);
    store.recordAttempt('a', { correct: true });
    store.reset();
    expect(store.all()).toEqual({});
    expect(createProgressStore(storage).all()).toEqual({});
    expect(JSON.parse(data.get(PROGRESS_KEY) ?? '{}')).toEqual({ version: 1, exercises: {} });
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
    expect(store.get('both')?.correct).toBe(true); // the imported one is newer
    expect(store.get('stale')?.correct).toBe(false); // ours is newer (March vs January)
  });

  it('refuses a file that is not a progress document and changes nothing', () => {
    const store = createProgressStore(fakeStorage().storage);
    store.recordAttempt('a', { correct: true });
    const before = store.all();
    const result = store.importJSON('<html>not json</html>');
    expect(result.ok).toBe(false);
    expect(result.notices[0]?.kind).toBe('corrupt');
    expect(store.all()).toEqual(before);
  });

  it('reload picks up a change made by another tab', () => {
    const { storage } = fakeStorage();
    const here = createProgressStore(storage);
    const there = createProgressStore(storage);
    there.recordAttempt('a', { correct: true });
    expect(here.get('a')).toBeUndefined();
    here.reload();
    expect(here.get('a')?.correct).toBe(true);
  });
});

describe('readProgress', () => {
  it('accepts an exported file with exportedAt', () => {
    const result = readProgress(
      JSON.stringify({ version: 1, exportedAt: '2026-01-01T00:00:00Z', exercises: { a: entry() } }),
    );
    expect(result.usable).toBe(true);
    expect(Object.keys(result.exercises)).toEqual(['a']);
  });
});
