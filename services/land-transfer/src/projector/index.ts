import {
  startConsumer,
  type Bus,
  type EventHandlers,
  type RunningConsumer,
  JetStreamHandledEventLedger,
} from '@duban/bus';
import type { Db } from 'mongodb';
import * as alerts from './handlers/alerts';
import * as facts from './handlers/application-fact';

/** The durable names of the land-transfer consumers. */
export const landTransferDurables = (prefix = '') => ({
  projection: `${prefix}land-transfer-applications`,
  alerts: `${prefix}land-transfer-alerts`,
});

interface ConsumerDeps {
  bus: Bus;
  db: Db;
  durable: string;
  startAt?: 'first' | 'new';
}

const consume = (
  deps: ConsumerDeps,
  handlers: Record<string, unknown>,
  ledger = new JetStreamHandledEventLedger(deps.bus),
) =>
  startConsumer(deps.bus, {
    durable: deps.durable,
    ledger,
    handlers: handlers as EventHandlers,
    ...(deps.startAt ? { startAt: deps.startAt } : {}),
  });

/** Applications, their timeline and the units' inbox entries: rebuildable from the stream. */
export function startApplicationProjection(deps: ConsumerDeps): Promise<RunningConsumer> {
  const on = facts.onApplicationFact(deps.db);
  return consume(deps, Object.fromEntries(facts.handles.map((def) => [def.type, on])));
}

/** Alerts for the inspectors and leaders: announced once, so never replayed by a rebuild. */
export function startLandTransferAlerts(deps: ConsumerDeps): Promise<RunningConsumer> {
  const ledger = new JetStreamHandledEventLedger(deps.bus);
  const on = alerts.onTransferAlert({
    bus: deps.bus,
    db: deps.db,
    ledger,
    ledgerName: `${deps.durable}:raised`,
  });
  return consume(deps, Object.fromEntries(alerts.handles.map((def) => [def.type, on])), ledger);
}
