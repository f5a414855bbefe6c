import { startConsumer, type Bus, type EventHandlers, type RunningConsumer } from '@duban/bus';
import { LandUseEvents } from '@duban/contracts';
import { MongoHandledEventLedger } from '@duban/store';
import type { Db } from 'mongodb';
import { alertEvents, caseEvents, ledgerEvents } from './events/index';
import { onCaseAlert } from './handlers/case-alert';
import { onCaseFact } from './handlers/case-fact';
import { onLedgerFact } from './handlers/ledger-fact';
import { onReclamationAlert } from './handlers/reclamation-alert';

/**
 * The 自然资源局 module of the land-use process: the ledger and case read models with its inbox
 * (one durable consumer), and the alerts for the inspectors and leaders (another).
 */
export async function startNatresLandModule(deps: {
  bus: Bus;
  db: Db;
  durablePrefix?: string;
}): Promise<RunningConsumer[]> {
  const prefix = deps.durablePrefix ?? '';
  const ledger = new MongoHandledEventLedger(deps.db);
  const handlers: Record<string, unknown> = {};
  for (const def of ledgerEvents) handlers[def.type] = onLedgerFact(deps.db);
  for (const def of caseEvents) handlers[def.type] = onCaseFact(deps.db);
  const projection = await startConsumer(deps.bus, {
    durable: `${prefix}bureau-natres-land-use`,
    ledger,
    handlers: handlers as EventHandlers,
  });
  const alertHandlers: Record<string, unknown> = {};
  const alert = onCaseAlert({
    bus: deps.bus,
    db: deps.db,
    ledger,
    ledgerName: `${prefix}land-use-alerts:raised`,
  });
  for (const def of alertEvents) alertHandlers[def.type] = alert;
  alertHandlers[LandUseEvents.ReclamationColourChanged.type] = onReclamationAlert({
    bus: deps.bus,
    db: deps.db,
    ledger,
    ledgerName: `${prefix}land-use-alerts:raised`,
  });
  const alerts = await startConsumer(deps.bus, {
    durable: `${prefix}land-use-alerts`,
    ledger,
    handlers: alertHandlers as EventHandlers,
  });
  return [projection, alerts];
}
