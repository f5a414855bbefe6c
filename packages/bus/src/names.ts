// One stream holds every fact; dead letters live in their own stream so that replaying the
// facts (to rebuild a projection) never replays poison.
export const EVENTS_STREAM = 'DUBAN_EVENTS';
export const EVENTS_SUBJECTS = 'duban.>';
export const DEAD_LETTER_STREAM = 'DUBAN_DEAD_LETTERS';
export const DEAD_LETTER_PREFIX = 'deadletter';

export const DeadLetterHeaders = {
  Reason: 'Duban-Dead-Letter-Reason',
  Consumer: 'Duban-Dead-Letter-Consumer',
  OriginalSubject: 'Duban-Original-Subject',
  OriginalSequence: 'Duban-Original-Sequence',
  Deliveries: 'Duban-Deliveries',
} as const;
/** The key-value bucket of handled events, one key per (consumer, event id). */
export const HANDLED_BUCKET = 'duban_handled';
