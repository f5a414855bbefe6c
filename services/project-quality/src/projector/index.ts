// Two durable consumers of the process's facts: the read model (rebuildable) and the alerts
// (announced once, so never replayed by a rebuild).
import { JetStreamHandledEventLedger, startConsumer, type Bus, type RunningConsumer } from '@duban/bus';
import type { Db } from 'mongodb';
import * as alerts from './alerts';
import * as facts from './facts';
import * as indicatorFacts from './indicators';

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

export const startProjectQualityProjection = (deps: ConsumerDeps) => {
  const onFact = facts.onFact(deps.db);
  const onIndicator = indicatorFacts.onIndicatorFact(deps.db);
  const indicatorTypes = new Set<string>(indicatorFacts.handles.map((h) => h.type));
  return consume(
    deps,
    [...facts.handles, ...indicatorFacts.handles],
    () => (event: never) =>
      indicatorTypes.has((event as { type: string }).type) ? onIndicator(event) : onFact(event),
  );
};

export const startProjectQualityAlerts = (deps: ConsumerDeps) =>
  consume(deps, alerts.handles, (ledger) =>
    alerts.onAlert({ bus: deps.bus, db: deps.db, ledger, ledgerName: `${deps.durable}:raised` }),
  );
