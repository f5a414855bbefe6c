import { startConsumer, type Bus, type RunningConsumer } from '@duban/bus';
import { MongoHandledEventLedger } from '@duban/store';
import type { Db } from 'mongodb';
import { CAMPAIGN_2019 } from '@duban/workflow-kindergarten';
import { startHousModule } from './bureaus/hous/index';
import { startNatresModule } from './bureaus/natres/index';
import { campaigns, cases, isDuplicateKey, timeline } from './collections';
import { onCaseColourChanged } from './handlers/colour-changed';
import { onCaseEvent } from './handlers/project-case';

export interface KindergartenServiceDeps {
  bus: Bus;
  db: Db;
  /** Prefix for durable names; tests pass their own to stay apart. */
  durablePrefix?: string;
}

const CASE_FACTS = [
  'case_opened',
  'step_completed',
  'case_planned',
  'rectification_started',
  'rectification_completed',
  'handover_completed',
  'operation_decided',
  'deadline_extended',
  'colour_changed',
  'hold_placed',
  'hold_lifted',
  'case_closed',
] as const;

/** Makes sure the 2019 campaign of the gazette exists (idempotent). */
export async function ensureGazetteCampaign(db: Db): Promise<void> {
  try {
    await campaigns(db).insertOne({ _id: CAMPAIGN_2019.campaignId, ...CAMPAIGN_2019, createdAt: new Date() });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
}

/**
 * The kindergarten process's services in one process (embedded default): the case projection,
 * the leadership alerts, and the 住建局 and 自然资源局 modules, each its own durable consumer.
 */
export async function startKindergartenServices(deps: KindergartenServiceDeps): Promise<RunningConsumer[]> {
  const prefix = deps.durablePrefix ?? '';
  await ensureGazetteCampaign(deps.db);
  await cases(deps.db).createIndex({ campaignId: 1 });
  await timeline(deps.db).createIndex({ caseId: 1, version: 1 });
  const ledger = new MongoHandledEventLedger(deps.db);
  const project = onCaseEvent(deps.db);
  const handlers = Object.fromEntries(
    CASE_FACTS.map((fact) => [`cn.gov.qtx.duban.kindergarten.${fact}.v1`, project]),
  );
  const projection = await startConsumer(deps.bus, {
    durable: `${prefix}kindergarten-projection`,
    ledger,
    handlers,
  });
  const alerts = await startConsumer(deps.bus, {
    durable: `${prefix}kindergarten-alerts`,
    ledger,
    handlers: {
      'cn.gov.qtx.duban.kindergarten.colour_changed.v1': onCaseColourChanged({
        bus: deps.bus,
        db: deps.db,
        ledger,
        ledgerName: `${prefix}kindergarten-alerts:raised`,
      }),
    },
  });
  const hous = await startHousModule({
    bus: deps.bus,
    db: deps.db,
    durable: `${prefix}bureau-hous-kindergarten`,
  });
  const natres = await startNatresModule({
    bus: deps.bus,
    db: deps.db,
    durable: `${prefix}bureau-natres-kindergarten`,
  });
  return [projection, alerts, hous, natres];
}
