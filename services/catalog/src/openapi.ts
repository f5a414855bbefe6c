import type { OpenAPIRegistry, RouteConfig } from '@asteasolutions/zod-to-openapi';
import type { z } from 'zod';
import {
  CatalogDocumentsList,
  CatalogDocumentView,
  CatalogProblemSchema,
  CatalogTaskDetail,
  CatalogTasksPage,
  DocumentIdParams,
  TaskIdParams,
  TasksQuery,
} from './schemas';

export interface CatalogOpenApiOptions {
  /** Where the host mounts createCatalogRouter (default `/api/catalog`). */
  basePath?: string;
  /** The host's problem schema, so both share one component (default: CatalogProblem). */
  problemSchema?: z.ZodType;
  /** Security requirement of every catalog path (default: the gateway's bearer token). */
  security?: Record<string, string[]>[];
  tags?: string[];
}

/** Registers the catalog's read API, described by the same zod schemas the router validates with. */
export function registerCatalogOpenApi(registry: OpenAPIRegistry, options: CatalogOpenApiOptions = {}): void {
  const base = (options.basePath ?? '/api/catalog').replace(/\/+$/, '');
  const problem = options.problemSchema ?? CatalogProblemSchema;
  const security = options.security ?? [{ bearerAuth: [] }];
  const tags = options.tags ?? ['catalog'];
  const problemResponse = (description: string) => ({
    description,
    content: { 'application/problem+json': { schema: problem } },
  });
  const json = (description: string, schema: z.ZodType) => ({
    description,
    content: { 'application/json': { schema } },
  });
  const common = { tags, security } satisfies Partial<RouteConfig>;

  registry.registerPath({
    ...common,
    method: 'get',
    path: `${base}/documents`,
    operationId: 'listCatalogDocuments',
    summary: '公报文件目录',
    description: '导入的全部文件（文号、标题、发文机关、日期、任务与条款数），按公报中的顺序。',
    responses: { 200: json('全部文件', CatalogDocumentsList) },
  });
  registry.registerPath({
    ...common,
    method: 'get',
    path: `${base}/documents/{id}`,
    operationId: 'getCatalogDocument',
    summary: '一份文件：目标、年度任务表、附件与解析警告',
    request: { params: DocumentIdParams },
    responses: {
      200: json('文件', CatalogDocumentView),
      400: problemResponse('参数不合法（errors 列出每个字段）'),
      404: problemResponse('目录中没有这份文件'),
    },
  });
  registry.registerPath({
    ...common,
    method: 'get',
    path: `${base}/tasks`,
    operationId: 'listCatalogTasks',
    summary: '任务目录',
    description:
      '按文件、单位（牵头或配合）、期限范围（最晚一个期限日，含端点）、是否有指标、类别筛选；按公报中的顺序分页。',
    request: { query: TasksQuery },
    responses: {
      200: json('一页任务', CatalogTasksPage),
      400: problemResponse('查询参数不合法（errors 列出每个字段，如 query.pageSize）'),
    },
  });
  registry.registerPath({
    ...common,
    method: 'get',
    path: `${base}/tasks/{id}`,
    operationId: 'getCatalogTask',
    summary: '一项任务：出处原文与全部版本',
    request: { params: TaskIdParams },
    responses: {
      200: json('任务、出处与版本历史', CatalogTaskDetail),
      400: problemResponse('参数不合法'),
      404: problemResponse('目录中没有这项任务'),
    },
  });
}
