export { startAlertsService, ALERTS_CONSUMER } from './service';
export type { AlertsDeps, AlertsService } from './service';
export { ensureAlertIndexes } from './collections';
export { alertId, alertRaisedId, ALERTS_SOURCE, raiseProcessAlert } from './raise';
export type { AlertStats, ProcessAlertDeps } from './raise';
export { colourChangeMessage, escalationMessage, overdueMessage } from './messages';
