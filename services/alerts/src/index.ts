// Alerts shared by every process: the `alerts` read model and raising an alert once, announced
// once as AlertRaised. What raises an alert is each process's own handler.
export { alertsCollection, ensureAlertIndexes } from './collections';
export { alertId, alertRaisedId, ALERTS_SOURCE, attributionOf, raiseAlert, raiseProcessAlert } from './raise';
export type { AlertStats, ProcessAlertDeps, RaiseDeps } from './raise';
