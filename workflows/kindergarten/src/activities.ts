import { buildEvent, eventId, type Actor, type EventData, type EventType } from '@duban/contracts';
import { publishBuilt } from '@duban/bus';
import type { JetStreamClient } from '@nats-io/jetstream';

export interface KindergartenActivityDeps {
  js: JetStreamClient;
}

export const KINDERGARTEN_SOURCE = 'duban/workflows/kindergarten';

/** A fact decided by the case workflow, waiting to be published by an activity (in order). */
export interface PendingCaseEvent<T extends EventType = EventType> {
  type: T;
  /** Step name, part of the deterministic event id. */
  step: string;
  version: number;
  time: string;
  actor: Actor | null;
  data: EventData<T>;
}

export function createKindergartenActivities({ js }: KindergartenActivityDeps) {
  return {
    /** Publishes one fact; the id is fixed by the workflow, so a retry is dropped as a duplicate. */
    async publishCaseEvent(
      workflowId: string,
      event: PendingCaseEvent,
    ): Promise<{ sequence: number; duplicate: boolean }> {
      const built = buildEvent({
        type: event.type,
        id: eventId(workflowId, event.step, event.version),
        source: KINDERGARTEN_SOURCE,
        subject: (event.data as { case: { caseId: string } }).case.caseId,
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

export type KindergartenActivities = ReturnType<typeof createKindergartenActivities>;
