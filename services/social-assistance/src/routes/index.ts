import type { ProcessRouteContext, Route } from '@duban/http';
import { budgetRoutes } from './budget';
import { caseRoutes } from './cases';
import { purchaseRoutes } from './purchases';

/** The social-assistance API under /api/social-assistance. */
export function socialAssistanceRoutes(ctx: ProcessRouteContext): Route[] {
  return [...budgetRoutes(ctx), ...purchaseRoutes(ctx), ...caseRoutes(ctx)];
}
