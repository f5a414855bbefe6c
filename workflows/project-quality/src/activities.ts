import type { EventType, StepEvent } from '@duban/contracts';
import type { JetStreamClient } from '@nats-io/jetstream';
import { stepEventPublisher } from '@duban/workflow-core/worker';

export const PROJECT_QUALITY_SOURCE = 'duban/workflows/project-quality';

export type PendingProjectQualityEvent<T extends EventType = EventType> = StepEvent<T>;

export function createProjectQualityActivities({ js }: { js: JetStreamClient }) {
  /** Publishes the facts of one unit's year in order, one call for a batch of them. */
  return { publishProjectQualityEvents: stepEventPublisher(js, PROJECT_QUALITY_SOURCE).many };
}

export type ProjectQualityActivities = ReturnType<typeof createProjectQualityActivities>;
