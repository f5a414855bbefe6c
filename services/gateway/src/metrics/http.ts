import { timingSafeEqual } from 'node:crypto';
import type { Express, Request, RequestHandler } from 'express';
import { problems } from '@duban/http';
import type { DubanMetrics } from './instruments';
import { routeLabel } from './labels';

/** Times every request by its route pattern (see routeLabel), method and status. */
export function requestTiming(metrics: DubanMetrics): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    res.on('finish', () => {
      metrics.requestSeconds.observe(
        {
          method: req.method,
          route: routeLabel(req.baseUrl, req.route?.path),
          status: String(res.statusCode),
        },
        (performance.now() - started) / 1000,
      );
    });
    next();
  };
}

export interface MetricsAccess {
  /** METRICS_TOKEN: a scraper presenting `Authorization: Bearer <token>` may read from anywhere. */
  token?: string | null;
}

/**
 * Who may read `/metrics`: a scraper on this host (the socket's peer is a loopback address and
 * no proxy forwarded the request), or one presenting the operator token when one is set. The
 * figures name no person, but they show the traffic and the backlog of every bureau, so they are
 * not public like `/api/health`.
 */
export function mayReadMetrics(req: Request, access: MetricsAccess): boolean {
  if (access.token) {
    const presented = Buffer.from(req.get('authorization') ?? '');
    const expected = Buffer.from(`Bearer ${access.token}`);
    if (presented.length === expected.length && timingSafeEqual(presented, expected)) return true;
  }
  const forwarded = req.get('x-forwarded-for') !== undefined || req.get('forwarded') !== undefined;
  return !forwarded && isLoopback(req.socket.remoteAddress);
}

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

/** `GET /metrics` in Prometheus' text format, for the readers `access` allows. */
export function mountMetrics(app: Express, metrics: DubanMetrics, access: MetricsAccess = {}): void {
  app.get('/metrics', async (req, res, next) => {
    if (!mayReadMetrics(req, access)) {
      next(problems.forbidden('/metrics 仅限本机或持运维令牌（METRICS_TOKEN）读取'));
      return;
    }
    try {
      res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    } catch (error) {
      next(error);
    }
  });
}
