export { startProjectorService, projectorHandlers, PROJECTOR_CONSUMER } from './service';
export type { ProjectorDeps } from './service';
export { rebuildProjections, rebuildReadModels, waitUntilCaughtUp } from './rebuild';
export type {
  ReadModelRebuilt,
  RebuildOptions,
  RebuildReadModelsOptions,
  RebuildResult,
  StoreReadModel,
} from './rebuild';
export { supervisionReadModel } from './read-model';
export { ensureProjectorIndexes, PROJECTOR_COLLECTIONS } from './collections';
export { inboxEntriesOf } from './inbox';
