/**
 * Records which events a consumer has handled, so that a redelivery (after a crash between the
 * handler's write and the ack, or a re-publish outside the duplicate window) never acts twice.
 * Implemented over the store by `@duban/store`; the bus only needs this contract. A consumer asks
 * and records a whole pulled batch at once: one store round trip each, not two per event.
 */
export interface HandledEventLedger {
  /** Which of these events the consumer has handled already. */
  handled(consumer: string, eventIds: readonly string[]): Promise<Set<string>>;
  /** Records these events as handled (recording one again changes nothing). */
  recordAll(consumer: string, eventIds: readonly string[]): Promise<void>;
}
