import { registerCatalogOpenApi } from '@duban/service-catalog';
import { registerCultivatedLandOpenApi } from '@duban/service-cultivated-land';
import { registerKindergartenOpenApi } from '@duban/service-kindergarten';
import { registerLandUseOpenApi } from '@duban/service-land-use';
import { OpenApiGeneratorV31, OpenAPIRegistry, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { ROLE_NAMES } from '../auth/principal';
import type { Route } from '../routes/define';
import { ProblemSchema } from '../schemas/common';

export const API_PREFIX = '/api';

const standardProblems: Record<number, string> = {
  400: '请求参数不合法（errors 列出每个字段）',
  401: '未登录或登录已失效',
  403: '角色或单位无权执行',
  429: '请求过于频繁',
  500: '服务器内部错误',
};

function problemResponse(description: string) {
  return { description, content: { 'application/problem+json': { schema: ProblemSchema } } };
}

function operation(route: Route): RouteConfig {
  const validates = Boolean(route.params || route.query || route.body);
  const problems: Record<number, string> = {};
  const statuses = [...(validates ? [400] : []), ...(route.access === 'public' ? [] : [401, 403]), 429, 500];
  for (const status of statuses) problems[status] = standardProblems[status]!;
  Object.assign(problems, route.problems);
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
    responses[status] = problemResponse(description);

  const roles = typeof route.access === 'string' ? null : route.access;
  const security: Record<string, string[]>[] =
    route.access === 'public'
      ? []
      : route.queryToken
        ? [{ bearerAuth: [] }, { accessTokenQuery: [] }]
        : [{ bearerAuth: [] }];
  return {
    method: route.method,
    path: API_PREFIX + route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}'),
    operationId: route.operationId,
    summary: route.summary,
    description: [route.description, roles ? `角色：${roles.map((r) => ROLE_NAMES[r]).join('、')}` : null]
      .filter(Boolean)
      .join('\n\n'),
    tags: route.tags,
    security,
    ...(roles ? { 'x-duban-roles': [...roles] } : {}),
    request: {
      ...(route.params ? { params: route.params } : {}),
      ...(route.query ? { query: route.query } : {}),
      ...(route.body
        ? { body: { required: true, content: { 'application/json': { schema: route.body } } } }
        : {}),
    },
    responses,
  };
}

/** The OpenAPI 3.1 document of the given routes, generated from their zod schemas. */
export function openApiDocument(routes: readonly Route[], info: { version: string }) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'POST /api/session 返回的令牌',
  });
  registry.registerComponent('securitySchemes', 'accessTokenQuery', {
    type: 'apiKey',
    in: 'query',
    name: 'access_token',
    description: 'EventSource 无法设置请求头时，以查询参数传递同一令牌',
  });
  for (const route of routes) if (!route.hidden) registry.registerPath(operation(route));
  registerCatalogOpenApi(registry, { basePath: `${API_PREFIX}/catalog`, problemSchema: ProblemSchema });
  registerCultivatedLandOpenApi(registry, { basePath: `${API_PREFIX}/land`, problemSchema: ProblemSchema });
  registerKindergartenOpenApi(registry, { basePath: API_PREFIX, problemSchema: ProblemSchema });
  registerLandUseOpenApi(registry, { basePath: API_PREFIX, problemSchema: ProblemSchema });
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: '督办 Duban API',
      version: info.version,
      description: '青铜峡市督办系统：督办事项、待办、总览与预警。所有日期均为 Asia/Shanghai 的公历日期。',
    },
    servers: [{ url: '/' }],
    tags: [
      { name: 'session', description: '登录与当前用户' },
      { name: 'users', description: '用户管理' },
      { name: 'items', description: '督办事项' },
      { name: 'actions', description: '办理、复核、延期、批示' },
      { name: 'inbox', description: '责任单位待办' },
      { name: 'overview', description: '总览' },
      { name: 'alerts', description: '预警' },
      { name: 'system', description: '运行状态与接口文档' },
      { name: 'catalog', description: '政策文件目录（公报导入的文件、任务与条款）' },
      {
        name: 'land',
        description: '耕地保护：永久基本农田整改、年度责任目标考核、土地业务暂停（青政办发〔2019〕28号）',
      },
      { name: 'kindergarten', description: '城镇小区配套幼儿园治理（青政办发〔2019〕31号）' },
    ],
  });
}
