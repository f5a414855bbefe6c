import type { EventType, StepEvent } from '@duban/contracts';
import type { JetStreamClient } from '@nats-io/jetstream';
import { stepEventPublisher } from '@duban/workflow-core/worker';

export const CULTIVATED_LAND_SOURCE = 'duban/workflows/cultivated-land';

export function createCultivatedLandActivities({ js }: { js: JetStreamClient }) {
  const publish = stepEventPublisher(js, CULTIVATED_LAND_SOURCE);
  return {
    /** Publishes one fact of a town's rectification or assessment; a retry is dropped as a duplicate. */
    publishLandEvent: (workflowId: string, subject: string, event: StepEvent<EventType>) =>
      publish.one(workflowId, subject, event),
  };
}

export type CultivatedLandActivities = ReturnType<typeof createCultivatedLandActivities>;
