import type {
  AnnualTableRow,
  Attachment,
  Deadline,
  Duty,
  Frequency,
  Indicator,
  LineRange,
  ParseWarning,
  RecurringDeadline,
  Reporting,
  Target,
} from '@duban/gazette';
import type { UnitRef } from '@duban/units';

/** The catalog's Mongo collections. Every write to them is a single-document, idempotent upsert. */
export const CatalogCollections = {
  documents: 'catalog_documents',
  tasks: 'catalog_tasks',
  taskVersions: 'catalog_task_versions',
  articles: 'catalog_articles',
} as const;

/** Where a clause stands in the imported file: its lines and their exact text (provenance). */
export interface Provenance {
  /** File name of the gazette, as given to the importer. */
  file: string;
  lines: LineRange;
  /** Lines `lines.from`…`lines.to` of the file, exactly as they stand (blank lines included). */
  text: string[];
}

export interface DocumentCounts {
  tasks: number;
  /** Tasks with at least one dated deadline. */
  tasksWithDeadline: number;
  articles: number;
  targets: number;
  /** Indicators of the tasks and of the goal clauses. */
  indicators: number;
  annualTableRows: number;
}

/** One document (文号) of the gazette. `_id` is the document's ASCII slug, e.g. `qzbf-2019-31`. */
export interface CatalogDocumentDoc {
  _id: string;
  /** Null for a notice without a 文号. */
  docNo: string | null;
  /** The document's identity across imports: its 文号, else a stable title key. */
  key: string;
  /** Mended of the source's OCR slips (引客人青 → 引客入青); as printed in `titleAsPrinted`. */
  title: string;
  titleAsPrinted?: string;
  issuers: UnitRef[];
  issuedOn: string | null;
  published: boolean;
  addressees: string | null;
  lines: LineRange;
  counts: DocumentCounts;
  targets: Target[];
  /** The 互联网+教育 annual table (2018–2022); null for documents without one. */
  annualTable: AnnualTableRow[] | null;
  /** A standing reporting duty of the whole document (青政办发〔2019〕40号: 每月25日前). */
  reporting: Reporting | null;
  attachments: Attachment[];
  /** What the parser could not place in this document. */
  warnings: ParseWarning[];
  source: string;
  contentHash: string;
  /** First import. */
  importedAt: Date;
  /** Last import that changed the document's content. */
  updatedAt: Date;
  importedBy: string | null;
}

export type TaskKind = 'task' | 'measure' | 'step';

/** The content of a task: what the hash covers and what a new version replaces. */
export interface TaskContent {
  kind: TaskKind;
  /** Mended of the source's OCR slips; `titleAsPrinted` keeps the title as the source prints it. */
  title: string;
  titleAsPrinted?: string;
  text: string;
  path: string[];
  lead: UnitRef[];
  cooperating: UnitRef[];
  otherParties: string[];
  duties: Duty[];
  deadlines: Deadline[];
  recurringDeadlines: RecurringDeadline[];
  indicators: Indicator[];
  reportingFrequency: Frequency | null;
}

/**
 * One task (督办事项 to be) of a document. `_id` is `itemIdOf(docNo, ref)`, the id its supervision
 * workflow is derived from.
 */
export interface CatalogTaskDoc extends TaskContent {
  _id: string;
  docId: string;
  docNo: string | null;
  ref: string;
  /** Codes of the lead and co-operating units, for the unit filter. */
  unitCodes: string[];
  /** The latest deadline date: the item's deadline; null when the task names none. */
  deadline: string | null;
  hasIndicators: boolean;
  /** First line in the gazette: the catalog lists tasks in the order the gazette prints them. */
  position: number;
  source: Provenance;
  version: number;
  /** sha256 (hex) of the normalised task content. */
  contentHash: string;
  /** When this version was imported. */
  importedAt: Date;
  firstImportedAt: Date;
  importedBy: string | null;
  /**
   * Set when a revised notice no longer has the task (kept, never deleted; its item is flagged for
   * 督查室); cleared when a later notice has it again.
   */
  removed?: { at: Date; reason: string; by: string; source: string } | null;
}

/** A superseded version of a task, kept when its content changes. `_id` is `${itemId}@${version}`. */
export interface CatalogTaskVersionDoc extends Omit<CatalogTaskDoc, '_id'> {
  _id: string;
  itemId: string;
  supersededAt: Date;
}

/** Every other clause (第三十六条 of a rules document, 序言 …), citable by later processes. */
export interface CatalogArticleDoc {
  /** `${docId}:${ref}`, e.g. `qzf-2019-34:第三十六条`. */
  _id: string;
  docId: string;
  docNo: string | null;
  ref: string;
  chapter: string | null;
  title: string | null;
  text: string;
  deadlines: Deadline[];
  recurringDeadlines: RecurringDeadline[];
  position: number;
  source: Provenance;
  contentHash: string;
  importedAt: Date;
  updatedAt: Date;
  importedBy: string | null;
}
