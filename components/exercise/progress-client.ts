import { PROGRESS_KEY, createProgressStore, type ProgressStore, type StorageLike } from '../../src/progress/index.ts';

let store: ProgressStore | undefined;

/**
 * The page's one progress store, on `localStorage` when the browser allows it (reading the property
 * throws in some privacy modes, then progress lasts for the page view). Shared by every exercise
 * and the progress panel; follows changes made in other tabs.
 */
export function progressStore(): ProgressStore {
  if (store !== undefined) return store;
  let storage: StorageLike | undefined;
  try {
    storage = window.localStorage;
  } catch {
    storage = undefined;
  }
  const created = createProgressStore(storage);
  window.addEventListener('storage', (event) => {
    if (event.key === PROGRESS_KEY || event.key === null) created.reload();
  });
  store = created;
  return created;
}

/** Shows the store's notices (corrupt or unavailable storage…) once, in every notice slot on the page. */
export function showProgressNotices(s: ProgressStore): void {
  if (s.notices.length === 0) return;
  for (const slot of document.querySelectorAll<HTMLElement>('[data-progress-notice]')) {
    slot.textContent = s.notices.map((n) => n.message).join(' ');
    slot.hidden = false;
  }
}
