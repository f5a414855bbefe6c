import type { JsMsg } from '@nats-io/jetstream';

export interface Delivery {
  msg: JsMsg;
  /** When the pull handed it over (epoch ms). */
  receivedAt: number;
}

/**
 * The deliveries a pull has handed over and the consumer has not yet taken, bounded so that a long
 * backlog stays on the server: the consumer pulls only as many as there is room for. The consumer
 * takes everything waiting at once: one message when the bus is quiet, a batch when it is busy,
 * so a batch costs one ledger lookup and one ledger write instead of two per event.
 */
export class DeliveryQueue {
  private readonly waiting: Delivery[] = [];
  private closed = false;
  private notifyTaker: (() => void) | null = null;
  private notifyPutter: (() => void) | null = null;

  constructor(private readonly capacity: number) {}

  async put(delivery: Delivery): Promise<void> {
    while (this.waiting.length >= this.capacity && !this.closed) {
      await new Promise<void>((resolve) => (this.notifyPutter = resolve));
    }
    this.waiting.push(delivery);
    this.wake('taker');
  }

  /** How many more it takes, once it has room for at least one (0 once closed). */
  async room(): Promise<number> {
    while (this.waiting.length >= this.capacity && !this.closed) {
      await new Promise<void>((resolve) => (this.notifyPutter = resolve));
    }
    return this.closed ? 0 : this.capacity - this.waiting.length;
  }

  /** Up to `max` deliveries, waiting for at least one; empty once closed and drained. */
  async take(max: number): Promise<Delivery[]> {
    while (this.waiting.length === 0 && !this.closed) {
      await new Promise<void>((resolve) => (this.notifyTaker = resolve));
    }
    const taken = this.waiting.splice(0, max);
    this.wake('putter');
    return taken;
  }

  close(): void {
    this.closed = true;
    this.wake('taker');
    this.wake('putter');
  }

  private wake(who: 'taker' | 'putter'): void {
    const notify = who === 'taker' ? this.notifyTaker : this.notifyPutter;
    if (who === 'taker') this.notifyTaker = null;
    else this.notifyPutter = null;
    notify?.();
  }
}
