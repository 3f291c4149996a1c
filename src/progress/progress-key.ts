/**
 * The localStorage key of the progress document, in a module of its own so a page can check for
 * saved progress without loading the validator. Stable: changing it loses every student's progress.
 */
export const PROGRESS_KEY = 'activation-derivatives:progress';
/** Where an unreadable document is moved before starting fresh, so nothing is silently destroyed. */
export const BACKUP_KEY = `${PROGRESS_KEY}:backup`;
