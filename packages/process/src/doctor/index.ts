export { EventType, isTimedOutTaskSplit, mismatchedEventId, remedyOf } from './history';
export type { History, HistoryEvent, Remedy } from './history';
export { findStuckWorkflows, repairWorkflow } from './repair';
export type { RepairOutcome, StuckWorkflow } from './repair';
export { installWorkflowRuntime, onFailedWorkflowTask } from './runtime';
export type { FailedWorkflowTask } from './runtime';
export { startWorkflowDoctor, WORKFLOW_DOCTOR, WORKFLOW_REPAIRS, workflowRepairCounts } from './doctor';
export type { WorkflowDoctor, WorkflowDoctorOptions, WorkflowRepairDoc } from './doctor';
