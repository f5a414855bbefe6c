import type { z } from 'zod';
import type { EventDefinition } from './define';

/**
 * The event domains of every process, by name. Empty here: each process adds its `as const`
 * object where it defines its events, so the registry knows every type at compile time without
 * this package knowing any process:
 *
 *     declare module '@duban/contracts/registry' {
 *       interface EventDomains { kindergarten: typeof KindergartenEvents }
 *     }
 *     export const KindergartenEvents = registerEvents({ ... });
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface EventDomains {}

/** A process's events: an `as const` object of definitions, e.g. `{ CaseOpened: defineEvent(…) }`. */
export type EventDomain = Readonly<Record<string, EventDefinition>>;

// Distributes over the domains: keyof a union would only keep the keys they share.
type ValuesOf<T> = T extends unknown ? T[keyof T] : never;
type DomainDefinitions = ValuesOf<EventDomains[keyof EventDomains]>;

export type EventType = DomainDefinitions extends { type: infer T extends string } ? T : never;

export type EventDefinitionOf<T extends EventType> = Extract<DomainDefinitions, { type: T }>;

export type EventData<T extends EventType> = z.infer<EventDefinitionOf<T>['schema']>;

const byType = new Map<string, EventDefinition>();

/**
 * Registers a domain's events at run time (the module that defines them calls this once, so
 * whoever imports an event constant can also publish and parse it). Registering the same
 * definitions again is harmless; another definition under a known type is a programming error.
 */
export function registerEvents<const D extends EventDomain>(domain: D): D {
  for (const def of Object.values(domain)) {
    for (const type of [def.type, ...def.formerly.map((f) => f.type)]) {
      const known = byType.get(type);
      if (known && known !== def) throw new Error(`event type registered twice: ${type}`);
      byType.set(type, def);
    }
  }
  return domain;
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
  return [...new Set(byType.values())];
}
