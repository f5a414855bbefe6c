export { landUseRoutes } from './routes/index';
export { startLandUseLedgerHold, startLandUseServices } from './service';
export type { LandUseServiceDeps } from './service';
export { natresLandDurables, startNatresLandModule } from './bureaus/natres/index';
export { ensureLandLedger, landCaseIdOf } from './temporal';
export { activeSuspension, suspendedTownCodes } from './suspensions';
export type { TownSuspensionDoc } from './collections';
export { LuCollections } from './collections';
// The worker lives with the workflows; re-exported so the system starts everything from here.
export { createLandUseWorker } from '@duban/workflow-land-use';
export { landUseReadModel } from './rebuild';
export { landUseProcess } from './process';
