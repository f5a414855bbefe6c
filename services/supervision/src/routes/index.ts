import type { ProcessRouteContext, Route } from '@duban/http';
import { actionRoutes } from './actions';
import { archiveRoutes } from './archive';
import { itemRoutes } from './items';
import { scorecardRoutes } from './scorecard';

export { itemsFilter, mayRead } from './queries';
export { ItemsQuery } from './schemas';

/** 督办事项 under /api: the items with their timelines, and the actions on them (DESIGN §6). */
export function supervisionRoutes(ctx: ProcessRouteContext): Route[] {
  return [...itemRoutes(ctx), ...actionRoutes(ctx), ...scorecardRoutes(ctx), ...archiveRoutes(ctx)];
}
