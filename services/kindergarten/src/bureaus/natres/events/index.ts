import { KindergartenEvents } from '@duban/contracts';

/** The facts the 自然资源局 module acts on: holds on 开工 (construction start); every case fact also feeds its inbox. */
export const natresEvents = [KindergartenEvents.HoldPlaced, KindergartenEvents.HoldLifted] as const;
export const HOLD_KIND = 'construction_start' as const;
