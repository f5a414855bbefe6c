import type { Filter } from 'mongodb';
import type { CatalogDocumentDoc, CatalogTaskDoc, CatalogTaskVersionDoc } from './model';
import type { TasksQueryInput } from './schemas';

// ---------------------------------------------------------------------------------------------
// Views: Mongo documents → the API's JSON (dates as ISO strings, ids as `id`).

export function documentSummaryView(d: CatalogDocumentDoc) {
  return {
    id: d._id,
    docNo: d.docNo,
    title: d.title,
    issuers: d.issuers,
    issuedOn: d.issuedOn,
    published: d.published,
    lines: d.lines,
    counts: d.counts,
    reporting: d.reporting,
    warnings: d.warnings.length,
    source: d.source,
    importedAt: d.importedAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}

export function documentView(d: CatalogDocumentDoc) {
  return {
    ...documentSummaryView(d),
    addressees: d.addressees,
    targets: d.targets,
    annualTable: d.annualTable,
    attachments: d.attachments,
    warnings: d.warnings,
    contentHash: d.contentHash,
  };
}

export function taskView(t: Omit<CatalogTaskDoc, '_id'> & { _id: string }, id = t._id) {
  return {
    id,
    docId: t.docId,
    docNo: t.docNo,
    ref: t.ref,
    kind: t.kind,
    title: t.title,
    text: t.text,
    path: t.path,
    lead: t.lead,
    cooperating: t.cooperating,
    otherParties: t.otherParties,
    duties: t.duties,
    deadline: t.deadline,
    deadlines: t.deadlines,
    recurringDeadlines: t.recurringDeadlines,
    reportingFrequency: t.reportingFrequency,
    indicators: t.indicators,
    hasIndicators: t.hasIndicators,
    sourceLines: t.source.lines,
    version: t.version,
    contentHash: t.contentHash,
    importedAt: t.importedAt.toISOString(),
    firstImportedAt: t.firstImportedAt.toISOString(),
  };
}

export function versionView(v: CatalogTaskVersionDoc) {
  return { ...taskView(v, v.itemId), supersededAt: v.supersededAt.toISOString() };
}

/** The Mongo filter of GET /tasks. The deadline range applies to the task's latest deadline. */
export function tasksFilter(query: Omit<TasksQueryInput, 'page' | 'pageSize'>): Filter<CatalogTaskDoc> {
  const filter: Filter<CatalogTaskDoc> = {};
  if (query.docNo) filter.docId = query.docNo;
  if (query.unit) filter.unitCodes = query.unit;
  if (query.kind) filter.kind = query.kind;
  if (query.hasIndicators !== undefined) filter.hasIndicators = query.hasIndicators;
  if (query.dueBefore || query.dueAfter) {
    filter.deadline = {
      $ne: null,
      ...(query.dueBefore ? { $lte: query.dueBefore } : {}),
      ...(query.dueAfter ? { $gte: query.dueAfter } : {}),
    };
  }
  return filter;
}
