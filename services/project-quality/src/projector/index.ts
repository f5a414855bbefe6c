// Two durable consumers of the process's facts: the read model (rebuildable) and the alerts
// (announced once, so never replayed by a rebuild).
import {
  JetStreamHandledEventLedger,
  startConsumer,
  type Bus,
  type HandlerContext,
  type RunningConsumer,
} from '@duban/bus';
import type { Db } from 'mongodb';
import * as alerts from './alerts';
import * as facts from './facts';
import * as indicatorFacts from './indicators';
import * as ledgerFacts from './ledger';

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

/** One consumer giving each of `types` to `handle`, its handled events in the JetStream ledger. */
function consume(
  deps: ConsumerDeps,
  types: readonly { type: string }[],
  handle: (ledger: JetStreamHandledEventLedger) => unknown,
): Promise<RunningConsumer> {
  const ledger = new JetStreamHandledEventLedger(deps.bus);
  const handler = handle(ledger);
  return startConsumer(deps.bus, {
    durable: deps.durable,
    handlers: Object.fromEntries(types.map(({ type }) => [type, handler])) as never,
    ledger,
    ...(deps.startAt ? { startAt: deps.startAt } : {}),
  });
}

/** The read models of the units' years, the indicators, the ledger and the figures: one consumer. */
export const startProjectQualityProjection = (deps: ConsumerDeps) => {
  const byType = new Map<string, (event: never, context: HandlerContext) => Promise<void>>();
  const route = (
    types: readonly { type: string }[],
    handle: (e: never, c: HandlerContext) => Promise<void>,
  ) => types.forEach(({ type }) => byType.set(type, handle));
  route(facts.handles, facts.onFact(deps.db));
  route(indicatorFacts.handles, indicatorFacts.onIndicatorFact(deps.db));
  route(ledgerFacts.handles, ledgerFacts.onLedgerFact(deps.db));
  return consume(
    deps,
    [...facts.handles, ...indicatorFacts.handles, ...ledgerFacts.handles],
    () => (event: never, context: HandlerContext) =>
      byType.get((event as { type: string }).type)!(event, context),
  );
};

export const startProjectQualityAlerts = (deps: ConsumerDeps) =>
  consume(deps, alerts.handles, (ledger) =>
    alerts.onAlert({ bus: deps.bus, db: deps.db, ledger, ledgerName: `${deps.durable}:raised` }),
  );
