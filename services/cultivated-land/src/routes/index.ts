import type { ProcessRouteContext, Route } from '@duban/http';
import { assessmentRoutes } from './assessments';
import { rectificationRoutes } from './rectifications';
import { townRoutes } from './towns';

/** The cultivated-land API under /api/land: rectifications (二(二)), assessments and suspensions (三(十)). */
export function cultivatedLandRoutes(ctx: ProcessRouteContext): Route[] {
  return [...rectificationRoutes(ctx), ...assessmentRoutes(ctx), ...townRoutes(ctx)];
}
