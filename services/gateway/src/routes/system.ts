import { z } from 'zod';
import type { RouteContext } from '../deps';
import { defineRoute, type EngineName, type Route } from '@duban/http';
import { workflowRepairCounts } from '@duban/process';

const CHECK_TIMEOUT_MS = 3_000;

const EngineCheck = z.object({ ok: z.boolean(), latencyMs: z.number(), error: z.string().optional() });
// Present when `duban start` supervises the system: each engine and the services, with the number
// of times it was restarted after dying.
const SupervisionView = z.object({
  paused: z.boolean(),
  parts: z.array(
    z.object({
      name: z.string(),
      state: z.string(),
      restarts: z.number().int(),
      lastRestartAt: z.string().nullable(),
    }),
  ),
});
// What the workflow doctor did: runs it reset after the known core replay split, and failing runs
// it left to an operator (`duban workflows repair`). Counts only: the route is public.
const WorkflowRepairs = z.object({
  repairedAutomatically: z.number().int(),
  leftToOperator: z.number().int(),
});
const HealthView = z.object({
  status: z.enum(['ok', 'degraded']),
  engines: z.object({ mongodb: EngineCheck, nats: EngineCheck, temporal: EngineCheck }),
  temporalNamespace: z.string(),
  supervision: SupervisionView.optional(),
  workflows: WorkflowRepairs.optional(),
});

async function check(
  engine: string,
  probe: () => Promise<unknown>,
  log: (reason: unknown) => void,
): Promise<z.infer<typeof EngineCheck>> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer in ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    // Public route: it says that an engine is down, not why; the log has the reason.
    log({ engine, err: error });
    return { ok: false, latencyMs: Math.round(performance.now() - started), error: 'unreachable' };
  } finally {
    clearTimeout(timer);
  }
}

export function systemRoutes(ctx: RouteContext, openApi: () => unknown): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/health',
      operationId: 'health',
      summary: '三个引擎是否可达',
      tags: ['system'],
      access: 'public',
      responses: {
        200: { description: '全部可达', schema: HealthView },
        503: { description: '至少一个引擎不可达', schema: HealthView },
      },
      handler: async ({ req, res }) => {
        const log = (reason: unknown) => req.log.warn(reason, 'health check: an engine is unreachable');
        const [mongodb, nats, temporal] = await Promise.all([
          check('mongodb', () => ctx.db.command({ ping: 1 }), log),
          check(
            'nats',
            async () => {
              if (ctx.nc.isClosed()) throw new Error('NATS connection closed');
              await ctx.nc.flush();
            },
            log,
          ),
          check(
            'temporal',
            () =>
              ctx.temporal.withDeadline(Date.now() + CHECK_TIMEOUT_MS, () =>
                ctx.temporal.workflowService.getSystemInfo({}),
              ),
            log,
          ),
        ]);
        const engines = { mongodb, nats, temporal };
        for (const [name, result] of Object.entries(engines))
          ctx.engines?.report(name as EngineName, result.ok);
        const ok = mongodb.ok && nats.ok && temporal.ok;
        const supervision = ctx.supervision();
        const workflows = mongodb.ok ? await workflowRepairCounts(ctx.db).catch(() => null) : null;
        res.status(ok ? 200 : 503).json({
          status: ok ? 'ok' : 'degraded',
          engines,
          temporalNamespace: ctx.namespace,
          ...(supervision ? { supervision } : {}),
          ...(workflows ? { workflows } : {}),
        });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/openapi.json',
      operationId: 'openapi',
      summary: '本接口的 OpenAPI 3.1 文档',
      tags: ['system'],
      access: 'public',
      responses: { 200: { description: 'OpenAPI 3.1 文档', schema: z.record(z.string(), z.unknown()) } },
      handler: ({ res }) => {
        res.json(openApi());
      },
    }),
  ];
}
