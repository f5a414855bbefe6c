import { startConsumer, type Bus, type EventHandlers, type RunningConsumer } from '@duban/bus';
import { LandUseEvents } from '@duban/contracts';
import { MongoHandledEventLedger } from '@duban/store';
import type { Db } from 'mongodb';
import { alertEvents, caseEvents, ledgerEvents } from './events/index';
import { onCaseAlert } from './handlers/case-alert';
import { onCaseFact } from './handlers/case-fact';
import { onLedgerFact } from './handlers/ledger-fact';
import { onReclamationAlert } from './handlers/reclamation-alert';

/** The durable names of the 自然资源局 module's consumers. */
export const natresLandDurables = (prefix = '') => ({
  projection: `${prefix}bureau-natres-land-use`,
  alerts: `${prefix}land-use-alerts`,
});

/** The ledger and case read models with 自然资源局's inbox: rebuildable from the stream. */
export async function startNatresLandProjection(deps: {
  bus: Bus;
  db: Db;
  durable: string;
  startAt?: 'first' | 'new';
}): Promise<RunningConsumer> {
  const handlers: Record<string, unknown> = {};
  for (const def of ledgerEvents) handlers[def.type] = onLedgerFact(deps.db);
  for (const def of caseEvents) handlers[def.type] = onCaseFact(deps.db);
  return startConsumer(deps.bus, {
    durable: deps.durable,
    ledger: new MongoHandledEventLedger(deps.db),
    handlers: handlers as EventHandlers,
    ...(deps.startAt ? { startAt: deps.startAt } : {}),
  });
}

/** Alerts for the inspectors and leaders: announced once, so never replayed by a rebuild. */
export async function startLandUseAlerts(deps: {
  bus: Bus;
  db: Db;
  durable: string;
  startAt?: 'first' | 'new';
}): Promise<RunningConsumer> {
  const ledger = new MongoHandledEventLedger(deps.db);
  const raised = { bus: deps.bus, db: deps.db, ledger, ledgerName: `${deps.durable}:raised` };
  const handlers: Record<string, unknown> = {};
  for (const def of alertEvents) handlers[def.type] = onCaseAlert(raised);
  handlers[LandUseEvents.ReclamationColourChanged.type] = onReclamationAlert(raised);
  return startConsumer(deps.bus, {
    durable: deps.durable,
    ledger,
    handlers: handlers as EventHandlers,
    ...(deps.startAt ? { startAt: deps.startAt } : {}),
  });
}

/** The 自然资源局 module of the land-use process: its projection and its alerts. */
export async function startNatresLandModule(deps: {
  bus: Bus;
  db: Db;
  durablePrefix?: string;
  startAt?: 'first' | 'new';
}): Promise<RunningConsumer[]> {
  const d = natresLandDurables(deps.durablePrefix);
  const common = { bus: deps.bus, db: deps.db, ...(deps.startAt ? { startAt: deps.startAt } : {}) };
  return [
    await startNatresLandProjection({ ...common, durable: d.projection }),
    await startLandUseAlerts({ ...common, durable: d.alerts }),
  ];
}
