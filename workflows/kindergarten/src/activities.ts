import type { EventType, StepEvent } from '@duban/contracts';
import { publishStepEvent } from '@duban/bus';
import type { JetStreamClient } from '@nats-io/jetstream';

export interface KindergartenActivityDeps {
  js: JetStreamClient;
}

export const KINDERGARTEN_SOURCE = 'duban/workflows/kindergarten';

export type PendingCaseEvent<T extends EventType = EventType> = StepEvent<T>;

export function createKindergartenActivities({ js }: KindergartenActivityDeps) {
  return {
    /** Publishes one fact; the id is fixed by the workflow, so a retry is dropped as a duplicate. */
    async publishCaseEvent(
      workflowId: string,
      event: PendingCaseEvent,
    ): Promise<{ sequence: number; duplicate: boolean }> {
      return publishStepEvent(js, {
        source: KINDERGARTEN_SOURCE,
        workflowId,
        subject: (event.data as { case: { caseId: string } }).case.caseId,
        event,
      });
    },
  };
}

export type KindergartenActivities = ReturnType<typeof createKindergartenActivities>;
