import type { EventType, StepEvent } from '@duban/contracts';
import { publishStepEvent } from '@duban/bus';
import type { JetStreamClient } from '@nats-io/jetstream';

export const CULTIVATED_LAND_SOURCE = 'duban/workflows/cultivated-land';

export function createCultivatedLandActivities({ js }: { js: JetStreamClient }) {
  return {
    /** Publishes one fact; the id is fixed by the workflow, so a retry is dropped as a duplicate. */
    async publishLandEvent(
      workflowId: string,
      subject: string,
      event: StepEvent<EventType>,
    ): Promise<{ sequence: number; duplicate: boolean }> {
      return publishStepEvent(js, { source: CULTIVATED_LAND_SOURCE, workflowId, subject, event });
    },
  };
}

export type CultivatedLandActivities = ReturnType<typeof createCultivatedLandActivities>;
