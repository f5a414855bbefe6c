/**
 * Records which events a consumer has handled, so that a redelivery (after a crash between the
 * handler's write and the ack, or a re-publish outside the duplicate window) never acts twice.
 * Kept in a JetStream key-value bucket (`JetStreamHandledEventLedger`). A consumer asks
 * and records a whole pulled batch at once: one store round trip each, not two per event.
 */
export interface HandledEventLedger {
  /** Which of these events the consumer has handled already. */
  handled(consumer: string, eventIds: readonly string[]): Promise<Set<string>>;
  /** Records these events as handled (recording one again changes nothing). */
  recordAll(consumer: string, eventIds: readonly string[]): Promise<void>;
  /**
   * Counts one more failure of the consumer's handler on this event and answers the count so far:
   * kept beside the events, so the limit holds across restarts and replicas of the consumer.
   */
  recordFailure(consumer: string, eventId: string): Promise<number>;
}
