import type { z } from 'zod';
import type { EventDefinition } from './define';
import { DiagnosticsEvents } from './events/diagnostics';
import { SupervisionEvents } from './supervision/events';
import { AlertEvents } from './events/alerts';
import { KindergartenEvents } from './kindergarten/events';
import { CultivatedEvents } from './cultivated/events';
import { LandUseEvents } from './land-use/events';

// Every domain adds its `as const` object here; a type not listed cannot be published or handled.
const domains = [
  DiagnosticsEvents,
  SupervisionEvents,
  AlertEvents,
  KindergartenEvents,
  LandUseEvents,
  CultivatedEvents,
] as const;

// Distributes over the domains: keyof a union would only keep the keys they share.
type ValuesOf<T> = T extends unknown ? T[keyof T] : never;
type DomainDefinitions = ValuesOf<(typeof domains)[number]>;

export type EventType = DomainDefinitions['type'];

export type EventDefinitionOf<T extends EventType> = Extract<DomainDefinitions, { type: T }>;

export type EventData<T extends EventType> = z.infer<EventDefinitionOf<T>['schema']>;

const byType = new Map<string, EventDefinition>();
const bySubject = new Map<string, EventDefinition>();
for (const domain of domains) {
  for (const def of Object.values(domain) as EventDefinition[]) {
    if (byType.has(def.type)) throw new Error(`event type registered twice: ${def.type}`);
    byType.set(def.type, def);
    bySubject.set(def.subject, def);
  }
}

export class UnknownEventTypeError extends Error {
  override readonly name = 'UnknownEventTypeError';
  constructor(readonly eventType: string) {
    super(`unknown event type "${eventType}": it is not in the Duban event registry`);
  }
}

export function isEventType(type: string): type is EventType {
  return byType.has(type);
}

export function eventDefinition<T extends EventType>(type: T): EventDefinitionOf<T>;
export function eventDefinition(type: string): EventDefinition;
export function eventDefinition(type: string): EventDefinition {
  const def = byType.get(type);
  if (!def) throw new UnknownEventTypeError(type);
  return def;
}

export function allEventDefinitions(): EventDefinition[] {
  return [...byType.values()];
}
