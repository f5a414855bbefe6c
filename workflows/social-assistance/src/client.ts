// The sandbox-safe face of this process: its contracts, Update/Query definitions and pure rules.
// The service imports this entry; the worker entry (`.`) adds the worker and its activities.
export * from './contracts/index';
export * from './definitions';
export * from './costs';
export * from './dates';
export { purchaseActionsOpenTo, openPurchaseActions } from './purchase';
export { caseActionsOpenTo, caseOwner } from './household';
