// The sandbox-safe face of this process: its contracts and its Update/Query definitions. The
// tourism service imports this entry; the worker entry (`.`) adds the worker and its activities.
export * from './contracts/index';
export * from './definitions';
export * from './rules';
export * from './windows';
