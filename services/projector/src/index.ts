export { startProjectorService, projectorHandlers, PROJECTOR_CONSUMER } from './service';
export type { ProjectorDeps } from './service';
export { rebuildProjections, waitUntilCaughtUp } from './rebuild';
export type { RebuildOptions, RebuildResult } from './rebuild';
export { ensureProjectorIndexes, PROJECTOR_COLLECTIONS } from './collections';
export { inboxEntriesOf } from './inbox';
