import type { Delivery } from './delivery-queue';

/**
 * The deliveries a consumer has in hand and has not settled. JetStream redelivers a message whose
 * ack wait runs out, which raises its delivery count although nothing failed; a batch waiting
 * behind a slow store, or a store that is down, would otherwise climb toward the limit. Every
 * held delivery is marked in progress (`working`) well within the ack wait.
 */
export class HeldDeliveries {
  private readonly held = new Set<Delivery>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly ackWaitMs: number) {}

  hold(delivery: Delivery): void {
    this.held.add(delivery);
    this.timer ??= setInterval(() => this.markInProgress(), Math.max(500, Math.floor(this.ackWaitMs / 3)));
    this.timer.unref();
  }

  release(delivery: Delivery): void {
    this.held.delete(delivery);
  }

  get size(): number {
    return this.held.size;
  }

  /** Stops marking and gives back what is still held (nak): the server delivers it again at once. */
  handBack(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    for (const { msg } of this.held) {
      try {
        msg.nak();
      } catch {
        // The connection is closed: the server redelivers once the ack wait runs out.
      }
    }
    this.held.clear();
  }

  private markInProgress(): void {
    for (const { msg } of this.held) {
      try {
        msg.working();
      } catch {
        // The connection is closed: the server redelivers once the ack wait runs out.
      }
    }
  }
}
