/**
 * The speaker view's stopwatch as pure data: elapsed time survives pause and resume, and is
 * formatted the way a teacher glances at it (m:ss, then h:mm:ss past the hour).
 */

/** A stopwatch: `startedAt` is set while running; `banked` holds the time of earlier runs (ms). */
export interface Stopwatch {
  readonly startedAt: number | undefined;
  readonly banked: number;
}

export const stoppedWatch: Stopwatch = { startedAt: undefined, banked: 0 };

export function startWatch(watch: Stopwatch, now: number): Stopwatch {
  return watch.startedAt === undefined ? { startedAt: now, banked: watch.banked } : watch;
}

export function pauseWatch(watch: Stopwatch, now: number): Stopwatch {
  return watch.startedAt === undefined ? watch : { startedAt: undefined, banked: elapsed(watch, now) };
}

/** Milliseconds on the watch at `now`. */
export function elapsed(watch: Stopwatch, now: number): number {
  return watch.banked + (watch.startedAt === undefined ? 0 : Math.max(0, now - watch.startedAt));
}

/** `7:05` for 7 min 5 s, `1:02:03` past the hour; whole seconds, rounded down. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${String(hours)}:${String(minutes).padStart(2, '0')}:${ss}` : `${String(minutes)}:${ss}`;
}
