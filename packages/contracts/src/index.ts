export * from './common';
export { CloudEventEnvelopeSchema, eventId } from './cloudevent';
export type { Attribution, CloudEvent, CloudEventEnvelope } from './cloudevent';
export { defineEvent, eventTokenOf } from './define';
export type { EventDefinition, EventOptions } from './define';
export {
  allEventDefinitions,
  eventDefinition,
  isEventType,
  registerEvents,
  UnknownEventTypeError,
} from './registry';
export type { EventData, EventDefinitionOf, EventDomain, EventDomains, EventType } from './registry';
export { buildEvent, parseEvent, EventSchemaError } from './build';
export { clock } from './clock';
export type { AnyDubanEvent, NewEvent, StepEvent } from './build';
export { DiagnosticsEvents } from './events/diagnostics';
export { AlertEvents } from './events/alerts';
export { DeliveryEvents } from './events/delivery';
export { ALERT_KINDS, ProcessNameSchema, ReadModels, inboxEntryId } from './readmodels';
export type { AlertAudience, AlertDoc, AlertKind, InboxDoc, InboxProcess, TimelineDoc } from './readmodels';
export type { PendingExtensionRequest } from './reviews';
export { COLOUR_ORDER, colourRank, compareDeadlines, emptyColourCounts } from './urgency';
export type { ColourCounts } from './urgency';
export { ALL_ROLES, defineGrants, isGranted } from './grants';
export type { Grant, GrantTable } from './grants';
