// The sandbox-safe face of this process: its contracts, Update/Query definitions and pure rules.
// The service imports this entry; the worker entry (`.`) adds the worker and its activities.
export * from './contracts/index';
export * from './definitions';
export { yearClosesAfter } from './unit-year';
export * from './comparison';
export * from './ranking';
export * from './rates';
export * from './report-day';
export * from './targets';
export * from './year-targets';
export * from './dispatch';
export type { IndicatorYearCommand } from './indicator-year';
