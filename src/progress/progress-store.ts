import {
  PROGRESS_VERSION,
  exerciseIdSchema,
  progressEntrySchema,
  scoreFor,
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
  kind: 'unavailable' | 'corrupt' | 'old-version' | 'new-version' | 'dropped-entries' | 'write-failed';
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
  answer?: string;
}

export interface ProgressStore {
  /** Notices from loading (and later failed writes); the UI shows them once. */
  readonly notices: readonly ProgressNotice[];
  /** The entry for an exercise, if any. */
  get(id: string): ProgressEntry | undefined;
  /** A copy of all entries. */
  all(): Record<string, ProgressEntry>;
  /** Counts a graded attempt. Once correct, an exercise stays correct and keeps its best score. */
  recordAttempt(id: string, attempt: AttemptInput): ProgressEntry;
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
 * version gives no entries and a notice; a version-1 document keeps its valid entries and drops
 * the rest with a notice.
 */
export function readProgress(text: string): ReadResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return corrupt();
  }
  if (!isRecord(raw) || typeof raw['version'] !== 'number') return corrupt();
  const version = raw['version'];
  if (version > PROGRESS_VERSION)
    return {
      exercises: {},
      usable: false,
      notices: [
        {
          kind: 'new-version',
          message: 'Your saved progress was written by a newer version of this site, so it starts fresh here.',
        },
      ],
    };
  // No migrations exist yet: version 1 is the first. An older (or non-integer) version cannot be read.
  if (version !== PROGRESS_VERSION)
    return {
      exercises: {},
      usable: false,
      notices: [
        { kind: 'old-version', message: 'Your saved progress is from an old version of this site and starts fresh.' },
      ],
    };
  const stored = raw['exercises'];
  if (!isRecord(stored)) return corrupt();
  const exercises: Record<string, ProgressEntry> = {};
  let dropped = 0;
  for (const [id, value] of Object.entries(stored)) {
    const entry = progressEntrySchema.safeParse(value);
    if (exerciseIdSchema.safeParse(id).success && entry.success) exercises[id] = entry.data;
    else dropped++;
  }
  const notices: ProgressNotice[] =
    dropped > 0
      ? [
          {
            kind: 'dropped-entries',
            message: `${dropped} saved ${dropped === 1 ? 'entry was' : 'entries were'} unreadable and ${dropped === 1 ? 'was' : 'were'} dropped; the rest of your progress is kept.`,
          },
        ]
      : [];
  return { exercises, notices, usable: true };
}

function corrupt(): ReadResult {
  return {
    exercises: {},
    usable: false,
    notices: [{ kind: 'corrupt', message: 'Your saved progress could not be read, so it starts fresh.' }],
  };
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
    result.notices.forEach(notice);
    if (!result.usable) {
      // Keep the unreadable text under a backup key before it is overwritten by the next save.
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
  const blank = (): ProgressEntry => ({
    attempts: 0,
    correct: false,
    score: 0,
    hintsUsed: 0,
    updatedAt: now().toISOString(),
  });

  load();

  return {
    notices,
    get: (id) => exercises[id],
    all: () => ({ ...exercises }),
    recordAttempt(id, attempt) {
      const before = exercises[id] ?? blank();
      const wrongBefore = before.correct ? 0 : before.attempts;
      const score = scoreFor(attempt.correct, wrongBefore, before.hintsUsed);
      const entry: ProgressEntry = {
        attempts: before.attempts + 1,
        correct: before.correct || attempt.correct,
        score: Math.max(before.score, score),
        hintsUsed: before.hintsUsed,
        updatedAt: now().toISOString(),
        ...(attempt.answer !== undefined ? { lastAnswer: attempt.answer.slice(0, 500) } : {}),
      };
      exercises = { ...exercises, [id]: entry };
      save();
      return entry;
    },
    recordHints(id, count) {
      const before = exercises[id] ?? blank();
      const entry: ProgressEntry = {
        ...before,
        hintsUsed: Math.max(before.hintsUsed, Math.max(0, Math.floor(count))),
        updatedAt: now().toISOString(),
      };
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
      if (!result.usable) return { ok: false, imported: 0, notices: result.notices };
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
