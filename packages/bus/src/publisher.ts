import { buildEvent, type CloudEvent, type EventData, type EventType, type NewEvent } from '@duban/contracts';
import { eventDefinition } from '@duban/contracts';
import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { PublishNotStoredError } from './errors';
import { EVENTS_STREAM } from './names';

export interface PublishResult {
  event: CloudEvent;
  sequence: number;
  /** True when JetStream recognised the event id and did not store it again. */
  duplicate: boolean;
}

/** Validates against the registry and publishes with the event id as JetStream message id. */
export async function publishEvent<T extends EventType>(
  js: JetStreamClient,
  input: NewEvent<T>,
): Promise<PublishResult> {
  const event = buildEvent(input);
  return publishBuilt(js, event);
}

export async function publishBuilt(
  js: JetStreamClient,
  event: CloudEvent<EventType, EventData<EventType>>,
): Promise<PublishResult> {
  const def = eventDefinition(event.type);
  const ack = await js.publish(def.subject, JSON.stringify(event), {
    msgID: event.id,
    expect: { streamName: EVENTS_STREAM },
  });
  if (ack.stream !== EVENTS_STREAM)
    throw new PublishNotStoredError(`event ${event.id} stored in ${ack.stream}`);
  return { event, sequence: ack.seq, duplicate: ack.duplicate };
}

/** `publishEvent` on a plain NATS connection (the gateway's), for facts its routes decide. */
export function publisherOn(
  nc: NatsConnection,
): <T extends EventType>(input: NewEvent<T>) => Promise<PublishResult> {
  const js = jetstream(nc);
  return (input) => publishEvent(js, input);
}
