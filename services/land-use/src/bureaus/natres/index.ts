import {
  startConsumer,
  type Bus,
  type EventHandlers,
  type RunningConsumer,
  JetStreamHandledEventLedger,
} from '@duban/bus';
import { LandUseEvents } from '@duban/workflow-land-use/client';
import type { Db } from 'mongodb';
import type { LandTemporal } from '../../temporal';
import { alertEvents, caseEvents, ledgerEvents } from './events/index';
import { onCaseAlert } from './handlers/case-alert';
import { onCaseFact } from './handlers/case-fact';
import * as suspended from './handlers/land-business-suspended';
import { onLedgerFact } from './handlers/ledger-fact';
import * as forLedger from './handlers/ledger-suspension';
import { onReclamationAlert } from './handlers/reclamation-alert';
import * as lifted from './handlers/suspension-lifted';

/** The durable names of the 自然资源局 module's consumers. */
export const natresLandDurables = (prefix = '') => ({
  projection: `${prefix}bureau-natres-land-use`,
  /** Its own durable, so that a city running before it replays the assessment facts from the start. */
  suspensions: `${prefix}bureau-natres-land-use-suspensions`,
  alerts: `${prefix}land-use-alerts`,
  ledgerSuspensions: `${prefix}land-use-ledger-suspensions`,
});

interface ConsumerDeps {
  bus: Bus;
  db: Db;
  durable: string;
  startAt?: 'first' | 'new';
}

function consume(
  deps: ConsumerDeps,
  handlers: Record<string, unknown>,
  ledger = new JetStreamHandledEventLedger(deps.bus),
): Promise<RunningConsumer> {
  return startConsumer(deps.bus, {
    durable: deps.durable,
    ledger,
    handlers: handlers as EventHandlers,
    ...(deps.startAt ? { startAt: deps.startAt } : {}),
  });
}

/** The ledger and case read models with 自然资源局's inbox: rebuildable from the stream. */
export async function startNatresLandProjection(deps: ConsumerDeps): Promise<RunningConsumer> {
  const handlers: Record<string, unknown> = {};
  for (const def of ledgerEvents) handlers[def.type] = onLedgerFact(deps.db);
  for (const def of caseEvents) handlers[def.type] = onCaseFact(deps.db);
  return consume(deps, handlers);
}

/** `lu_town_suspensions`: the towns the yearly assessment suspended, from the cultivated-land facts. */
export async function startNatresSuspensionProjection(deps: ConsumerDeps): Promise<RunningConsumer> {
  return consume(deps, {
    [suspended.handles.type]: suspended.onLandBusinessSuspended(deps.db),
    [lifted.handles.type]: lifted.onSuspensionLifted(deps.db),
  });
}

/** The ledger workflow is told each suspension fact: an action, so never replayed by a rebuild. */
export async function startLedgerSuspensions(deps: ConsumerDeps & LandTemporal): Promise<RunningConsumer> {
  const tell = forLedger.onSuspensionForLedger(deps);
  return consume(deps, Object.fromEntries(forLedger.handles.map((def) => [def.type, tell])));
}

/** Alerts for the inspectors and leaders: announced once, so never replayed by a rebuild. */
export async function startLandUseAlerts(deps: ConsumerDeps): Promise<RunningConsumer> {
  const ledger = new JetStreamHandledEventLedger(deps.bus);
  const raised = { bus: deps.bus, db: deps.db, ledger, ledgerName: `${deps.durable}:raised` };
  const handlers: Record<string, unknown> = {};
  for (const def of alertEvents) handlers[def.type] = onCaseAlert(raised);
  handlers[LandUseEvents.ReclamationColourChanged.type] = onReclamationAlert(raised);
  return consume(deps, handlers, ledger);
}

/** The 自然资源局 module of the land-use process: its projections and its alerts. */
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
    await startNatresSuspensionProjection({ ...common, durable: d.suspensions }),
    await startLandUseAlerts({ ...common, durable: d.alerts }),
  ];
}
