export { rehearsalConfig, startRehearsal } from './start';
export type { RehearsalOptions, RunningRehearsal } from './start';
export { RehearsalClock } from './control';
export type { AdvanceResult } from './control';
export { officeMorningOf, targetOf, nearestAhead } from './target';
export type { Advance } from './target';
