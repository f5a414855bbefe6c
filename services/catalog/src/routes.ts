// The catalog's read API under /api/catalog: what the gazette assigns, for every signed-in role.
import { defineRoute, problems, type ProcessRouteContext, type Route } from '@duban/http';
import { catalogCollections } from './import';
import {
  CatalogDocumentsList,
  CatalogDocumentView,
  CatalogTaskDetail,
  CatalogTasksPage,
  DocumentIdParams,
  TaskIdParams,
  TasksQuery,
} from './schemas';
import { documentSummaryView, documentView, tasksFilter, taskView, versionView } from './views';
import { importRoutes, type ImportRouteOptions } from './imports/routes';

// Every route reads; every signed-in role may read (the gateway answers 401 without a token).
const common = { method: 'get' as const, tags: ['catalog'], access: 'user' as const };

/**
 * GET /catalog/documents, /catalog/documents/:id, /catalog/tasks and /catalog/tasks/:id. A bad
 * query is a 400 problem naming each field, an unknown id a 404 problem (the kit's shape).
 * Given the engines (the gateway's context), also the import of notices under /catalog/imports.
 */
export function catalogRoutes(
  ctx: Pick<ProcessRouteContext, 'db'> | ProcessRouteContext,
  options: ImportRouteOptions = {},
): Route[] {
  const c = catalogCollections(ctx.db);
  return [
    ...('temporal' in ctx ? importRoutes(ctx, options) : []),
    defineRoute({
      ...common,
      path: '/catalog/documents',
      operationId: 'listCatalogDocuments',
      summary: '公报文件目录',
      description: '导入的全部文件（文号、标题、发文机关、日期、任务与条款数），按公报中的顺序。',
      responses: { 200: { description: '全部文件', schema: CatalogDocumentsList } },
      handler: async ({ res }) => {
        const docs = await c.documents.find({}).toArray();
        docs.sort((a, b) => a.lines.from - b.lines.from || a._id.localeCompare(b._id));
        res.json({ documents: docs.map(documentSummaryView), total: docs.length });
      },
    }),
    defineRoute({
      ...common,
      path: '/catalog/documents/:id',
      operationId: 'getCatalogDocument',
      summary: '一份文件：目标、年度任务表、附件与解析警告',
      description: '以文件编号（如 qzbf-2019-31）或文号（任一括号写法）查找。',
      params: DocumentIdParams,
      responses: { 200: { description: '文件', schema: CatalogDocumentView } },
      problems: { 404: '目录中没有这份文件' },
      handler: async ({ req, params, res }) => {
        const doc = await c.documents.findOne({ _id: params.id });
        // The id as asked (a 文号 or a document id), not as resolved.
        if (!doc) throw problems.notFound(`目录中没有文件 ${String(req.params.id)}`);
        res.json(documentView(doc));
      },
    }),
    defineRoute({
      ...common,
      path: '/catalog/tasks',
      operationId: 'listCatalogTasks',
      summary: '任务目录',
      description:
        '按文件、单位（牵头或配合）、期限范围（最晚一个期限日，含端点）、是否有指标、类别筛选；按公报中的顺序分页。',
      query: TasksQuery,
      responses: { 200: { description: '一页任务', schema: CatalogTasksPage } },
      handler: async ({ query, res }) => {
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
      },
    }),
    defineRoute({
      ...common,
      path: '/catalog/tasks/:id',
      operationId: 'getCatalogTask',
      summary: '一项任务：出处原文与全部版本',
      description: '出处为公报中的原文各行；history 按版本号升序，最后一项为当前版本。',
      params: TaskIdParams,
      responses: { 200: { description: '任务、出处与版本历史', schema: CatalogTaskDetail } },
      problems: { 404: '目录中没有这项任务' },
      handler: async ({ params, res }) => {
        const task = await c.tasks.findOne({ _id: params.id });
        if (!task) throw problems.notFound(`目录中没有任务 ${params.id}`);
        const previous = await c.versions.find({ itemId: params.id }).sort({ version: 1 }).toArray();
        res.json({
          task: taskView(task),
          provenance: task.source,
          history: [...previous.map(versionView), { ...taskView(task), supersededAt: null }],
        });
      },
    }),
  ];
}
