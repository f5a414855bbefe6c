import { Router, type Request, type Response } from 'express';
import type { Db, Filter } from 'mongodb';
import { z } from 'zod';
import { catalogCollections } from './import';
import type { CatalogDocumentDoc, CatalogTaskDoc, CatalogTaskVersionDoc } from './model';
import { DocumentIdParams, TaskIdParams, TasksQuery, type TasksQueryInput } from './schemas';

export interface FieldError {
  field: string;
  message: string;
}

const PROBLEMS = {
  400: { type: 'urn:duban:problem:invalid-request', title: '请求参数不合法' },
  404: { type: 'urn:duban:problem:not-found', title: '资源不存在' },
} as const;

function sendProblem(
  req: Request,
  res: Response,
  status: 400 | 404,
  detail: string,
  errors?: FieldError[],
): void {
  const requestId = (req as { id?: unknown }).id ?? req.get('x-request-id') ?? '';
  res
    .status(status)
    .type('application/problem+json')
    .json({
      ...PROBLEMS[status],
      status,
      detail,
      instance: req.originalUrl.split('?')[0] ?? req.originalUrl,
      requestId: String(requestId),
      ...(errors ? { errors } : {}),
    });
}

const zhCN = z.locales.zhCN().localeError;

/** Parses one part of the request; on failure answers 400 naming every field and returns null. */
function parsePart<S extends z.ZodType>(
  req: Request,
  res: Response,
  location: 'query' | 'params',
  schema: S,
  value: unknown,
): z.output<S> | null {
  const result = schema.safeParse(value, { error: zhCN });
  if (result.success) return result.data;
  const errors = result.error.issues.map((issue) => ({
    field: [location, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  sendProblem(req, res, 400, errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
  return null;
}

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

function versionView(v: CatalogTaskVersionDoc) {
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

export interface CatalogRouterDeps {
  db: Db;
}

/**
 * The catalog's read API, to be mounted under /api/catalog behind the gateway's authentication:
 * GET /documents, GET /documents/:id, GET /tasks, GET /tasks/:id. Bad queries are answered with a
 * 400 application/problem+json naming each field; unknown ids with a 404 problem. Other errors go
 * to the host's error handler.
 */
export function createCatalogRouter({ db }: CatalogRouterDeps): Router {
  const c = catalogCollections(db);
  const router = Router();

  router.get('/documents', async (_req, res) => {
    const docs = await c.documents.find({}).toArray();
    docs.sort((a, b) => a.lines.from - b.lines.from || a._id.localeCompare(b._id));
    res.json({ documents: docs.map(documentSummaryView), total: docs.length });
  });

  router.get('/documents/:id', async (req, res) => {
    const params = parsePart(req, res, 'params', DocumentIdParams, req.params);
    if (!params) return;
    const doc = await c.documents.findOne({ _id: params.id });
    if (!doc) return sendProblem(req, res, 404, `目录中没有文件 ${req.params.id}`);
    res.json(documentView(doc));
  });

  router.get('/tasks', async (req, res) => {
    const query = parsePart(req, res, 'query', TasksQuery, req.query);
    if (!query) return;
    const { page, pageSize, ...filters } = query;
    const filter = tasksFilter(filters);
    const [total, tasks] = await Promise.all([
      c.tasks.countDocuments(filter),
      c.tasks
        .find(filter)
        .sort({ position: 1, _id: 1 })
        .skip((page - 1) * pageSize)
        .limit(pageSize)
        .toArray(),
    ]);
    res.json({ tasks: tasks.map((t) => taskView(t)), total, page, pageSize });
  });

  router.get('/tasks/:id', async (req, res) => {
    const params = parsePart(req, res, 'params', TaskIdParams, req.params);
    if (!params) return;
    const task = await c.tasks.findOne({ _id: params.id });
    if (!task) return sendProblem(req, res, 404, `目录中没有任务 ${params.id}`);
    const previous = await c.versions.find({ itemId: params.id }).sort({ version: 1 }).toArray();
    res.json({
      task: taskView(task),
      provenance: task.source,
      history: [...previous.map(versionView), { ...taskView(task), supersededAt: null }],
    });
  });

  return router;
}
