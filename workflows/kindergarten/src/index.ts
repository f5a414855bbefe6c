export * from './contracts/index';
export {
  KINDERGARTEN_TASK_QUEUE,
  caseActionUpdate,
  caseSnapshotQuery,
  rectificationActionUpdate,
  rectificationStepsQuery,
} from './definitions';
export { createKindergartenWorker, kindergartenWorkflowsPath } from './worker';
export type { KindergartenWorkerDeps } from './worker';
export { createKindergartenActivities } from './activities';
export type { KindergartenActivities } from './activities';
export type { kindergartenCaseWorkflow, kindergartenRectificationWorkflow } from './workflows';
export {
  CAMPAIGN_2019,
  DEADLINE_MONTH_OFFSETS,
  GAZETTE_CAMPAIGN_START,
  campaignDeadlines,
  newCampaign,
} from './campaign';
export { categoryRefusal, holdsFor, operationRefusal, UNIT_NAMES, unitName } from './rules';
export { newCaseState } from './case';
