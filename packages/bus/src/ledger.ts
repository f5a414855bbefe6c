/**
 * Records which events a consumer has handled, so that a redelivery (after a crash between the
 * handler's write and the ack, or a re-publish outside the duplicate window) never acts twice.
 * Implemented over the store by `@duban/store`; the bus only needs this contract.
 */
export interface HandledEventLedger {
  has(consumer: string, eventId: string): Promise<boolean>;
  record(consumer: string, eventId: string): Promise<void>;
}
