import type { RequestHandler } from 'express';
import type { Tracing } from '@duban/metrics';
import { routeLabel } from './labels';

/**
 * One server span per request, named by its route pattern like the latency metric
 * (`POST /api/items/:id/actions/sign`); the Temporal Update the route sends is its child, and
 * continues in the workflow's headers. Installed only when tracing is on.
 */
export function requestSpans(tracing: Tracing): RequestHandler {
  return (req, res, next) => {
    const end = tracing.serverSpan(req.headers, [req, res], () => next());
    // `close` comes for every response, also one the client gave up on (no `finish` then).
    res.once('close', () => {
      const route = routeLabel(req.baseUrl, req.route?.path);
      end(
        `${req.method} ${route}`,
        {
          'http.request.method': req.method,
          'http.route': route,
          'http.response.status_code': res.statusCode,
        },
        res.statusCode >= 500,
      );
    });
  };
}
