import { OpenApiGeneratorV31, OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { describe, expect, it } from 'vitest';
import { CaseActionBodies } from '@duban/workflow-kindergarten/client';
import { registerRoutes, type ProcessRouteContext } from '@duban/http';
import { kindergartenRoutes } from './routes/index';

describe('kindergarten OpenAPI paths', () => {
  const registry = new OpenAPIRegistry();
  registerRoutes(registry, kindergartenRoutes({} as ProcessRouteContext));
  const doc = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'kindergarten', version: '0' },
  });
  type Operation = {
    summary?: string;
    security?: unknown;
    responses: Record<string, unknown>;
    requestBody?: { content: Record<string, { schema: { required?: string[]; properties?: object } }> };
  };
  const op = (path: string, method: string) =>
    (doc.paths?.[path] as Record<string, Operation> | undefined)?.[method];

  it('documents every route of the router, each action on its own path', () => {
    const operations = Object.entries(doc.paths ?? {}).flatMap(([path, ops]) =>
      Object.keys(ops as object).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(operations.sort()).toEqual(
      [
        'POST /api/campaigns',
        'GET /api/campaigns',
        'GET /api/campaigns/{id}',
        'POST /api/campaigns/{id}/cases',
        'POST /api/campaigns/{id}/ledger',
        'GET /api/campaigns/{id}/ledger.xlsx',
        'GET /api/campaigns/{id}/ledger/imports/{jobId}',
        'GET /api/campaigns/{id}/overview',
        'GET /api/cases',
        'GET /api/cases/{id}',
        ...Object.keys(CaseActionBodies).map((a) => `POST /api/cases/{id}/actions/${a}`),
        'GET /api/projects/{id}/permits',
        'POST /api/projects/{id}/completion-filing',
        'POST /api/projects/{id}/construction-start',
      ].sort(),
    );
    expect(operations).not.toContain('POST /api/cases/{id}/actions/extend');
  });

  it('gives each a Chinese summary, the bearer token and the problem responses', () => {
    for (const [path, ops] of Object.entries(doc.paths ?? {})) {
      for (const [method, o] of Object.entries(ops as Record<string, Operation>)) {
        expect(o.summary, `${method} ${path}`).toMatch(/[\u4e00-\u9fff]/);
        expect(o.security).toEqual([{ bearerAuth: [] }]);
        for (const status of ['400', '401', '403', '404', '409'])
          expect(o.responses[status], `${method} ${path} ${status}`).toBeDefined();
      }
    }
  });

  it('describes the extension request and decision with the validator schemas', () => {
    const request = op('/api/cases/{id}/actions/request-extension', 'post')!;
    expect(request.summary).toBe('申请延期');
    expect(request.requestBody?.content['application/json']?.schema.required).toEqual(
      expect.arrayContaining(['steps', 'newDeadline', 'reason']),
    );
    const decide = op('/api/cases/{id}/actions/decide-extension', 'post')!;
    expect(decide.requestBody?.content['application/json']?.schema.required).toEqual(
      expect.arrayContaining(['approve', 'note']),
    );
    expect(decide.requestBody?.content['application/json']?.schema.required).not.toContain('newDeadline');
  });
});
