export * from './contracts/index';
export {
  CULTIVATED_LAND_TASK_QUEUE,
  assessmentActionUpdate,
  assessmentSnapshotQuery,
  rectificationActionUpdate,
  rectificationSnapshotQuery,
} from './definitions';
export { createCultivatedLandWorker, cultivatedLandWorkflowsPath } from './worker';
export type { CultivatedLandWorkerDeps } from './worker';
export { createCultivatedLandActivities } from './activities';
export type { CultivatedLandActivities } from './activities';
export type { townAssessmentWorkflow, townRectificationWorkflow } from './workflows';
export {
  RECTIFICATION_STEPS,
  UNIT_NAMES,
  deadlineRefusals,
  describeShortfalls,
  judgeAssessment,
  meetsTarget,
  shortfalls,
  suspensionReason,
  unitName,
} from './rules';
// Pure state, for services' and tests' fixtures.
export { applyAssessmentAction, newAssessmentState } from './assessment';
export { applyRectificationAction, newRectificationState } from './rectification';
