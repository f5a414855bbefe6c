import { startConsumer, type Bus, type EventHandlers, type RunningConsumer } from '@duban/bus';
import { MongoHandledEventLedger } from '@duban/store';
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

const consume = (
  deps: ConsumerDeps,
  handlers: Record<string, unknown>,
  ledger = new MongoHandledEventLedger(deps.db),
) =>
  startConsumer(deps.bus, {
    durable: deps.durable,
    ledger,
    handlers: handlers as EventHandlers,
    ...(deps.startAt ? { startAt: deps.startAt } : {}),
  });

/** Purchases, cases, their timeline and the inbox entries: rebuildable from the stream. */
export function startSocialAssistanceProjection(deps: ConsumerDeps): Promise<RunningConsumer> {
  const on = facts.onFact(deps.db);
  return consume(deps, Object.fromEntries(facts.handles.map((def) => [def.type, on])));
}

/** Alerts: announced once, so never replayed by a rebuild. */
export function startSocialAssistanceAlerts(deps: ConsumerDeps): Promise<RunningConsumer> {
  const ledger = new MongoHandledEventLedger(deps.db);
  const on = alerts.onColourAlert({
    bus: deps.bus,
    db: deps.db,
    ledger,
    ledgerName: `${deps.durable}:raised`,
  });
  return consume(deps, Object.fromEntries(alerts.handles.map((def) => [def.type, on])), ledger);
}
