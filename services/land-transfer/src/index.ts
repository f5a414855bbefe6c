export { landTransferProcess } from './process';
export { landTransferRoutes } from './routes/index';
export { startLandTransferServices } from './service';
export type { LandTransferServiceDeps } from './service';
export { landTransferReadModel } from './rebuild';
export { LtCollections, operatorTotalMu } from './collections';
export { openSteps } from './projector/inbox';
// The worker lives with the workflow; re-exported so the system starts everything from here.
export { createLandTransferWorker } from '@duban/workflow-land-transfer';
