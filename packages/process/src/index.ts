export { checkProcessList, defineProcess } from './define';
export type {
  ConsolePage,
  ProcessConsole,
  ProcessModule,
  ProcessServiceDeps,
  ProcessStartDeps,
  ProcessWorker,
  ProcessWorkerDeps,
} from './define';
export { rebuildReadModels, waitUntilCaughtUp } from './rebuild';
export type { ReadModelRebuilt, RebuildReadModelsOptions, StoreReadModel } from './rebuild';
export { addOverviews, countByColour } from './overview';
export type { ProcessOverview } from './overview';
export {
  findStuckWorkflows,
  installWorkflowRuntime,
  isTimedOutTaskSplit,
  remedyOf,
  repairWorkflow,
  startWorkflowDoctor,
  WORKFLOW_DOCTOR,
  WORKFLOW_REPAIRS,
  workflowRepairCounts,
} from './doctor/index';
export type { HistoryEvent, Remedy, RepairOutcome, StuckWorkflow, WorkflowRepairDoc } from './doctor/index';
