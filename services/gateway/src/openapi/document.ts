import { OpenApiGeneratorV31, OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { registerRoutes, type Route } from '@duban/http';
import type { ProcessModule } from '@duban/process';
import { unitByCode } from '@duban/units';

export { API_PREFIX } from '@duban/http';

/** The OpenAPI 3.1 document of the given routes, generated from their zod schemas. */
export function openApiDocument(
  routes: readonly Route[],
  info: { version: string; processes?: readonly ProcessModule[] },
) {
  const processTags = new Map<string, string>();
  for (const p of info.processes ?? [])
    for (const t of p.openApiTags ?? []) processTags.set(t.name, t.description);
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
  registerRoutes(registry, routes, { unitName: (code) => unitByCode(code)?.name ?? code });
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
      { name: 'units', description: '单位管理（单位名录与办公室添加的名称）' },
      { name: 'policy', description: '政策参数（公报以外的规则，各注明来源；修改记入变更记录）' },
      { name: 'inbox', description: '责任单位待办' },
      { name: 'overview', description: '总览' },
      { name: 'alerts', description: '预警' },
      { name: 'system', description: '运行状态与接口文档' },
      { name: 'catalog', description: '政策文件目录（公报导入的文件、任务与条款）' },
      ...[...processTags].map(([name, description]) => ({ name, description })),
    ],
  });
}
