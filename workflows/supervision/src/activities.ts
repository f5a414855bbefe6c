import { publishStepEvent } from '@duban/bus';
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
      return publishStepEvent(js, {
        source: SUPERVISION_SOURCE,
        workflowId,
        subject: (event.data as { item: { itemId: string } }).item.itemId,
        event,
      });
    },
  };
}

export type SupervisionActivities = ReturnType<typeof createSupervisionActivities>;
