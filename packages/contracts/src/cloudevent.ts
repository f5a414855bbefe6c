import { z } from 'zod';

/**
 * CloudEvents 1.0 structured JSON envelope (DESIGN §4). Attribution travels as CloudEvents
 * extension attributes (lower-case alphanumeric names, as the spec requires) so that every
 * consumer can tell who did what, from which unit and which request, without opening `data`.
 */
export const CloudEventEnvelopeSchema = z.object({
  specversion: z.literal('1.0'),
  id: z.string().min(1).max(512),
  source: z.string().min(1),
  type: z.string().regex(/^cn\.gov\.qtx\.duban\.[a-z0-9_]+\.[a-z0-9_]+\.v\d+$/, 'not a Duban event type'),
  subject: z.string().min(1),
  time: z.iso.datetime({ offset: true }),
  datacontenttype: z.literal('application/json'),
  data: z.unknown(),
  actorid: z.string().min(1).optional(),
  actorunit: z.string().min(1).optional(),
  requestid: z.string().min(1).optional(),
});

export type CloudEventEnvelope = z.infer<typeof CloudEventEnvelopeSchema>;

export interface CloudEvent<Type extends string = string, Data = unknown> extends Omit<
  CloudEventEnvelope,
  'type' | 'data'
> {
  type: Type;
  data: Data;
}

/** Who caused an event: the user, their unit and the request they made. */
export interface Attribution {
  actorId?: string;
  actorUnit?: string;
  requestId?: string;
}

/**
 * Deterministic event id (DESIGN §4): the same workflow step always yields the same id, so an
 * activity retry is recognised as a duplicate by JetStream and by every consumer.
 */
export function eventId(workflowId: string, step: string, sequence: number): string {
  return `${workflowId}/${step}/${sequence}`;
}
