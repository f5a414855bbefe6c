import type { Express, RequestHandler } from 'express';
import type { WorkflowClientInterceptor } from '@temporalio/client';
import type { DubanMetrics } from './instruments';

/**
 * Times every request by its route pattern (`/api/items/:id`), never its raw path: one series per
 * route, however many items there are. A request no route matched is `unmatched`.
 */
export function requestTiming(metrics: DubanMetrics): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    res.on('finish', () => {
      const route = req.route ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
      metrics.requestSeconds.observe(
        { method: req.method, route, status: String(res.statusCode) },
        (performance.now() - started) / 1000,
      );
    });
    next();
  };
}

/** `GET /metrics` in Prometheus' text format. */
export function mountMetrics(app: Express, metrics: DubanMetrics): void {
  app.get('/metrics', async (_req, res, next) => {
    try {
      res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    } catch (error) {
      next(error);
    }
  });
}

/** Times each Update the gateway sends, from sending to the workflow's answer (or refusal). */
export function updateTiming(metrics: DubanMetrics): WorkflowClientInterceptor {
  return {
    async startUpdate(input, next) {
      const started = performance.now();
      const seconds = () => (performance.now() - started) / 1000;
      try {
        const output = await next(input);
        metrics.updateSeconds.observe({ update: input.updateName, outcome: 'answered' }, seconds());
        return output;
      } catch (error) {
        metrics.updateSeconds.observe({ update: input.updateName, outcome: 'failed' }, seconds());
        throw error;
      }
    },
  };
}
