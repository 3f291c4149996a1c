/**
 * "/" (or Ctrl/⌘+K) from anywhere opens search, unless the reader is typing in a field.
 * On the search page itself it focuses the search box.
 */
function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

document.addEventListener('keydown', (event) => {
  const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey;
  const commandK = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey);
  if (!(slash || commandK) || (slash && isTyping(event.target))) return;
  event.preventDefault();
  const box = document.querySelector<HTMLInputElement>('#search-input');
  if (box) box.focus();
  else window.location.assign(document.querySelector<HTMLAnchorElement>('[data-search-link]')?.href ?? '/search/');
});
