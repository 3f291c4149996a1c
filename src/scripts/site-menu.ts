/**
 * The header's menu on a narrow screen. Without JavaScript the links wrap onto a second line (the
 * page never scrolls sideways); with it, below the breakpoint in global.css, they fold behind a
 * "Menu" button (a disclosure: `aria-expanded`, Escape closes and returns focus to the button). The
 * button and the folded list are laid out by CSS from the first paint (`data-js`, set in the head).
 */
const toggle = document.querySelector<HTMLButtonElement>('[data-menu-toggle]');
const menu = document.querySelector<HTMLElement>('[data-menu]');

if (toggle && menu) {
  const setOpen = (open: boolean): void => {
    toggle.setAttribute('aria-expanded', String(open));
    menu.dataset['open'] = String(open);
  };
  setOpen(false);
  toggle.addEventListener('click', () => setOpen(toggle.getAttribute('aria-expanded') !== 'true'));
  toggle.parentElement?.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || toggle.getAttribute('aria-expanded') !== 'true') return;
    setOpen(false);
    toggle.focus();
  });
}
