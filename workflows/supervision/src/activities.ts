import { buildEvent, eventId, type EventType } from '@duban/contracts';
import { publishBuilt } from '@duban/bus';
import type { JetStreamClient } from '@nats-io/jetstream';
import type { PendingEvent } from './item';

export interface SupervisionActivityDeps {
  js: JetStreamClient;
}

export const SUPERVISION_SOURCE = 'duban/workflows/supervision';

export function createSupervisionActivities({ js }: SupervisionActivityDeps) {
  return {
    /** Publishes one fact; the id is fixed by the workflow, so a retry is dropped as a duplicate. */
    async publishItemEvent(
      workflowId: string,
      event: PendingEvent,
    ): Promise<{ sequence: number; duplicate: boolean }> {
      const built = buildEvent({
        type: event.type as EventType,
        id: eventId(workflowId, event.step, event.version),
        source: SUPERVISION_SOURCE,
        subject: (event.data as { item: { itemId: string } }).item.itemId,
        time: event.time,
        data: event.data as never,
        actorId: event.actor?.userId ?? 'system',
        ...(event.actor?.unitCode ? { actorUnit: event.actor.unitCode } : {}),
        ...(event.actor?.requestId ? { requestId: event.actor.requestId } : {}),
      });
      const result = await publishBuilt(js, built);
      return { sequence: result.sequence, duplicate: result.duplicate };
    },
  };
}

export type SupervisionActivities = ReturnType<typeof createSupervisionActivities>;
