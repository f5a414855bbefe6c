import type { EventType, StepEvent } from '@duban/contracts';
import type { JetStreamClient } from '@nats-io/jetstream';
import { stepEventPublisher } from '@duban/workflow-core/worker';

export const LAND_USE_SOURCE = 'duban/workflows/land-use';

export type PendingLandEvent<T extends EventType = EventType> = StepEvent<T>;

export function createLandUseActivities({ js }: { js: JetStreamClient }) {
  /** Publishes facts of one ledger or case in order, one call for a batch of them. */
  return { publishLandEvents: stepEventPublisher(js, LAND_USE_SOURCE).many };
}

export type LandUseActivities = ReturnType<typeof createLandUseActivities>;
