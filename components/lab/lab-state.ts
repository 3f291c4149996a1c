/**
 * The lab's state in the URL (`?f=z*sigmoid(b*z)&b=1.5`) and the reader's saved functions in
 * localStorage. Pure functions over strings; the element does the reading and writing.
 */

/** The function typed and the values of its parameters. */
export interface LabState {
  readonly f: string;
  readonly params: Readonly<Record<string, number>>;
}

export const DEFAULT_FUNCTION = 'z*sigmoid(b*z)';

/** A slider's range and default for a parameter name. */
export interface ParamRange {
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly default: number;
}

/** Sensible slider ranges by name: slopes and rates −5…5 (default 1), small ε-like names 0…1. */
export function paramRange(n: string): ParamRange {
  if (n === 'eps' || n === 'epsilon') return { min: 0, max: 1, step: 0.01, default: 0.1 };
  if (n === 'alpha' || n === 'a') return { min: -5, max: 5, step: 0.05, default: 1 };
  return { min: -5, max: 5, step: 0.05, default: 1 };
}

/** Reads the state from a query string; missing or malformed parts fall back to the default. */
export function readLabState(search: string): LabState {
  const q = new URLSearchParams(search);
  const f = q.get('f');
  const params: Record<string, number> = {};
  for (const [key, value] of q) {
    if (key === 'f' || !/^[A-Za-z][A-Za-z0-9_]{0,15}$/.test(key)) continue;
    const x = Number(value);
    if (value.trim() !== '' && Number.isFinite(x)) params[key] = x;
  }
  return { f: f === null || f.trim() === '' ? DEFAULT_FUNCTION : f.slice(0, 500), params };
}

/** The query string for a state: `f` first, then the parameters in the order given. */
export function writeLabState(state: LabState): string {
  const q = new URLSearchParams();
  q.set('f', state.f);
  for (const [k, v] of Object.entries(state.params)) q.set(k, String(Math.round(v * 1e6) / 1e6));
  return `?${q.toString()}`;
}

/** One saved function. */
export interface SavedFunction {
  readonly f: string;
  readonly params: Readonly<Record<string, number>>;
  readonly savedAt: string;
}

export const STORAGE_KEY = 'activation-lab.saved.v1';
export const MAX_SAVED = 30;

/**
 * Parses stored text into the saved list. Anything that is not a list of valid entries gives
 * `corrupt: true` and an empty list (the lab starts fresh and says so); null (nothing stored) is not corrupt.
 */
export function parseSaved(text: string | null): { saved: SavedFunction[]; corrupt: boolean } {
  if (text === null) return { saved: [], corrupt: false };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { saved: [], corrupt: true };
  }
  if (!Array.isArray(data)) return { saved: [], corrupt: true };
  const saved: SavedFunction[] = [];
  for (const item of data) {
    if (typeof item !== 'object' || item === null) return { saved: [], corrupt: true };
    const { f, params, savedAt } = item as Record<string, unknown>;
    if (typeof f !== 'string' || typeof savedAt !== 'string' || typeof params !== 'object' || params === null) {
      return { saved: [], corrupt: true };
    }
    const clean: Record<string, number> = {};
    for (const [k, v] of Object.entries(params)) {
      if (typeof v !== 'number' || !Number.isFinite(v)) return { saved: [], corrupt: true };
      clean[k] = v;
    }
    saved.push({ f: f.slice(0, 500), params: clean, savedAt });
  }
  return { saved: saved.slice(0, MAX_SAVED), corrupt: false };
}

/** Adds (or moves to the front) a function; at most MAX_SAVED kept. */
export function addSaved(list: readonly SavedFunction[], entry: SavedFunction): SavedFunction[] {
  return [entry, ...list.filter((s) => s.f !== entry.f)].slice(0, MAX_SAVED);
}

/** Removes the function `f` from the list. */
export function removeSaved(list: readonly SavedFunction[], f: string): SavedFunction[] {
  return list.filter((s) => s.f !== f);
}
