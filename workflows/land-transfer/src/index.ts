export * from './client';
export { createLandTransferWorker, landTransferWorkflowsPath } from './worker';
export { createLandTransferActivities } from './activities';
export type { LandTransferActivities } from './activities';
export type { landTransferWorkflow } from './workflows';
