import {
  EXERCISE_ID,
  MAX_ANSWER_LENGTH,
  PROGRESS_VERSION,
  appendAttempt,
  migrateEntryV1,
  readEntry,
  repeatsNewest,
  type Attempt,
  type ProgressDocument,
  type ProgressEntry,
} from './progress-schema.ts';
import { PROGRESS_KEY } from './progress-key.ts';

/** The part of the Web Storage API the store uses; `localStorage` fits, and so does a test fake. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Something the student should be told about their saved progress (shown once, politely). */
export interface ProgressNotice {
  kind: 'unavailable' | 'corrupt' | 'old-version' | 'new-version' | 'dropped-entries' | 'write-failed' | 'migrated';
  message: string;
}

/** The outcome of reading a document (from storage or an imported file). */
export interface ReadResult {
  exercises: Record<string, ProgressEntry>;
  notices: ProgressNotice[];
  /** False when the text was not a usable progress document at all. */
  usable: boolean;
}

export interface ImportResult {
  ok: boolean;
  /** Entries taken from the file. */
  imported: number;
  notices: ProgressNotice[];
}

/** One graded submission. */
export interface AttemptInput {
  correct: boolean;
  /** The answer as given (text, or the choice / step indices joined by commas). */
  answer?: string;
  /** The page seed of a seeded exercise, when not the default. */
  seed?: string;
  /** The exercise's revision, when above 1 (see {@link Attempt.revision}). */
  revision?: number;
}

/** What recording an attempt did. */
export interface AttemptOutcome {
  entry: ProgressEntry;
  /**
   * False when the answer (and seed) is the one the newest attempt already recorded: checking the
   * same answer again tells the grader nothing new, so it is not counted again.
   */
  counted: boolean;
}

export interface ProgressStore {
  /** Notices from loading (and later failed writes); the UI shows them once. */
  readonly notices: readonly ProgressNotice[];
  /** The entry for an exercise, if any. */
  get(id: string): ProgressEntry | undefined;
  /** A copy of all entries. */
  all(): Record<string, ProgressEntry>;
  /**
   * Records a graded attempt (with the hints visible now). The score follows from the attempts
   * (see `entryStatus`): once solved, later attempts never change it.
   */
  recordAttempt(id: string, attempt: AttemptInput): AttemptOutcome;
  /** Notes that `count` hints of an exercise are now visible (keeps the maximum). */
  recordHints(id: string, count: number): ProgressEntry;
  /** Forgets everything. */
  reset(): void;
  /** The progress as a JSON document, for a download. */
  exportJSON(): string;
  /**
   * Reads an exported file. `merge` (default) keeps, for each exercise, the more recently updated of
   * the two entries; `replace` discards the current progress first. Invalid entries are dropped with a
   * notice; a file that is not a progress document changes nothing.
   */
  importJSON(text: string, mode?: 'merge' | 'replace'): ImportResult;
  /** Re-reads storage (e.g. after a `storage` event from another tab). */
  reload(): void;
  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: (exercises: Readonly<Record<string, ProgressEntry>>) => void): () => void;
}

export interface ProgressStoreOptions {
  /** Storage key; default {@link PROGRESS_KEY}. */
  key?: string;
  /** Clock, for tests. Default `() => new Date()`. */
  now?: () => Date;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Validates a stored or imported document without ever throwing: unparsable text or an unknown
 * version gives no entries and a notice; a version-1 document is migrated; a known version keeps
 * its valid entries and drops the rest with a notice. Notices describe the document, not what
 * happens to it (the store and the import say that).
 */
export function readProgress(text: string): ReadResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return unusable('corrupt', 'it is not JSON');
  }
  if (!isRecord(raw) || typeof raw['version'] !== 'number' || !isRecord(raw['exercises']))
    return unusable('corrupt', 'it is not a progress file of this site');
  const version = raw['version'];
  if (version > PROGRESS_VERSION) return unusable('new-version', 'it was written by a newer version of this site');
  if (version !== 1 && version !== PROGRESS_VERSION)
    return unusable('old-version', 'it is from a version of this site that is no longer read');
  const readOne = version === 1 ? migrateEntryV1 : readEntry;
  const exercises: Record<string, ProgressEntry> = {};
  let dropped = 0;
  for (const [id, value] of Object.entries(raw['exercises'])) {
    const entry = readOne(value);
    if (EXERCISE_ID.test(id) && entry !== undefined) exercises[id] = entry;
    else dropped++;
  }
  const notices: ProgressNotice[] = [];
  if (dropped > 0)
    notices.push({
      kind: 'dropped-entries',
      message: `${dropped} saved ${dropped === 1 ? 'entry was' : 'entries were'} unreadable and ${dropped === 1 ? 'was' : 'were'} left out; the rest is kept.`,
    });
  if (version === 1 && Object.keys(exercises).length > 0)
    notices.push({
      kind: 'migrated',
      message:
        'Progress saved by an earlier version of this site was converted; its last answers are shown again without a verdict, so check them once more.',
    });
  return { exercises, notices, usable: true };
}

/** Why a document cannot be used at all, as a reason ("it is not JSON") that callers put in context. */
function unusable(kind: 'corrupt' | 'old-version' | 'new-version', reason: string): ReadResult {
  return { exercises: {}, usable: false, notices: [{ kind, message: reason }] };
}

/**
 * The one progress store. `storage` is `localStorage` in the browser (pass `undefined` when even
 * touching it throws, as in some privacy modes); every storage call is guarded, so a full, missing
 * or broken storage degrades to progress kept for this page view only, with a notice. Never throws.
 */
export function createProgressStore(
  storage: StorageLike | undefined,
  options: ProgressStoreOptions = {},
): ProgressStore {
  const key = options.key ?? PROGRESS_KEY;
  const now = options.now ?? (() => new Date());
  const notices: ProgressNotice[] = [];
  const listeners = new Set<(exercises: Readonly<Record<string, ProgressEntry>>) => void>();
  let exercises: Record<string, ProgressEntry> = {};
  let writable = storage !== undefined;

  const notice = (n: ProgressNotice) => {
    if (!notices.some((m) => m.kind === n.kind)) notices.push(n);
  };
  const unavailable = () => {
    writable = false;
    notice({
      kind: 'unavailable',
      message: 'Progress cannot be saved in this browser; it lasts until you leave the page.',
    });
  };

  function load(): void {
    if (storage === undefined) return unavailable();
    let text: string | null;
    try {
      text = storage.getItem(key);
    } catch {
      return unavailable();
    }
    if (text === null) {
      exercises = {};
      return;
    }
    const result = readProgress(text);
    exercises = result.exercises;
    for (const n of result.notices)
      notice(
        result.usable
          ? n
          : {
              kind: n.kind,
              message: `Your saved progress could not be read (${n.message}), so it starts fresh; the old copy is kept in this browser.`,
            },
      );
    if (!result.usable || result.notices.some((n) => n.kind === 'dropped-entries')) {
      // Keep the text under a backup key before the next save overwrites it: all of it when it is
      // unreadable, and also when only some entries were (the next save would write the rest alone).
      try {
        storage.setItem(`${key}:backup`, text);
      } catch {
        // Nothing more to do: the notice already tells the student progress starts fresh.
      }
    }
  }

  function save(): void {
    if (writable && storage !== undefined) {
      try {
        storage.setItem(key, JSON.stringify(document()));
      } catch {
        writable = false;
        notice({ kind: 'write-failed', message: 'Progress could not be saved (storage is full or blocked).' });
      }
    }
    emit();
  }

  function emit(): void {
    const snapshot = { ...exercises };
    for (const listener of listeners) {
      try {
        listener(snapshot);
      } catch {
        // A broken subscriber must not stop the others or the exercise that saved.
      }
    }
  }

  const document = (): ProgressDocument => ({ version: PROGRESS_VERSION, exercises });
  const blank = (): ProgressEntry => ({ attempts: [], omitted: 0, hintsUsed: 0, updatedAt: now().toISOString() });

  load();

  return {
    notices,
    get: (id) => exercises[id],
    all: () => ({ ...exercises }),
    recordAttempt(id, attempt) {
      const before = exercises[id] ?? blank();
      const answer = attempt.answer?.slice(0, MAX_ANSWER_LENGTH);
      const revision = attempt.revision !== undefined && attempt.revision > 1 ? attempt.revision : undefined;
      if (repeatsNewest(before, answer, { seed: attempt.seed, revision })) return { entry: before, counted: false };
      const recorded: Attempt = {
        correct: attempt.correct,
        hints: before.hintsUsed,
        at: now().toISOString(),
        ...(attempt.seed === undefined ? {} : { seed: attempt.seed }),
        ...(revision === undefined ? {} : { revision }),
        ...(answer === undefined ? {} : { answer }),
      };
      const entry = appendAttempt(before, recorded);
      exercises = { ...exercises, [id]: entry };
      save();
      return { entry, counted: true };
    },
    recordHints(id, count) {
      const before = exercises[id] ?? blank();
      const hintsUsed = Math.max(before.hintsUsed, Math.max(0, Math.floor(count)));
      if (hintsUsed === before.hintsUsed && exercises[id] !== undefined) return before;
      const entry: ProgressEntry = { ...before, hintsUsed, updatedAt: now().toISOString() };
      exercises = { ...exercises, [id]: entry };
      save();
      return entry;
    },
    reset() {
      exercises = {};
      if (storage !== undefined) {
        try {
          storage.removeItem(key);
        } catch {
          // Storage is unreachable; the in-memory progress is cleared all the same.
        }
      }
      save();
    },
    exportJSON: () => JSON.stringify({ ...document(), exportedAt: now().toISOString() }, null, 2),
    importJSON(text, mode = 'merge') {
      const result = readProgress(text);
      if (!result.usable)
        return {
          ok: false,
          imported: 0,
          notices: result.notices.map((n) => ({
            kind: n.kind,
            message: `This file cannot be imported: ${n.message}. Your saved progress is unchanged.`,
          })),
        };
      const merged: Record<string, ProgressEntry> = mode === 'replace' ? {} : { ...exercises };
      for (const [id, entry] of Object.entries(result.exercises)) {
        const current = merged[id];
        if (current === undefined || Date.parse(entry.updatedAt) >= Date.parse(current.updatedAt)) merged[id] = entry;
      }
      exercises = merged;
      save();
      return { ok: true, imported: Object.keys(result.exercises).length, notices: result.notices };
    },
    reload() {
      load();
      emit();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
