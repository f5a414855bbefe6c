import express, { type Express } from 'express';
import { pino } from 'pino';
import { AuthService } from './auth/service';
import type { GatewayDeps, RouteContext } from './deps';
import { IMPORT_BODY_LIMIT, catalogRoutes } from '@duban/service-catalog';
import { createConsoleRouter } from '@duban/service-console';
import { allUnits } from '@duban/units';
import {
  engineGuard,
  errorHandler,
  mountRoutes,
  notFound,
  type ProcessRouteContext,
  type Route,
} from '@duban/http';
import { mountMetrics, requestTiming } from './metrics/http';
import { requestSpans } from './metrics/tracing';
import { routeAuth } from './middleware/authenticate';
import { requestLogger } from './middleware/logging';
import { apiRateLimit, credentialRateLimit } from './middleware/rate-limit';
import { requestId } from './middleware/request-id';
import { securityHeaders } from './middleware/security';
import { API_PREFIX, openApiDocument } from './openapi/document';
import { alertRoutes } from './routes/alerts';
import { exportRoutes } from './routes/exports';
import { inboxRoutes } from './routes/inbox';
import { overviewRoutes } from './routes/overview';
import { policyRoutes } from './routes/policy';
import { reviewRoutes } from './routes/reviews';
import { sessionRoutes } from './routes/session';
import { systemRoutes } from './routes/system';
import { unitRoutes } from './routes/units';
import { userRoutes } from './routes/users';
import { unitUserRoutes } from './routes/unit-users';
import { clock } from '@duban/contracts';
import { publisherOn } from '@duban/bus';

export const API_VERSION = '0.1.0';

/** The gateway's Express app: the REST API under /api (DESIGN §2). Listening is the caller's. */
export function createGateway(deps: GatewayDeps): Express {
  const logger = deps.logger ?? pino({ name: 'gateway' });
  const ctx: RouteContext = {
    db: deps.db,
    temporal: deps.temporal,
    namespace: deps.namespace,
    nc: deps.natsConnection,
    auth: new AuthService(deps.db, deps.jwtSecret, deps.now),
    logger,
    now: deps.now ?? (() => clock.now()),
    actionTimeoutMs: deps.actionTimeoutMs ?? 30_000,
    sseHeartbeatMs: deps.sseHeartbeatMs ?? 15_000,
    credentialLimit: credentialRateLimit(deps.rateLimit),
    ...(deps.engines ? { engines: deps.engines } : {}),
    supervision: deps.supervision ?? (() => null),
  };

  const processCtx: ProcessRouteContext = {
    db: ctx.db,
    temporal: ctx.temporal,
    logger: ctx.logger,
    now: ctx.now,
    actionTimeoutMs: ctx.actionTimeoutMs,
    publish: publisherOn(deps.natsConnection),
    ...(deps.engines ? { engines: deps.engines } : {}),
    ...(deps.escalateAfterRedDays !== undefined ? { escalateAfterRedDays: deps.escalateAfterRedDays } : {}),
  };

  const processes = deps.processes ?? [];
  let document: unknown;
  const routes: Route[] = [
    ...systemRoutes(ctx, () => (document ??= openApiDocument(routes, { version: API_VERSION, processes }))),
    ...sessionRoutes(ctx),
    ...userRoutes(ctx),
    ...unitUserRoutes(ctx),
    ...unitRoutes(ctx),
    ...policyRoutes(ctx),
    ...inboxRoutes(ctx),
    ...overviewRoutes(ctx, processes),
    ...alertRoutes(ctx),
    ...reviewRoutes(ctx, processes),
    ...exportRoutes(ctx),
    // The policy catalog (issue 3): every signed-in role may read what the gazette assigns.
    ...catalogRoutes(processCtx),
    // Every process's own routes (幼儿园治理, 耕地保护 …), in the order of the process list; each
    // action's Update is timed under its process's name.
    ...processes.flatMap(
      (p) =>
        p.routes?.(
          deps.metrics ? { ...processCtx, onUpdateSettled: deps.metrics.updateTimer(p.name) } : processCtx,
        ) ?? [],
    ),
  ];

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.trustProxy ?? false);
  app.use(requestId());
  if (deps.tracing) app.use(requestSpans(deps.tracing));
  if (deps.metrics) {
    app.use(requestTiming(deps.metrics));
    mountMetrics(app, deps.metrics, { token: deps.metricsToken ?? null });
  }
  app.use(requestLogger(logger));
  app.use(securityHeaders());

  const api = express.Router();
  api.use(apiRateLimit(deps.rateLimit));
  // A notice file comes as base64 in JSON (up to 20 MB): that route alone takes a larger body.
  api.use('/catalog/imports', express.json({ limit: IMPORT_BODY_LIMIT }));
  api.use(express.json({ limit: deps.bodyLimit ?? '100kb' }));
  // Every route but these two reads the store: while it is known down, 503 at once.
  if (deps.engines) api.use(engineGuard(deps.engines, ['mongodb'], ['/health', '/openapi.json']));
  mountRoutes(api, routes, routeAuth(ctx.auth));
  api.use(notFound());
  app.use(API_PREFIX, api);
  // The web console (issue 6): static files at /, no build step.
  app.use(createConsoleRouter({ units: allUnits(), processes }));

  app.use(notFound());
  app.use(errorHandler());
  return app;
}
