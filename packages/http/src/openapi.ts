// Any Route[] list as OpenAPI operations, generated from the schemas the routes validate with.
import type { OpenAPIRegistry, RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import type { Grant } from '@duban/contracts';
import { strictQuery, type Route } from './define';
import { ROLE_NAMES } from './principal';
import { RETRY_AFTER_SECONDS } from './engines';
import { ProblemSchema } from './problem';

export const API_PREFIX = '/api';

const standardProblems: Record<number, string> = {
  400: '请求参数不合法（errors 列出每个字段）',
  401: '未登录或登录已失效',
  403: '角色或单位无权执行',
  413: '请求体超过大小限制',
  429: '请求过于频繁',
  500: '服务器内部错误',
};

// Every route reads the store or acts on a workflow: while that engine is known down it answers
// 503 at once, saying when to retry (issue 12, defect 6).
const ENGINE_DOWN = `依赖的引擎暂不可用；按 Retry-After（${RETRY_AFTER_SECONDS} 秒）以同一 x-request-id 重试，同一编号的操作只办理一次`;
const RETRY_AFTER_HEADER = {
  'Retry-After': { description: '建议重试前等待的秒数', schema: { type: 'integer' as const } },
};

function problemResponse(description: string, status?: number) {
  return {
    description,
    ...(status === 503 ? { headers: RETRY_AFTER_HEADER } : {}),
    content: { 'application/problem+json': { schema: ProblemSchema } },
  };
}

function requestBody(route: Route): NonNullable<RouteConfig['request']>['body'] | undefined {
  if (route.rawBody) {
    const content = Object.fromEntries(
      Object.entries(route.rawBody.types).map(([type, schema]) => [type, { schema }]),
    );
    return { required: true, content };
  }
  const schema = route.bodyByParam
    ? z.union(Object.values(route.bodyByParam.schemas) as [z.ZodType, z.ZodType, ...z.ZodType[]])
    : route.body;
  return schema ? { required: true, content: { 'application/json': { schema } } } : undefined;
}

function requestParams(route: Route): z.ZodObject | undefined {
  const by = route.bodyByParam;
  if (!by || !route.params) return route.params;
  // The parameter that picks the body is documented with the values it accepts.
  const names = Object.keys(by.schemas) as [string, ...string[]];
  return route.params.extend({ [by.param]: z.enum(names) });
}

/** How the document is written: under which prefix, and units by name rather than code. */
export interface DocumentOptions {
  prefix?: string;
  unitName?: (code: string) => string;
}

/** `角色：责任单位（自然资源局）、督查室`: who may call, as the operation's description ends. */
function grantLine(grant: Grant, unitName: (code: string) => string): string {
  const units = grant.units?.map(unitName).join('、');
  const duty = grant.unitSupervisor ? '督办员' : '';
  const bureau = units
    ? `（${units}${duty}）`
    : grant.owner
      ? `（${grant.owner}${duty}）`
      : duty
        ? `（${duty}）`
        : '';
  return `角色：${grant.roles.map((r) => ROLE_NAMES[r] + (r === 'bureau' ? bureau : '')).join('、')}`;
}

/** The grant, machine-readable: the authorization matrix test is generated from these. */
function grantExtensions(grant: Grant): Record<string, unknown> {
  return {
    'x-duban-roles': [...grant.roles],
    ...(grant.units ? { 'x-duban-units': [...grant.units] } : {}),
    ...(grant.owner ? { 'x-duban-owner': grant.owner } : {}),
    ...(grant.outside ? { 'x-duban-outside': true } : {}),
    ...(grant.unitSupervisor ? { 'x-duban-unit-supervisor': true } : {}),
  };
}

/** The OpenAPI operation of one route: its schemas, its roles and every problem it can answer. */
export function routeOperation(route: Route, options: DocumentOptions = {}): RouteConfig {
  const { prefix = API_PREFIX, unitName = (code: string) => code } = options;
  // Every route validates at least its query (an unknown key is a 400: strictQuery).
  const problems: Record<number, string> = {};
  const hasBody = Boolean(route.body || route.bodyByParam || route.rawBody);
  const statuses = [
    400,
    ...(route.access === 'public' ? [] : [401, 403]),
    ...(hasBody ? [413] : []),
    429,
    500,
  ];
  for (const status of statuses) problems[status] = standardProblems[status]!;
  Object.assign(problems, route.problems);
  if (!(503 in route.responses)) problems[503] ??= ENGINE_DOWN;
  const responses: RouteConfig['responses'] = {};
  for (const [status, spec] of Object.entries(route.responses)) {
    responses[status] = spec.schema
      ? {
          description: spec.description,
          content: { [spec.contentType ?? 'application/json']: { schema: spec.schema } },
        }
      : { description: spec.description };
  }
  for (const [status, description] of Object.entries(problems))
    responses[status] = problemResponse(description, Number(status));

  const grant = typeof route.access === 'string' ? null : route.access;
  const security: Record<string, string[]>[] =
    route.access === 'public'
      ? []
      : route.queryToken
        ? [{ bearerAuth: [] }, { accessTokenQuery: [] }]
        : [{ bearerAuth: [] }];
  const params = requestParams(route);
  const body = requestBody(route);
  return {
    method: route.method,
    path: prefix + route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}'),
    operationId: route.operationId,
    summary: route.summary,
    description: [route.description, grant ? grantLine(grant, unitName) : null].filter(Boolean).join('\n\n'),
    tags: route.tags,
    security,
    ...(grant ? grantExtensions(grant) : route.outside ? { 'x-duban-outside': true } : {}),
    request: {
      ...(params ? { params } : {}),
      ...(route.query || route.queryToken ? { query: strictQuery(route) } : {}),
      ...(body ? { body } : {}),
    },
    responses,
  };
}

/** Registers every route that is not hidden. */
export function registerRoutes(
  registry: OpenAPIRegistry,
  routes: readonly Route[],
  options: DocumentOptions = {},
): void {
  for (const route of routes) if (!route.hidden) registry.registerPath(routeOperation(route, options));
}
