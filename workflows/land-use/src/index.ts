export * from './contracts/index';
export {
  LAND_USE_TASK_QUEUE,
  acceptCompensationUpdate,
  confirmReclamationUpdate,
  landCaseActionUpdate,
  landCaseQuery,
  ledgerQuery,
  requestOccupationUpdate,
  suspendedTownsQuery,
  townSuspensionUpdate,
} from './definitions';
export type {
  AcceptCompensationCommand,
  ConfirmReclamationCommand,
  RequestOccupationCommand,
  TownSuspensionCommand,
} from './definitions';
export { afterSuspensionFact, isSuspended, suspensionRefusal } from './suspension';
export type { TownSuspension } from './suspension';
export { createLandUseWorker, landUseWorkflowsPath } from './worker';
export type { LandUseWorkerDeps } from './worker';
export { createLandUseActivities } from './activities';
export type { LandUseActivities } from './activities';
export type { landCaseWorkflow, landLedgerWorkflow } from './workflows';
export {
  DEFAULT_CASE_HANDLING_DAYS,
  MAJOR_CULTIVATED_MU,
  TEMPORARY_USE_MAX_YEARS,
  allocate,
  gradeAtLeastAsGood,
  majorCase,
  reclamationDeadline,
  selectParcels,
  servingOrder,
} from './rules';
export { CASE_FLOW, openStep } from './case';
