export {
  catalogCollections,
  CatalogImportError,
  ensureCatalogIndexes,
  importCatalog,
  latestDeadline,
  taskContentOf,
} from './import';
export type {
  ChangeCounts,
  ChangeKind,
  DocumentImportSummary,
  ImportOptions,
  ImportSummary,
  TaskRefLine,
} from './import';
export { CatalogCollections } from './model';
export type {
  CatalogArticleDoc,
  CatalogDocumentDoc,
  CatalogTaskDoc,
  CatalogTaskVersionDoc,
  DocumentCounts,
  Provenance,
  TaskContent,
  TaskKind,
} from './model';
export { taskContentHash } from './hash';
export { GazetteFileError, loadGazetteFile, readGazetteText } from './source';
export type { LoadedGazette } from './source';
export { itemIdFor, reportingScheduleFor, startItemFor } from './start-item';
export type { ItemSourceDocument, ItemSourceTask } from './start-item';
export { startSupervisionItems, supervisionCandidates } from './start';
export type {
  SkippedItem,
  StartOutcomeKind,
  StartSupervisionOptions,
  StartSupervisionResult,
  SupervisionCandidate,
} from './start';
export { catalogRoutes } from './routes';
export { CatalogGrants } from './grants';
export { IMPORT_BODY_LIMIT } from './imports/schemas';
export { IMPORT_DRAFTS } from './imports/drafts';
export { REMOVED_REASON } from './imports/confirm';
export type { ImportRouteOptions } from './imports/routes';
export { diffTasks } from './diff';
export type { NoticeDiff, TaskChange } from './diff';
export { documentIdOf, documentKeyOf } from './identity';
export { MAX_NOTICE_BYTES, NoticeInputError, parseNoticeForOffice, readNoticeInput } from './notice-input';
export { ParsedNoticeSchema } from './notice-input';
export type { NoticeInput, ParsedNotice } from './notice-input';
export { tasksFilter } from './views';
export {
  CatalogDocumentSummaryView,
  CatalogDocumentView,
  CatalogTaskDetail,
  CatalogTaskView,
  CatalogTasksPage,
  MAX_PAGE_SIZE,
  TasksQuery,
} from './schemas';
