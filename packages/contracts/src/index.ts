export { CloudEventEnvelopeSchema, eventId } from './cloudevent';
export type { Attribution, CloudEvent, CloudEventEnvelope } from './cloudevent';
export { defineEvent } from './define';
export type { EventDefinition } from './define';
export { allEventDefinitions, eventDefinition, isEventType, UnknownEventTypeError } from './registry';
export type { EventData, EventDefinitionOf, EventType } from './registry';
export { buildEvent, parseEvent, EventSchemaError } from './build';
export type { AnyDubanEvent, NewEvent } from './build';
export { DiagnosticsEvents } from './events/diagnostics';
