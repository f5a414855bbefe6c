import type { CloudEvent, EventData, SupervisionEvents } from '@duban/contracts';

type SupervisionDefinition = (typeof SupervisionEvents)[keyof typeof SupervisionEvents];

export type SupervisionEventType = SupervisionDefinition['type'];

export type SupervisionEvent<T extends SupervisionEventType = SupervisionEventType> = {
  [K in T]: CloudEvent<K, EventData<K>>;
}[T];
