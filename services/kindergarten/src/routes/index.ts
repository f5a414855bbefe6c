import type { ProcessRouteContext, Route } from '@duban/http';
import { campaignRoutes } from './campaigns';
import { caseRoutes } from './cases';
import { permitRoutes } from './permits';

/** The kindergarten API under /api: campaigns, the ledger, cases and actions, permits (青政办发〔2019〕31号). */
export function kindergartenRoutes(ctx: ProcessRouteContext): Route[] {
  return [...campaignRoutes(ctx), ...caseRoutes(ctx), ...permitRoutes(ctx)];
}
