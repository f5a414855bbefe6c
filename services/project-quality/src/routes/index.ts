import type { ProcessRouteContext, Route } from '@duban/http';
import { cockpitRoutes } from './cockpit';
import { indicatorRoutes } from './indicators';
import { ledgerRoutes } from './ledger';
import { reportingRoutes } from './reporting';

export const projectQualityRoutes = (ctx: ProcessRouteContext): Route[] => [
  ...ledgerRoutes(ctx),
  ...reportingRoutes(ctx),
  ...indicatorRoutes(ctx),
  ...cockpitRoutes(ctx),
];
