import type { ProcessRouteContext, Route } from '@duban/http';
import { settlementRoutes } from './settlements';
import { tripRoutes } from './trips';

/** The tourism API under /api/tourism: trips and claims, the agencies' years, the sheet. */
export function tourismRoutes(ctx: ProcessRouteContext): Route[] {
  return [...tripRoutes(ctx), ...settlementRoutes(ctx)];
}
