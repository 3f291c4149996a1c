/**
 * The phone's outbox: every answer is written here before it is sent and removed only once the
 * server acknowledges it, so a dropped connection, a locked phone or a reload loses nothing. The
 * server is idempotent by the answer id, so sending one twice is harmless.
 */

export interface PendingAnswer {
  readonly id: string;
  readonly room: string;
  readonly exercise: string;
  readonly seed: string;
  readonly answer: string | readonly number[];
  /** The assignment it answers, if any (else the live question). */
  readonly assignment?: number;
}

/** The part of `Storage` the outbox uses (localStorage in the browser, a Map in tests). */
export interface KeyValue {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const OUTBOX_KEY = 'activation-derivatives:classroom-outbox';

export class Outbox {
  readonly #storage: KeyValue;
  constructor(storage: KeyValue) {
    this.#storage = storage;
  }

  /** The answers not yet acknowledged, oldest first. */
  pending(room?: string): PendingAnswer[] {
    let all: PendingAnswer[] = [];
    try {
      const parsed: unknown = JSON.parse(this.#storage.getItem(OUTBOX_KEY) ?? '[]');
      if (Array.isArray(parsed)) all = parsed.filter(isPending);
    } catch {
      all = [];
    }
    return room === undefined ? all : all.filter((a) => a.room === room);
  }

  add(answer: PendingAnswer): void {
    this.#write([...this.pending().filter((a) => a.id !== answer.id), answer]);
  }

  /** Removes an answer once acknowledged (or refused for good). */
  remove(id: string): void {
    this.#write(this.pending().filter((a) => a.id !== id));
  }

  #write(answers: readonly PendingAnswer[]): void {
    this.#storage.setItem(OUTBOX_KEY, JSON.stringify(answers));
  }
}

function isPending(value: unknown): value is PendingAnswer {
  if (typeof value !== 'object' || value === null) return false;
  const a = value as Record<string, unknown>;
  return (
    typeof a['id'] === 'string' &&
    typeof a['room'] === 'string' &&
    typeof a['exercise'] === 'string' &&
    typeof a['seed'] === 'string' &&
    (a['assignment'] === undefined || (Number.isInteger(a['assignment']) && Number(a['assignment']) > 0)) &&
    (typeof a['answer'] === 'string' || (Array.isArray(a['answer']) && a['answer'].every(Number.isInteger)))
  );
}
