import { KindergartenEvents } from '@duban/workflow-kindergarten/client';
import { type EventType } from '@duban/contracts';

/** Every kindergarten fact; each carries the case after it. */
export const CASE_FACT_TYPES = Object.values(KindergartenEvents).map((d) => d.type) as EventType[];
