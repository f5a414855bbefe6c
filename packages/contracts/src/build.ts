import type { z } from 'zod';
import { clock } from './clock';
import { CloudEventEnvelopeSchema, type Attribution, type CloudEvent } from './cloudevent';
import {
  eventDefinition,
  isEventType,
  UnknownEventTypeError,
  type EventData,
  type EventType,
} from './registry';

/** `data` (or the envelope) does not match the registered schema; `issues` name the fields. */
export class EventSchemaError extends Error {
  override readonly name = 'EventSchemaError';
  constructor(
    readonly eventType: string,
    readonly issues: z.core.$ZodIssue[],
  ) {
    super(
      `event ${eventType} fails its schema: ` +
        issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`).join('; '),
    );
  }
}

export interface NewEvent<T extends EventType> extends Attribution {
  type: T;
  id: string;
  source: string;
  subject: string;
  data: EventData<T>;
  time?: string;
}

/** Builds a CloudEvent, validating `data` against the registry: bad data never leaves the process. */
export function buildEvent<T extends EventType>(input: NewEvent<T>): CloudEvent<T, EventData<T>> {
  const def = eventDefinition(input.type as string);
  const data = def.schema.safeParse(input.data);
  if (!data.success) throw new EventSchemaError(input.type, data.error.issues);
  return {
    specversion: '1.0',
    id: input.id,
    source: input.source,
    type: input.type,
    subject: input.subject,
    time: input.time ?? clock.now().toISOString(),
    datacontenttype: 'application/json',
    data: data.data as EventData<T>,
    ...(input.actorId ? { actorid: input.actorId } : {}),
    ...(input.actorUnit ? { actorunit: input.actorUnit } : {}),
    ...(input.requestId ? { requestid: input.requestId } : {}),
  };
}

export type AnyDubanEvent = { [T in EventType]: CloudEvent<T, EventData<T>> }[EventType];

/** Validates a received event: envelope, registered type, then `data`. Throws a named error. */
export function parseEvent(raw: unknown): AnyDubanEvent {
  const envelope = CloudEventEnvelopeSchema.safeParse(raw);
  if (!envelope.success) {
    const type = typeof raw === 'object' && raw !== null && 'type' in raw ? String(raw.type) : '(no type)';
    throw new EventSchemaError(type, envelope.error.issues);
  }
  if (!isEventType(envelope.data.type)) throw new UnknownEventTypeError(envelope.data.type);
  // A fact published under a former name is read as the type it is now.
  const def = eventDefinition(envelope.data.type);
  const data = def.schema.safeParse(envelope.data.data);
  if (!data.success) throw new EventSchemaError(def.type, data.error.issues);
  return { ...envelope.data, type: def.type, data: data.data } as AnyDubanEvent;
}

/**
 * A fact a workflow decided, waiting in its outbox for an activity to publish it (in order).
 * Workflows build it deterministically; its id derives from the workflow id, step and version.
 */
export interface StepEvent<T extends EventType = EventType> {
  type: T;
  /** Step name, part of the deterministic event id. */
  step: string;
  version: number;
  time: string;
  actor: { userId: string; unitCode?: string; requestId?: string } | null;
  data: EventData<T>;
}
