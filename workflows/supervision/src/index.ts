export * from './contracts/index';
export { SUPERVISION_TASK_QUEUE, itemActionUpdate, itemSnapshotQuery } from './definitions';
export { createSupervisionWorker, supervisionWorkflowsPath } from './worker';
export type { SupervisionWorkerDeps } from './worker';
export { createSupervisionActivities } from './activities';
export type { SupervisionActivities } from './activities';
export type { supervisionItemWorkflow } from './workflows';
export type { supervisionArchiveWorkflow } from './archive';
