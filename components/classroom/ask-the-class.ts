import { classroomStatus } from './classroom-api.ts';

/**
 * The present-mode hook: when the deck is served by the classroom server, every exercise gets an
 * "Ask the class" button that opens its question in a room and shows the live panel. On the
 * static site (no server) it adds nothing. The panel itself loads on the first click.
 */
export async function offerAskTheClass(base: string): Promise<void> {
  const status = await classroomStatus(base);
  if (!status.server) return;
  for (const card of document.querySelectorAll<HTMLElement>('.exercise[data-id]')) {
    if (card.querySelector('[data-ask-class]')) continue;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'ask-class';
    button.dataset['askClass'] = card.dataset['id'] ?? '';
    button.textContent = 'Ask the class';
    (card.querySelector('.exercise-header') ?? card).append(button);
  }
  // Delegated, so copies of a slide (the speaker view's next-slide preview, the overview) work too.
  document.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest<HTMLElement>('[data-ask-class]');
    const exercise = button?.dataset['askClass'];
    if (!button || !exercise) return;
    event.preventDefault();
    const seed = new URLSearchParams(location.search).get('seed') ?? '1';
    void import('./classroom-panel.ts').then((panel) =>
      panel.openClassroomPanel({
        base,
        exercise,
        seed,
        joinUrl: status.joinUrl ?? `${location.origin}${base}join/`,
        opener: button,
      }),
    );
  });
}
