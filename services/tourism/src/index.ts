export { tourismProcess } from './process';
export { tourismRoutes } from './routes/index';
export { tourismReadModel } from './rebuild';
export { startTourismProjection, tourismDurables } from './projector/index';
export { TourismCollections } from './collections';
export { ensureSettlement, fileTrip } from './temporal';
export { settlementSheet } from './routes/sheet';
export { createTourismWorker } from '@duban/workflow-tourism';
