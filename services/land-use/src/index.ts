export { landUseRoutes } from './routes/index';
export { startLandUseServices } from './service';
export type { LandUseServiceDeps } from './service';
export { natresLandDurables, startNatresLandModule } from './bureaus/natres/index';
export { ensureLandLedger, landCaseIdOf } from './temporal';
export { LAND_SUSPENSIONS, activeSuspension } from './suspensions';
export type { LandSuspensionDoc } from './suspensions';
export { LuCollections } from './collections';
// The worker lives with the workflows; re-exported so the system starts everything from here.
export { createLandUseWorker } from '@duban/workflow-land-use';
export { landUseReadModel } from './rebuild';
export { landUseProcess } from './process';
