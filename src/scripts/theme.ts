import { THEME_KEY as key } from '../layouts/site.ts';

/**
 * The theme toggle. The page starts in the theme set before paint by the inline script in
 * ThemeScript.astro (saved choice, else the system's); this button flips between light and dark and
 * remembers the choice. Storage may be unavailable (private mode, blocked): then the choice
 * simply lasts for the page.
 */
function current(): 'light' | 'dark' {
  return document.documentElement.dataset['theme'] === 'dark' ? 'dark' : 'light';
}

function apply(theme: 'light' | 'dark', button: HTMLButtonElement) {
  document.documentElement.dataset['theme'] = theme;
  button.setAttribute('aria-pressed', String(theme === 'dark'));
  document.dispatchEvent(new CustomEvent('themechange', { detail: { theme } }));
}

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
  button.setAttribute('aria-pressed', String(current() === 'dark'));
  button.addEventListener('click', () => {
    const next = current() === 'dark' ? 'light' : 'dark';
    apply(next, button);
    try {
      localStorage.setItem(key, next);
    } catch {
      /* storage unavailable: the choice lasts for this page only */
    }
  });
}

// Follow the system while the reader has not chosen.
matchMedia('(prefers-color-scheme: dark)').addEventListener('change', (event) => {
  let saved: string | null;
  try {
    saved = localStorage.getItem(key);
  } catch {
    saved = null;
  }
  const button = document.querySelector<HTMLButtonElement>('[data-theme-toggle]');
  if (!saved && button) apply(event.matches ? 'dark' : 'light', button);
});
