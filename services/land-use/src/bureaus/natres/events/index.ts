import { LandUseEvents } from '@duban/workflow-land-use/client';

/** The ledger's facts: each carries the ledger after it. */
export const ledgerEvents = [
  LandUseEvents.CompensationAccepted,
  LandUseEvents.OccupationApproved,
  LandUseEvents.OccupationRefused,
  LandUseEvents.OccupationQueued,
  LandUseEvents.TemporaryOccupationApproved,
  LandUseEvents.ReclamationColourChanged,
  LandUseEvents.ReclamationConfirmed,
] as const;

/** The cases' facts: each carries the case after it. */
export const caseEvents = [
  LandUseEvents.CaseRegistered,
  LandUseEvents.CaseStepCompleted,
  LandUseEvents.CaseListedForSupervision,
  LandUseEvents.CaseTransferred,
  LandUseEvents.CaseExposed,
  LandUseEvents.CaseDeadlineExtended,
  LandUseEvents.CaseColourChanged,
  LandUseEvents.CaseClosed,
] as const;

/** What reaches the inspectors and the leadership group. */
export const alertEvents = [LandUseEvents.CaseListedForSupervision, LandUseEvents.CaseColourChanged] as const;
