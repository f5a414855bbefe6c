/**
 * What a consumer did with one delivery, with its instants, for whoever measures the bus (the
 * gateway's `/metrics`, the benchmark's latency breakdown). Instants are milliseconds since the
 * epoch with sub-millisecond precision, comparable with the engines' own timestamps on one host.
 */
export interface ConsumedEvent {
  durable: string;
  /** Empty when the message was not a readable event. */
  eventId: string;
  type: string;
  requestId: string | null;
  deliveryCount: number;
  /** When JetStream stored the message. */
  storedAt: number;
  /** When this consumer took it off the pull. */
  receivedAt: number;
  /** When its handler returned (null: no handler ran, or it failed). */
  handledAt: number | null;
  /** When the message was acked, nak'ed or terminated. */
  settledAt: number;
  outcome: 'handled' | 'duplicate' | 'retried' | 'dead-lettered' | 'failed';
  /** The handler threw on this delivery (it is then retried, or dead-lettered at the limit). */
  handlerFailed: boolean;
}

export type ConsumerObserver = (event: ConsumedEvent) => void;

const observers = new Set<ConsumerObserver>();

/** Calls `observer` for every delivery every consumer of this process settles; returns the undo. */
export function observeConsumers(observer: ConsumerObserver): () => void {
  observers.add(observer);
  return () => observers.delete(observer);
}

export function reportConsumed(event: ConsumedEvent): void {
  for (const observer of observers) {
    try {
      observer(event);
    } catch {
      // A measuring hook must never change what the consumer does.
    }
  }
}

/** Now, in epoch milliseconds with the monotonic clock's precision. */
export function preciseNow(): number {
  return performance.timeOrigin + performance.now();
}
