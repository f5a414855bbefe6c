import path from 'node:path';
import { mendedText } from '@duban/policy';
import type { Collection, Db } from 'mongodb';
import { ensureIndexes, isDuplicateKeyError } from '@duban/store';
import type { Article, ParsedGazette, ParseWarning, Task } from '@duban/gazette';
import { documentIdOf, documentKeyOf, documentLabelOf, taskIdOf } from './identity';
import { ParsedNoticeSchema, type NoticeDocument, type ParsedNotice } from './notice-input';
import { exactJson, hashOf, taskContentHash } from './hash';
import {
  CatalogCollections,
  type CatalogArticleDoc,
  type CatalogDocumentDoc,
  type CatalogTaskDoc,
  type CatalogTaskVersionDoc,
  type DocumentCounts,
  type Provenance,
  type TaskContent,
} from './model';
import { readGazetteText } from './source';
import { clock } from '@duban/contracts';

export interface ImportOptions {
  /** The gazette's file name; stored (without folders) as the source of every clause. */
  source: string;
  /** Who imports: a user id or name, stored with every new version. */
  importedBy?: string;
  /**
   * The file's text, for the exact source lines of every clause. When left out, the file at
   * `source` is read.
   */
  sourceText?: string;
  /** The import's timestamp (tests). */
  now?: Date;
}

/** The input does not fit together; raised before anything is written. */
export class CatalogImportError extends Error {
  override readonly name = 'CatalogImportError';
}

export type ChangeKind = 'new' | 'changed' | 'unchanged';

export interface ChangeCounts {
  total: number;
  new: number;
  changed: number;
  unchanged: number;
}

export interface TaskRefLine {
  itemId: string;
  /** The 文号, else the title (a notice without one). */
  docNo: string;
  ref: string;
  title: string;
}

export interface DocumentImportSummary {
  /** The 文号, else the title (a notice without one). */
  docNo: string;
  key: string;
  docId: string;
  title: string;
  document: ChangeKind;
  tasks: ChangeCounts & {
    withDeadline: number;
    /** Indicators of the tasks and of the goal clauses (主要目标). */
    indicators: number;
    /** Unchanged tasks whose place in the file moved: provenance refreshed, no new version. */
    relocated: number;
  };
  articles: ChangeCounts;
  newRefs: string[];
  changedRefs: string[];
  /** Tasks without a lead unit: catalogued, but no supervision item can be started for them. */
  noLeadUnit: string[];
  /** Tasks in the catalog that this file no longer has (left in place, not deleted). */
  missingRefs: string[];
  warnings: ParseWarning[];
}

export interface ImportSummary {
  source: string;
  documents: DocumentImportSummary[];
  totals: { documents: ChangeCounts; tasks: ChangeCounts; articles: ChangeCounts };
  noLeadUnit: TaskRefLine[];
  /** Every warning of the parse (unknown units, TOC disagreements, unplaced text …). */
  warnings: ParseWarning[];
}

interface Collections {
  documents: Collection<CatalogDocumentDoc>;
  tasks: Collection<CatalogTaskDoc>;
  versions: Collection<CatalogTaskVersionDoc>;
  articles: Collection<CatalogArticleDoc>;
}

export function catalogCollections(db: Db): Collections {
  return {
    documents: db.collection<CatalogDocumentDoc>(CatalogCollections.documents),
    tasks: db.collection<CatalogTaskDoc>(CatalogCollections.tasks),
    versions: db.collection<CatalogTaskVersionDoc>(CatalogCollections.taskVersions),
    articles: db.collection<CatalogArticleDoc>(CatalogCollections.articles),
  };
}

/** Indexes the read API filters and sorts on; only missing ones are created. */
export async function ensureCatalogIndexes(db: Db): Promise<void> {
  const c = catalogCollections(db);
  await ensureIndexes(c.tasks, [
    { key: { docId: 1, position: 1 }, name: 'docId_position' },
    { key: { unitCodes: 1 }, name: 'unitCodes' },
    { key: { deadline: 1 }, name: 'deadline' },
  ]);
  await ensureIndexes(c.versions, [{ key: { itemId: 1, version: 1 }, name: 'itemId_version' }]);
  await ensureIndexes(c.articles, [{ key: { docId: 1, position: 1 }, name: 'docId_position' }]);
}

// ---------------------------------------------------------------------------------------------
// Planning: everything is computed and checked before the first write.

type TaskFields = Omit<CatalogTaskDoc, 'importedAt' | 'firstImportedAt' | 'importedBy' | 'version'>;
type ArticleFields = Omit<CatalogArticleDoc, 'importedAt' | 'updatedAt' | 'importedBy'>;
type DocumentFields = Omit<CatalogDocumentDoc, 'importedAt' | 'updatedAt' | 'importedBy'>;

export interface PlannedDocument {
  doc: DocumentFields;
  tasks: TaskFields[];
  articles: ArticleFields[];
}

/** The title mended of the source's OCR slips (引客人青); as printed beside it when it differs. */
function titled(printed: string): { title: string; titleAsPrinted?: string } {
  const title = mendedText(printed);
  return title === printed ? { title } : { title, titleAsPrinted: printed };
}

export function taskContentOf(task: Task): TaskContent {
  return {
    kind: task.kind,
    ...titled(task.title),
    text: task.text,
    path: task.path,
    lead: task.lead.map((u) => ({ code: u.code, name: u.name })),
    cooperating: task.cooperating.map((u) => ({ code: u.code, name: u.name })),
    otherParties: task.otherParties,
    duties: task.duties.map((d) => ({
      units: d.units.map((u) => ({ code: u.code, name: u.name })),
      text: d.text,
    })),
    deadlines: task.deadlines,
    recurringDeadlines: task.recurringDeadlines,
    indicators: task.indicators,
    reportingFrequency: task.reportingFrequency ?? null,
  };
}

/** The latest deadline date of a task, or null. ISO dates compare as strings. */
export function latestDeadline(deadlines: readonly { date: string }[]): string | null {
  let latest: string | null = null;
  for (const d of deadlines) if (latest === null || d.date > latest) latest = d.date;
  return latest;
}

function provenance(file: string, lines: readonly string[], range: { from: number; to: number }): Provenance {
  if (range.to < range.from || range.to > lines.length) {
    throw new CatalogImportError(
      `${file}: lines ${range.from}–${range.to} are not in the file (${lines.length} lines); ` +
        'was the parse made from another text?',
    );
  }
  return { file, lines: { from: range.from, to: range.to }, text: lines.slice(range.from - 1, range.to) };
}

function countsOf(doc: NoticeDocument): DocumentCounts {
  return {
    tasks: doc.tasks.length,
    tasksWithDeadline: doc.tasks.filter((t) => t.deadlines.length > 0).length,
    articles: doc.articles.length,
    targets: doc.targets.length,
    indicators:
      doc.tasks.reduce((n, t) => n + t.indicators.length, 0) +
      doc.targets.reduce((n, t) => n + t.indicators.length, 0),
    annualTableRows: doc.annualTable?.length ?? 0,
  };
}

function planTask(doc: NoticeDocument, docId: string, task: Task, file: string, lines: readonly string[]) {
  const content = taskContentOf(task);
  const fields: TaskFields = {
    _id: taskIdOf(docId, task.ref),
    docId,
    docNo: doc.docNo ?? null,
    ref: task.ref,
    ...content,
    unitCodes: [...new Set([...content.lead, ...content.cooperating].map((u) => u.code))],
    deadline: latestDeadline(task.deadlines),
    hasIndicators: task.indicators.length > 0,
    position: task.sourceLines.from,
    source: provenance(file, lines, task.sourceLines),
    contentHash: taskContentHash(content),
  };
  return fields;
}

function planArticle(
  doc: NoticeDocument,
  docId: string,
  article: Article,
  file: string,
  lines: readonly string[],
) {
  const content = {
    ref: article.ref,
    chapter: article.chapter ?? null,
    title: article.title ?? null,
    text: article.text,
    deadlines: article.deadlines,
    recurringDeadlines: article.recurringDeadlines,
  };
  // Articles keep no history: their place in the file counts, so a move refreshes the provenance.
  const source = provenance(file, lines, article.sourceLines);
  const fields: ArticleFields = {
    _id: `${docId}:${article.ref}`,
    docId,
    docNo: doc.docNo ?? null,
    ...content,
    position: article.sourceLines.from,
    source,
    contentHash: hashOf({ ...content, lines: source.lines, text: source.text }),
  };
  return fields;
}

function planDocument(
  doc: NoticeDocument,
  warnings: readonly ParseWarning[],
  file: string,
  lines: readonly string[],
): PlannedDocument {
  const key = documentKeyOf(doc);
  const docId = documentIdOf(doc);
  const content = {
    docNo: doc.docNo ?? null,
    ...titled(doc.title),
    issuers: doc.issuers.map((u) => ({ code: u.code, name: u.name })),
    issuedOn: doc.issuedOn ?? null,
    published: doc.published,
    addressees: doc.addressees ?? null,
    lines: { from: doc.startLine, to: doc.endLine },
    counts: countsOf(doc),
    targets: doc.targets,
    annualTable: doc.annualTable ?? null,
    reporting: doc.reporting ?? null,
    attachments: doc.attachments,
    warnings: warnings.filter((w) => w.docNo === (doc.docNo ?? key)),
  };
  return {
    // The key stays out of the hash: for a document with a 文号 it adds nothing.
    doc: { _id: docId, ...content, key, source: file, contentHash: hashOf(content) },
    tasks: doc.tasks.map((t) => planTask(doc, docId, t, file, lines)),
    articles: doc.articles.map((a) => planArticle(doc, docId, a, file, lines)),
  };
}

function duplicates(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const id of ids) (seen.has(id) ? dup : seen).add(id);
  return [...dup];
}

export function plan(parsed: ParsedNotice, file: string, text: string): PlannedDocument[] {
  const lines = text.split(/\r?\n/);
  const planned = parsed.documents.map((d) => planDocument(d, parsed.warnings, file, lines));
  const checks: [string, string[]][] = [
    ['document', planned.map((p) => p.doc._id)],
    ['task', planned.flatMap((p) => p.tasks.map((t) => t._id))],
    ['article', planned.flatMap((p) => p.articles.map((a) => a._id))],
  ];
  for (const [what, ids] of checks) {
    const dup = duplicates(ids);
    if (dup.length > 0)
      throw new CatalogImportError(`${file}: two ${what}s would share the id ${dup.join(', ')}`);
  }
  return planned;
}

// ---------------------------------------------------------------------------------------------
// Writing: single-document, idempotent, conditional writes (FerretDB 1.x has no transactions).

const MAX_ATTEMPTS = 5;

/** What an unchanged task may still refresh: its place in the file and the units' display names. */
function displayOf(t: Pick<CatalogTaskDoc, 'source' | 'position' | 'lead' | 'cooperating' | 'duties'>) {
  return {
    source: t.source,
    position: t.position,
    lead: t.lead,
    cooperating: t.cooperating,
    duties: t.duties,
  };
}

function stripId<T extends { _id: string }>(doc: T): Omit<T, '_id'> {
  const { _id: _ignored, ...rest } = doc;
  return rest;
}

const isDuplicateKey = isDuplicateKeyError;

/**
 * Inserts a document unless one with its id exists; true when this call inserted it. (Not an
 * upsert with $setOnInsert: FerretDB 1.x drops empty top-level arrays from such an insert.)
 */
async function insertIfAbsent<T extends { _id: string }>(
  collection: Collection<T>,
  doc: T,
): Promise<boolean> {
  try {
    await (collection as unknown as Collection<{ _id: string }>).insertOne(doc);
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}

type TaskOutcome = ChangeKind | 'relocated';

/** `known`: the stored task as read with its document's (one query); re-read after a conflict. */
async function writeTask(
  c: Collections,
  planned: TaskFields,
  known: CatalogTaskDoc | null,
  meta: { now: Date; importedBy: string | null },
): Promise<TaskOutcome> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const current = attempt === 0 ? known : await c.tasks.findOne({ _id: planned._id });
    if (!current) {
      const doc: CatalogTaskDoc = {
        ...planned,
        version: 1,
        importedAt: meta.now,
        firstImportedAt: meta.now,
        importedBy: meta.importedBy,
      };
      if (await insertIfAbsent(c.tasks, doc)) return 'new';
      continue; // inserted meanwhile by a concurrent import: look again
    }
    if (current.contentHash === planned.contentHash) {
      if (exactJson(displayOf(current)) === exactJson(displayOf(planned))) return 'unchanged';
      const res = await c.tasks.updateOne(
        { _id: planned._id, contentHash: current.contentHash, version: current.version },
        { $set: displayOf(planned) },
      );
      if (res.matchedCount === 1) return 'relocated';
      continue;
    }
    // A new version: keep the current one first (idempotent), then replace it if nobody else did.
    const archived: CatalogTaskVersionDoc = {
      ...current,
      _id: `${current._id}@${current.version}`,
      itemId: current._id,
      supersededAt: meta.now,
    };
    await insertIfAbsent(c.versions, archived); // already there after an interrupted import: fine
    const next: Omit<CatalogTaskDoc, '_id' | 'firstImportedAt'> = {
      ...stripId(planned),
      version: current.version + 1,
      importedAt: meta.now,
      importedBy: meta.importedBy,
    };
    const res = await c.tasks.updateOne(
      { _id: planned._id, contentHash: current.contentHash, version: current.version },
      { $set: next },
    );
    if (res.matchedCount === 1) return 'changed';
  }
  throw new CatalogImportError(`task ${planned._id} kept changing under a concurrent import; try again`);
}

/** Documents and articles keep only their current content (no history); same conditional write. */
async function writeCurrent<
  T extends { _id: string; contentHash: string; importedAt: Date; updatedAt: Date },
>(
  collection: Collection<T>,
  planned: Omit<T, 'importedAt' | 'updatedAt' | 'importedBy'>,
  known: { contentHash: string } | null | undefined,
  meta: { now: Date; importedBy: string | null },
): Promise<ChangeKind> {
  // The driver's filter and update types do not follow a generic T; the shapes are ours.
  const coll = collection as unknown as Collection<{ _id: string; contentHash: string }>;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const current =
      attempt === 0 && known !== undefined
        ? known
        : await coll.findOne({ _id: planned._id }, { projection: { contentHash: 1 } });
    if (!current) {
      const doc = { ...planned, importedAt: meta.now, updatedAt: meta.now, importedBy: meta.importedBy };
      if (await insertIfAbsent(coll, doc as typeof doc & { contentHash: string })) return 'new';
      continue;
    }
    if (current.contentHash === planned.contentHash) return 'unchanged';
    const res = await coll.updateOne(
      { _id: planned._id, contentHash: current.contentHash },
      { $set: { ...stripId(planned), updatedAt: meta.now, importedBy: meta.importedBy } },
    );
    if (res.matchedCount === 1) return 'changed';
  }
  throw new CatalogImportError(`${planned._id} kept changing under a concurrent import; try again`);
}

function emptyCounts(): ChangeCounts {
  return { total: 0, new: 0, changed: 0, unchanged: 0 };
}

function add(counts: ChangeCounts, kind: ChangeKind): void {
  counts.total += 1;
  counts[kind] += 1;
}

/**
 * Stores a parsed gazette in the catalog: one document per 文号, one task per clause with its
 * provenance, the articles of every document. Idempotent: the same file again writes nothing; a
 * task whose content changed becomes version n+1 and version n is kept in catalog_task_versions.
 * Bad input (a parse that does not validate, lines outside the text, colliding ids) throws before
 * the first write.
 */
export async function importCatalog(
  db: Db,
  parsed: ParsedGazette | ParsedNotice,
  options: ImportOptions,
): Promise<ImportSummary> {
  const input = ParsedNoticeSchema.safeParse(parsed);
  if (!input.success) {
    const first = input.error.issues[0];
    throw new CatalogImportError(
      `${options.source}: the parse does not validate` +
        (first ? ` (${first.path.join('.')}: ${first.message})` : ''),
    );
  }
  const text = options.sourceText ?? (await readGazetteText(options.source));
  const file = path.basename(options.source);
  const planned = plan(input.data, file, text);
  const meta = { now: options.now ?? clock.now(), importedBy: options.importedBy ?? null };

  const c = catalogCollections(db);
  await ensureCatalogIndexes(db);

  const summary: ImportSummary = {
    source: file,
    documents: [],
    totals: { documents: emptyCounts(), tasks: emptyCounts(), articles: emptyCounts() },
    noLeadUnit: [],
    warnings: input.data.warnings,
  };

  for (const p of planned) {
    // What is stored already, in one query per collection; each write below is still conditional.
    const storedTasks = new Map((await c.tasks.find({ docId: p.doc._id }).toArray()).map((t) => [t._id, t]));
    const storedArticles = new Map(
      (await c.articles.find({ docId: p.doc._id }, { projection: { contentHash: 1 } }).toArray()).map((a) => [
        a._id,
        a,
      ]),
    );

    const documentKind = await writeCurrent(c.documents, p.doc, undefined, meta);
    add(summary.totals.documents, documentKind);
    const docSummary: DocumentImportSummary = {
      docNo: documentLabelOf(p.doc),
      key: p.doc.key,
      docId: p.doc._id,
      title: p.doc.title,
      document: documentKind,
      tasks: {
        ...emptyCounts(),
        withDeadline: p.doc.counts.tasksWithDeadline,
        indicators: p.doc.counts.indicators,
        relocated: 0,
      },
      articles: emptyCounts(),
      newRefs: [],
      changedRefs: [],
      noLeadUnit: [],
      missingRefs: [],
      warnings: p.doc.warnings,
    };

    for (const task of p.tasks) {
      const outcome = await writeTask(c, task, storedTasks.get(task._id) ?? null, meta);
      const kind: ChangeKind = outcome === 'relocated' ? 'unchanged' : outcome;
      if (outcome === 'relocated') docSummary.tasks.relocated += 1;
      add(docSummary.tasks, kind);
      add(summary.totals.tasks, kind);
      if (kind === 'new') docSummary.newRefs.push(task.ref);
      if (kind === 'changed') docSummary.changedRefs.push(task.ref);
      if (task.lead.length === 0) {
        docSummary.noLeadUnit.push(task.ref);
        summary.noLeadUnit.push({
          itemId: task._id,
          docNo: docSummary.docNo,
          ref: task.ref,
          title: task.title,
        });
      }
    }
    for (const article of p.articles) {
      const kind = await writeCurrent(c.articles, article, storedArticles.get(article._id) ?? null, meta);
      add(docSummary.articles, kind);
      add(summary.totals.articles, kind);
    }

    const present = new Set(p.tasks.map((t) => t._id));
    docSummary.missingRefs = [...storedTasks.values()]
      .filter((t) => !present.has(t._id))
      .sort((a, b) => a.position - b.position)
      .map((t) => t.ref);
    summary.documents.push(docSummary);
  }
  return summary;
}
