export { startAlertsService, ALERTS_CONSUMER } from './service';
export type { AlertsDeps, AlertsService } from './service';
export { colourChangeMessage, escalationMessage, overdueMessage } from './messages';
