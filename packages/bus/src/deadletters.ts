import { headers } from '@nats-io/nats-core';
import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import { DEAD_LETTER_PREFIX, DEAD_LETTER_STREAM, DeadLetterHeaders } from './names';

export interface DeadLetter {
  sequence: number;
  reason: string;
  consumer: string;
  originalSubject: string;
  originalSequence: number;
  deliveries: number;
  /** The original message body, untouched, so it can be inspected and republished. */
  payload: string;
  storedAt: Date;
}

export interface DeadLetterInput {
  consumer: string;
  reason: string;
  originalSubject: string;
  originalSequence: number;
  deliveries: number;
  payload: Uint8Array;
}

export async function publishDeadLetter(js: JetStreamClient, input: DeadLetterInput): Promise<void> {
  const h = headers();
  h.set(DeadLetterHeaders.Reason, oneLine(input.reason));
  h.set(DeadLetterHeaders.Consumer, input.consumer);
  h.set(DeadLetterHeaders.OriginalSubject, input.originalSubject);
  h.set(DeadLetterHeaders.OriginalSequence, String(input.originalSequence));
  h.set(DeadLetterHeaders.Deliveries, String(input.deliveries));
  await js.publish(`${DEAD_LETTER_PREFIX}.${input.originalSubject}`, input.payload, {
    headers: h,
    // One dead letter per consumer and original message, even if this publish is retried.
    msgID: `dead:${input.consumer}:${input.originalSequence}`,
    expect: { streamName: DEAD_LETTER_STREAM },
  });
}

/** Reads the dead-letter stream, oldest first. */
export async function listDeadLetters(
  jsm: JetStreamManager,
  options: { limit?: number } = {},
): Promise<DeadLetter[]> {
  const info = await jsm.streams.info(DEAD_LETTER_STREAM);
  const out: DeadLetter[] = [];
  const limit = options.limit ?? 1000;
  for (let seq = info.state.first_seq; seq <= info.state.last_seq && out.length < limit; seq++) {
    let msg;
    try {
      msg = await jsm.streams.getMessage(DEAD_LETTER_STREAM, { seq });
    } catch {
      continue; // deleted
    }
    if (!msg) continue;
    const h = msg.header;
    out.push({
      sequence: msg.seq,
      reason: h.get(DeadLetterHeaders.Reason),
      consumer: h.get(DeadLetterHeaders.Consumer),
      originalSubject: h.get(DeadLetterHeaders.OriginalSubject),
      originalSequence: Number(h.get(DeadLetterHeaders.OriginalSequence)),
      deliveries: Number(h.get(DeadLetterHeaders.Deliveries)),
      payload: msg.string(),
      storedAt: msg.time,
    });
  }
  return out;
}

// NATS headers are single-line; a multi-line reason (a stack, zod issues) must still fit.
function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' | ').slice(0, 2000);
}
