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
export type { AnyDubanEvent, NewEvent, StepEvent } from './build';
export { DiagnosticsEvents } from './events/diagnostics';
export * from './supervision/index';
export { AlertEvents } from './events/alerts';
export * from './kindergarten/index';
export * from './cultivated/index';
export * from './land-use/index';
export { ALERT_KINDS, INBOX_PROCESSES, ReadModels, inboxEntryId, supervisionStepLabel } from './readmodels';
export type {
  AlertAudience,
  AlertDoc,
  AlertKind,
  InboxDoc,
  InboxProcess,
  ItemDoc,
  TimelineDoc,
} from './readmodels';
export type { PendingExtensionRequest } from './reviews';
export { COLOUR_ORDER, colourRank, compareDeadlines, emptyColourCounts } from './urgency';
export type { ColourCounts } from './urgency';
