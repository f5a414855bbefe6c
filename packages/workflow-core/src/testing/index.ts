// Test helpers for process workflows (not part of the runtime).
export { msUntil, testActors } from './actors';
export { TIMER_STARTED, factsOf, factsOnceAsleep, recordAndReplay, replayRecorded } from './histories';
export { TimeSkippingSuite, refused, timeSkippingSuite } from './time-skipping';
export type { TimeSkippingOptions } from './time-skipping';
export { startTimeSkippingServer } from './server';
export { failedOnStartInput, rejectedAsInvalid, runningUnharmed } from './input';
