import { CultivatedEvents } from '@duban/workflow-cultivated-land/client';

/** The facts the 自然资源局 module keeps the land-business hold from (三(十)). */
export const suspensionEvents = [
  CultivatedEvents.LandBusinessSuspended,
  CultivatedEvents.SuspensionLifted,
] as const;
