import { entryStatus } from '../../src/progress/progress-schema.ts';
import { progressStore, showProgressNotices } from './progress-client.ts';

/**
 * `<progress-panel>`'s behaviour: how many exercises are solved, and export (a JSON download),
 * import (a file, merged: for each exercise the more recently updated entry wins) and reset.
 * Loaded by the element (progress-panel-element.ts) when the panel nears the view; called once.
 */
export function wireProgressPanel(panel: HTMLElement): void {
  const store = progressStore();
  showProgressNotices(store);
  const ids = (panel.dataset['ids'] ?? '').split(' ').filter((id) => id !== '');
  const summary = panel.querySelector<HTMLElement>('[data-summary]');
  const message = panel.querySelector<HTMLElement>('[data-message]');
  const say = (text: string) => {
    if (message) message.textContent = text;
  };
  const render = () => {
    const all = store.all();
    const statuses = ids.map((id) => entryStatus(all[id]));
    const solved = statuses.filter((s) => s.solved).length;
    const tried = statuses.filter((s) => s.attempts > 0).length;
    if (summary) summary.textContent = `Solved ${solved} of ${ids.length} exercises; attempted ${tried}.`;
  };
  render();
  store.subscribe(render);

  panel.querySelector('[data-export]')?.addEventListener('click', () => {
    const blob = new Blob([store.exportJSON()], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `activation-derivatives-progress-${new Date().toISOString().slice(0, 10)}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    say('Progress exported.');
  });

  panel.querySelector<HTMLInputElement>('[data-import]')?.addEventListener('change', (event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    file
      .text()
      .then((text) => {
        const result = store.importJSON(text, 'merge');
        const notes = result.notices.map((n) => n.message).join(' ');
        say(result.ok ? `Imported ${result.imported} exercise results. ${notes}`.trim() : notes);
      })
      .catch(() => say('The file could not be read. Your saved progress is unchanged.'))
      .finally(() => {
        input.value = '';
      });
  });

  panel.querySelector('[data-reset]')?.addEventListener('click', () => {
    if (!window.confirm('Reset all progress? This cannot be undone (export first to keep a copy).')) return;
    store.reset();
    say('All progress was reset.');
  });
}
