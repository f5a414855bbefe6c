import type { EventType, StepEvent } from '@duban/contracts';
import type { JetStreamClient } from '@nats-io/jetstream';
import { stepEventPublisher } from '@duban/workflow-core/worker';

export const LAND_TRANSFER_SOURCE = 'duban/workflows/land-transfer';

export type PendingTransferEvent<T extends EventType = EventType> = StepEvent<T>;

export function createLandTransferActivities({ js }: { js: JetStreamClient }) {
  /** Publishes the facts of one application in order, one call for a batch of them. */
  return { publishTransferEvents: stepEventPublisher(js, LAND_TRANSFER_SOURCE).many };
}

export type LandTransferActivities = ReturnType<typeof createLandTransferActivities>;
