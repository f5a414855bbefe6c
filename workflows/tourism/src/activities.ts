import type { EventType, StepEvent } from '@duban/contracts';
import type { JetStreamClient } from '@nats-io/jetstream';
import { stepEventPublisher } from '@duban/workflow-core/worker';

export const TOURISM_SOURCE = 'duban/workflows/tourism';

export type PendingTourismEvent<T extends EventType = EventType> = StepEvent<T>;

export function createTourismActivities({ js }: { js: JetStreamClient }) {
  /** Publishes the facts of one trip or settlement in order, one call for a batch of them. */
  return { publishTourismEvents: stepEventPublisher(js, TOURISM_SOURCE).many };
}

export type TourismActivities = ReturnType<typeof createTourismActivities>;
