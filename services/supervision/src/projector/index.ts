export { startProjectorService, projectorHandlers, PROJECTOR_CONSUMER } from './service';
export type { ProjectorDeps } from './service';
export { rebuildProjections } from './rebuild';
export type { RebuildOptions, RebuildResult } from './rebuild';
export { supervisionReadModel } from './read-model';
export { ensureProjectorIndexes, PROJECTOR_COLLECTIONS } from './collections';
export { inboxEntriesOf } from './inbox';
