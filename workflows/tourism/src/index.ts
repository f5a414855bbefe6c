export * from './contracts/index';
export * from './definitions';
export { createTourismWorker, tourismWorkflowsPath } from './worker';
export { createTourismActivities } from './activities';
export type { TourismActivities } from './activities';
export type { tourismSettlementWorkflow, tourismTripWorkflow } from './workflows';
export * from './rules';
export * from './windows';
export { awaitedConfirmers, confirmers } from './trip';
