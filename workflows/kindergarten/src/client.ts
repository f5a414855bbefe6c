// The sandbox-safe face of this process: its contracts (events, commands, read-model shapes) and
// its Update/Query definitions. The gateway, services and other processes import this entry; the
// worker entry (`.`) adds the worker and its activities.
export * from './contracts/index';
export * from './definitions';
