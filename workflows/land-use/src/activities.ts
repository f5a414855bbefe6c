import type { EventType, StepEvent } from '@duban/contracts';
import { publishStepEvent } from '@duban/bus';
import type { JetStreamClient } from '@nats-io/jetstream';

export const LAND_USE_SOURCE = 'duban/workflows/land-use';

export type PendingLandEvent<T extends EventType = EventType> = StepEvent<T>;

export function createLandUseActivities({ js }: { js: JetStreamClient }) {
  return {
    /**
     * Publishes facts in order; each id is fixed by the workflow, so after a retry the ones already
     * stored are dropped as duplicates. One call per batch: under load every activity round trip
     * costs a workflow task, and a burst (an acceptance serving a queue) is several facts.
     */
    async publishLandEvents(
      workflowId: string,
      subject: string,
      events: PendingLandEvent[],
    ): Promise<{ published: number; duplicates: number }> {
      let duplicates = 0;
      for (const event of events) {
        const result = await publishStepEvent(js, { source: LAND_USE_SOURCE, workflowId, subject, event });
        if (result.duplicate) duplicates += 1;
      }
      return { published: events.length - duplicates, duplicates };
    },
  };
}

export type LandUseActivities = ReturnType<typeof createLandUseActivities>;
