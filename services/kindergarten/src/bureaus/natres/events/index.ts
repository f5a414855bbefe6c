import { KindergartenEvents } from '@duban/contracts';

/** The only facts the 自然资源局 module consumes: holds on 开工 (construction start). */
export const natresEvents = [KindergartenEvents.HoldPlaced, KindergartenEvents.HoldLifted] as const;
export const HOLD_KIND = 'construction_start' as const;
