import { SupervisionEvents } from '@duban/workflow-supervision/client';
import { startConsumer, type Bus, type RunningConsumer, JetStreamHandledEventLedger } from '@duban/bus';
import type { Db } from 'mongodb';
import { alertsCollection, ensureAlertIndexes } from '@duban/service-alerts';
import { onColourChanged } from './handlers/colour-changed';
import { onOverdueEscalated } from './handlers/overdue-escalated';
import { announceReviewRequest } from './handlers/review-requested';
import { onUrgeOverdue } from './handlers/urge-overdue';
import type { AlertStats, RaiseDeps } from '@duban/service-alerts';

export const ALERTS_CONSUMER = 'alerts';

export interface AlertsDeps {
  bus: Bus;
  db: Db;
  /** Durable consumer name; tests pass their own to stay apart from other consumers. */
  durable?: string;
  maxHandlerFailures?: number;
  onError?: (error: unknown, context: { subject: string; sequence: number }) => void;
}

export interface AlertsService extends RunningConsumer {
  alertStats: AlertStats;
}

/**
 * Turns colour changes and escalations into stored alerts, each announced once as AlertRaised, and
 * requests for review into ReviewRequested.
 */
export async function startAlertsService(deps: AlertsDeps): Promise<AlertsService> {
  await ensureAlertIndexes(deps.db);
  const durable = deps.durable ?? ALERTS_CONSUMER;
  const ledger = new JetStreamHandledEventLedger(deps.bus);
  const alertStats: AlertStats = { stored: 0, raised: 0 };
  const raise: RaiseDeps = {
    bus: deps.bus,
    alerts: alertsCollection(deps.db),
    ledger,
    raisedLedger: `${durable}:raised`,
    stats: alertStats,
  };
  const consumer = await startConsumer(deps.bus, {
    durable,
    ledger,
    maxHandlerFailures: deps.maxHandlerFailures,
    onError: deps.onError,
    handlers: {
      [SupervisionEvents.ColourChanged.type]: onColourChanged(raise),
      [SupervisionEvents.OverdueEscalated.type]: onOverdueEscalated(raise),
      // Issue 19: requests 督查室 must review reach the inspectors who subscribed to them.
      [SupervisionEvents.CloseRequested.type]: (event) => announceReviewRequest(deps.bus, event),
      [SupervisionEvents.ExtensionRequested.type]: (event) => announceReviewRequest(deps.bus, event),
      // Issue 23: an urge left unanswered past its reply day.
      [SupervisionEvents.UrgeOverdue.type]: onUrgeOverdue(raise),
    },
  });
  return Object.assign(consumer, { alertStats });
}
