import type { JetStreamClient } from '@nats-io/jetstream';
import { stepEventPublisher } from '@duban/workflow-core/worker';
import type { PendingEvent } from './item';

export const SUPERVISION_SOURCE = 'duban/workflows/supervision';

export function createSupervisionActivities({ js }: { js: JetStreamClient }) {
  const publish = stepEventPublisher(js, SUPERVISION_SOURCE);
  return {
    /** Publishes one fact of the item; a retry is dropped as a duplicate. */
    publishItemEvent: (workflowId: string, event: PendingEvent) =>
      publish.one(workflowId, (event.data as { item: { itemId: string } }).item.itemId, event),
  };
}

export type SupervisionActivities = ReturnType<typeof createSupervisionActivities>;
