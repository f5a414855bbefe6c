import { describe, expect, it } from 'vitest';
import type { JsMsg } from '@nats-io/jetstream';
import { DeliveryQueue, type Delivery } from './delivery-queue';

const delivery = (seq: number): Delivery => ({ msg: { seq } as JsMsg, receivedAt: seq });
const seqs = (batch: Delivery[]) => batch.map((d) => d.msg.seq);

describe('DeliveryQueue', () => {
  it('hands over everything waiting at once, in order, up to the limit', async () => {
    const queue = new DeliveryQueue(10);
    for (const seq of [1, 2, 3]) await queue.put(delivery(seq));
    expect(seqs(await queue.take(2))).toEqual([1, 2]);
    expect(seqs(await queue.take(2))).toEqual([3]);
  });

  it('a taker waits for the next delivery; a putter waits for room', async () => {
    const queue = new DeliveryQueue(1);
    const taken = queue.take(5);
    await queue.put(delivery(1));
    expect(seqs(await taken)).toEqual([1]);
    await queue.put(delivery(2));
    let second = false;
    const putting = queue.put(delivery(3)).then(() => (second = true));
    await new Promise((r) => setTimeout(r, 5));
    expect(second).toBe(false);
    expect(seqs(await queue.take(5))).toEqual([2]);
    await putting;
    expect(seqs(await queue.take(5))).toEqual([3]);
  });

  it('once closed, a waiting taker gets an empty batch', async () => {
    const queue = new DeliveryQueue(1);
    const taken = queue.take(5);
    queue.close();
    expect(await taken).toEqual([]);
  });
});
