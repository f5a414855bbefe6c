import type { RequestHandler } from 'express';
import helmet from 'helmet';

/** Helmet's defaults: an API answers JSON and event streams, so the strict default CSP fits. */
export function securityHeaders(): RequestHandler {
  return helmet({ crossOriginResourcePolicy: { policy: 'same-origin' } });
}
