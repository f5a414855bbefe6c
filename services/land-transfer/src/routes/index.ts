import type { ProcessRouteContext, Route } from '@duban/http';
import { applicationRoutes } from './applications';
import { partyRoutes } from './parties';
import { summaryRoutes } from './summary';

/** The land-transfer API under /api/land-transfer. */
export function landTransferRoutes(ctx: ProcessRouteContext): Route[] {
  return [...summaryRoutes(ctx), ...partyRoutes(ctx), ...applicationRoutes(ctx)];
}
