/**
 * The timed exam on the practice page (`?exam=<minutes>`): when it ends and how it reads. Pure, so
 * the arithmetic is tested apart from the page.
 */

/** Longest exam a link may ask for. */
export const MAX_EXAM_MINUTES = 180;

/** Minutes asked for by `?exam=`, when it is a whole number from 1 to {@link MAX_EXAM_MINUTES}. */
export function examMinutes(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('exam');
  if (raw === null || !/^\d{1,3}$/.test(raw)) return undefined;
  const minutes = Number(raw);
  return minutes >= 1 && minutes <= MAX_EXAM_MINUTES ? minutes : undefined;
}

/**
 * The deadline to use: one already stored for this exam (a reload must not restart the clock) if it
 * is a plausible time, else now plus the minutes asked for.
 */
export function examDeadline(stored: string | null, minutes: number, now: number): number {
  const saved = stored === null ? Number.NaN : Number(stored);
  const latest = now + minutes * 60_000;
  return Number.isFinite(saved) && saved <= latest && saved > now - 24 * 3_600_000 ? saved : latest;
}

/** "19:58 left" (or "0:00 left"), for a deadline and the current time, both in ms. */
export function timeLeft(deadline: number, now: number): string {
  const seconds = Math.max(0, Math.ceil((deadline - now) / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')} left`;
}
