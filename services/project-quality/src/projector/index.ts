// Two durable consumers of the process's facts: the read model (rebuildable) and the alerts
// (announced once, so never replayed by a rebuild).
import {
  JetStreamHandledEventLedger,
  startConsumer,
  type Bus,
  type EventHandlers,
  type RunningConsumer,
} from '@duban/bus';
import type { Db } from 'mongodb';
import * as alerts from './alerts';
import * as facts from './facts';

export const projectQualityDurables = (prefix = '') => ({
  projection: `${prefix}project-quality-facts`,
  alerts: `${prefix}project-quality-alerts`,
});

interface ConsumerDeps {
  bus: Bus;
  db: Db;
  durable: string;
  startAt?: 'first' | 'new';
}

const handlersFor = (defs: readonly { type: string }[], on: unknown) =>
  Object.fromEntries(defs.map((def) => [def.type, on])) as EventHandlers;

export function startProjectQualityProjection({
  bus,
  db,
  durable,
  startAt,
}: ConsumerDeps): Promise<RunningConsumer> {
  return startConsumer(bus, {
    durable,
    handlers: handlersFor(facts.handles, facts.onFact(db)),
    ledger: new JetStreamHandledEventLedger(bus),
    ...(startAt ? { startAt } : {}),
  });
}

export function startProjectQualityAlerts({
  bus,
  db,
  durable,
  startAt,
}: ConsumerDeps): Promise<RunningConsumer> {
  const ledger = new JetStreamHandledEventLedger(bus);
  const handlers = handlersFor(
    alerts.handles,
    alerts.onAlert({ bus, db, ledger, ledgerName: `${durable}:raised` }),
  );
  return startConsumer(bus, { durable, handlers, ledger, ...(startAt ? { startAt } : {}) });
}
