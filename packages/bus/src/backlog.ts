import type { JetStreamManager } from '@nats-io/jetstream';
import { EVENTS_STREAM } from './names';

/** How far one durable consumer is behind the event stream, as JetStream counts it. */
export interface ConsumerBacklog {
  durable: string;
  /** Events stored but not yet delivered to it: the lag an operator watches. */
  pending: number;
  /** Delivered and not yet acked (in hand, or lost with a consumer that died). */
  ackPending: number;
  /** Of those in hand, how many were delivered more than once. */
  redelivered: number;
}

/**
 * Every durable's backlog in one request to the server. It is read from JetStream rather than
 * from the consumers' own reports, so a consumer that is stuck, or runs in another process, is
 * still seen falling behind.
 */
export async function consumerBacklogs(jsm: JetStreamManager): Promise<ConsumerBacklog[]> {
  const backlogs: ConsumerBacklog[] = [];
  for await (const info of jsm.consumers.list(EVENTS_STREAM)) {
    backlogs.push({
      durable: info.config.durable_name ?? info.name,
      pending: info.num_pending,
      ackPending: info.num_ack_pending,
      redelivered: info.num_redelivered,
    });
  }
  return backlogs;
}
