export { parseGazette } from './parse';
export {
  AnnualTableRowSchema,
  ArticleSchema,
  AttachmentSchema,
  ComparisonSchema,
  DeadlineRuleSchema,
  DeadlineSchema,
  DutySchema,
  FrequencySchema,
  GazetteDocumentSchema,
  IndicatorSchema,
  LineRangeSchema,
  ParsedGazetteSchema,
  ParseWarningSchema,
  RecurringDeadlineSchema,
  ReportingSchema,
  TargetSchema,
  TaskKindSchema,
  TaskSchema,
  TocEntrySchema,
  UnitUsageSchema,
  WarningKindSchema,
  YearSourceSchema,
} from './schema';
export type {
  AnnualTableRow,
  Article,
  Attachment,
  Comparison,
  Deadline,
  DeadlineRule,
  Duty,
  Frequency,
  GazetteDocument,
  Indicator,
  LineRange,
  ParsedGazette,
  ParseWarning,
  RecurringDeadline,
  Reporting,
  Target,
  Task,
  TocEntry,
  UnitUsage,
  WarningKind,
  YearSource,
} from './schema';
export { extractDeadlines, extractRecurringDeadlines } from './deadlines';
export { extractIndicators } from './indicators';
export { readNotice } from './read/read-notice';
export type { NoticeInput, NoticeSource } from './read/read-notice';
export { MAX_NOTICE_BYTES, NoticeFileError } from './read/errors';
export type { NoticeFileProblem } from './read/errors';
export { parseNotice } from './notice/parse-notice';
export { undatedPhrases } from './deadlines';
export type { NoticeYear } from './deadlines';
