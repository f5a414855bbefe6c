// Two durable consumers of the process's facts: the read models (rebuildable) and the alerts
// (announced once, so never replayed by a rebuild; their ledger also records what was raised).
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

export const socialAssistanceDurables = (prefix = '') => ({
  projection: `${prefix}social-assistance-facts`,
  alerts: `${prefix}social-assistance-alerts`,
});

interface ConsumerDeps {
  bus: Bus;
  db: Db;
  durable: string;
  startAt?: 'first' | 'new';
}

/** One handler for every fact type it is given. */
const everyType = (defs: readonly { type: string }[], on: unknown) =>
  Object.fromEntries(defs.map((def) => [def.type, on])) as EventHandlers;

export function startSocialAssistanceProjection(deps: ConsumerDeps): Promise<RunningConsumer> {
  const { bus, db, durable, startAt } = deps;
  const handlers = everyType(facts.handles, facts.onFact(db));
  return startConsumer(bus, {
    durable,
    handlers,
    ledger: new JetStreamHandledEventLedger(bus),
    ...(startAt ? { startAt } : {}),
  });
}

export function startSocialAssistanceAlerts(deps: ConsumerDeps): Promise<RunningConsumer> {
  const { bus, db, durable, startAt } = deps;
  const ledger = new JetStreamHandledEventLedger(bus);
  const handlers = everyType(
    alerts.handles,
    alerts.onColourAlert({ bus, db, ledger, ledgerName: `${durable}:raised` }),
  );
  return startConsumer(bus, { durable, handlers, ledger, ...(startAt ? { startAt } : {}) });
}
