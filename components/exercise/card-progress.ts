/**
 * What an exercise card needs once there is progress to show or record, loaded with it on demand
 * (not with the page): the one store, the status derived from an entry, and the restored-answer
 * message. The card module itself stays small.
 */
export { progressStore, showProgressNotices } from './progress-client.ts';
export { entryStatus, sameNumbers } from '../../src/progress/progress-schema.ts';
export { restoredFeedback } from './restored-feedback.ts';
export { formatScore, scoreReason } from '../../src/progress/score-reason.ts';
