import { KindergartenEvents } from '@duban/contracts';

/** The facts the 住建局 module acts on: holds on 竣工验收备案 (completion filing); every case fact also feeds its inbox. */
export const housEvents = [KindergartenEvents.HoldPlaced, KindergartenEvents.HoldLifted] as const;
export const HOLD_KIND = 'completion_filing' as const;
