import type { ProcessRouteContext, Route } from '@duban/http';
import { caseRoutes } from './cases';
import { ledgerRoutes } from './ledger';

/** The land-use API under /api/land: the compensation ledger (占补平衡) and illegal-occupation cases. */
export function landUseRoutes(ctx: ProcessRouteContext): Route[] {
  return [...ledgerRoutes(ctx), ...caseRoutes(ctx)];
}
