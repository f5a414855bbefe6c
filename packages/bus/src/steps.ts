import { buildEvent, eventId, type StepEvent } from '@duban/contracts';
import type { JetStreamClient } from '@nats-io/jetstream';
import { publishBuilt } from './publisher';

/**
 * Publishes one workflow step as a CloudEvent: the id comes from the workflow and the step, so an
 * activity retry is dropped as a duplicate; the actor of the step is the event's attribution.
 */
export async function publishStepEvent(
  js: JetStreamClient,
  input: { source: string; workflowId: string; subject: string; event: StepEvent },
): Promise<{ sequence: number; duplicate: boolean }> {
  const { event } = input;
  const built = buildEvent({
    type: event.type,
    id: eventId(input.workflowId, event.step, event.version),
    source: input.source,
    subject: input.subject,
    time: event.time,
    data: event.data as never,
    actorId: event.actor?.userId ?? 'system',
    ...(event.actor?.unitCode ? { actorUnit: event.actor.unitCode } : {}),
    ...(event.actor?.requestId ? { requestId: event.actor.requestId } : {}),
  });
  const result = await publishBuilt(js, built);
  return { sequence: result.sequence, duplicate: result.duplicate };
}
