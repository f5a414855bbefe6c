import type { EventType, StepEvent } from '@duban/contracts';
import type { JetStreamClient } from '@nats-io/jetstream';
import { stepEventPublisher } from '@duban/workflow-core/worker';

export const KINDERGARTEN_SOURCE = 'duban/workflows/kindergarten';

export type PendingCaseEvent<T extends EventType = EventType> = StepEvent<T>;

export function createKindergartenActivities({ js }: { js: JetStreamClient }) {
  const publish = stepEventPublisher(js, KINDERGARTEN_SOURCE);
  return {
    /** Publishes one fact of the case; a retry is dropped as a duplicate. */
    publishCaseEvent: (workflowId: string, event: PendingCaseEvent) =>
      publish.one(workflowId, (event.data as { case: { caseId: string } }).case.caseId, event),
  };
}

export type KindergartenActivities = ReturnType<typeof createKindergartenActivities>;
