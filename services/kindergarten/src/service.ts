import { KindergartenEvents } from '@duban/workflow-kindergarten/client';
import { startConsumer, type Bus, type RunningConsumer, JetStreamHandledEventLedger } from '@duban/bus';
import type { Db } from 'mongodb';
import { CAMPAIGN_2019 } from '@duban/workflow-kindergarten';
import { startHousModule } from './bureaus/hous/index';
import { startNatresModule } from './bureaus/natres/index';
import { campaigns, cases, isDuplicateKey, timeline } from './collections';
import { startBureauInboxModule } from './bureaus/inbox';
import { onCaseEscalated } from './handlers/case-escalated';
import { onCaseColourChanged } from './handlers/colour-changed';
import { onCaseEvent } from './handlers/project-case';
import { CASE_FACT_TYPES } from './facts';
import { bureauCases } from './inbox';
import { clock } from '@duban/contracts';

export interface KindergartenServiceDeps {
  bus: Bus;
  db: Db;
  /** Prefix for durable names; tests pass their own to stay apart. */
  durablePrefix?: string;
}

/** Bureaus whose only kindergarten read model is their inbox (住建局, 自然资源局 also hold permits). */
export const INBOX_BUREAUS = ['edu', 'fin', 'ndrc', 'civil', 'staffing'] as const;

/** Makes sure the 2019 campaign of the gazette exists (idempotent). */
export async function ensureGazetteCampaign(db: Db): Promise<void> {
  try {
    await campaigns(db).insertOne({
      _id: CAMPAIGN_2019.campaignId,
      ...CAMPAIGN_2019,
      createdAt: clock.now(),
    });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
}

/**
 * The kindergarten process's services in one process (embedded default): the case projection,
 * the leadership alerts, the 住建局 and 自然资源局 modules (permits and inbox) and the inbox
 * modules of the other bureaus, each its own durable consumer.
 */
export async function startKindergartenServices(deps: KindergartenServiceDeps): Promise<RunningConsumer[]> {
  const prefix = deps.durablePrefix ?? '';
  await ensureGazetteCampaign(deps.db);
  await cases(deps.db).createIndex({ campaignId: 1 });
  await timeline(deps.db).createIndex({ caseId: 1, version: 1 });
  await bureauCases(deps.db).createIndex({ unitCode: 1 });
  const ledger = new JetStreamHandledEventLedger(deps.bus);
  const project = onCaseEvent(deps.db);
  const handlers = Object.fromEntries(CASE_FACT_TYPES.map((type) => [type, project]));
  const projection = await startConsumer(deps.bus, {
    durable: `${prefix}kindergarten-projection`,
    ledger,
    handlers,
  });
  const raise = { bus: deps.bus, db: deps.db, ledger, ledgerName: `${prefix}kindergarten-alerts:raised` };
  const alerts = await startConsumer(deps.bus, {
    durable: `${prefix}kindergarten-alerts`,
    ledger,
    handlers: {
      [KindergartenEvents.ColourChanged.type]: onCaseColourChanged(raise),
      [KindergartenEvents.CaseEscalated.type]: onCaseEscalated(raise),
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
  const inboxes: RunningConsumer[] = [];
  for (const unitCode of INBOX_BUREAUS) {
    inboxes.push(
      await startBureauInboxModule({
        bus: deps.bus,
        db: deps.db,
        unitCode,
        durable: `${prefix}bureau-${unitCode}-kindergarten`,
      }),
    );
  }
  return [projection, alerts, hous, natres, ...inboxes];
}
