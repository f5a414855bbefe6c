import { KindergartenEvents } from '@duban/contracts';

/** The only facts the 住建局 module consumes: holds on 竣工验收备案 (completion filing). */
export const housEvents = [KindergartenEvents.HoldPlaced, KindergartenEvents.HoldLifted] as const;
export const HOLD_KIND = 'completion_filing' as const;
