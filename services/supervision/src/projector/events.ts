import type { CloudEvent, EventData } from '@duban/contracts';
import type { SupervisionEvents } from '@duban/workflow-supervision/client';

type SupervisionDefinition = (typeof SupervisionEvents)[keyof typeof SupervisionEvents];

export type SupervisionEventType = SupervisionDefinition['type'];

export type SupervisionEvent<T extends SupervisionEventType = SupervisionEventType> = {
  [K in T]: CloudEvent<K, EventData<K>>;
}[T];
