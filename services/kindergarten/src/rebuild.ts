// What `duban projections rebuild` replays for the kindergarten process. The leadership alerts
// consumer (`kindergarten-alerts`) is left out: it publishes AlertRaised, and an alert is a fact
// announced once, not a read model.
import {
  startConsumer,
  type RebuildableReadModel,
  type RunningConsumer,
  JetStreamHandledEventLedger,
} from '@duban/bus';
import { ensureIndexes } from '@duban/store';
import type { Db } from 'mongodb';
import { startHousModule } from './bureaus/hous/index';
import { startBureauInboxModule } from './bureaus/inbox';
import { startNatresModule } from './bureaus/natres/index';
import { cases, KgCollections, timeline } from './collections';
import { CASE_FACT_TYPES } from './facts';
import { onCaseEvent } from './handlers/project-case';
import { bureauCases, KG_PROCESS } from './inbox';
import { INBOX_BUREAUS } from './service';

/** The durable names `startKindergartenServices` gives its read-model consumers. */
export const kindergartenReadModelDurables = (prefix = '') => ({
  projection: `${prefix}kindergarten-projection`,
  hous: `${prefix}bureau-hous-kindergarten`,
  natres: `${prefix}bureau-natres-kindergarten`,
  inboxes: INBOX_BUREAUS.map((unitCode) => ({
    unitCode,
    durable: `${prefix}bureau-${unitCode}-kindergarten`,
  })),
});

/**
 * Cases and their timeline, 住建局's and 自然资源局's permits, every bureau's kindergarten inbox
 * entries and the bureaus' case copies those entries follow. Campaigns are not rebuilt: the API
 * writes them, no event carries them.
 */
export const kindergartenReadModel: RebuildableReadModel<Db> = {
  name: 'kindergarten',
  label: '城镇小区配套幼儿园治理（一园一案、许可暂停、我的待办）',
  durables: (prefix) => {
    const d = kindergartenReadModelDurables(prefix);
    return [d.projection, d.hous, d.natres, ...d.inboxes.map((i) => i.durable)];
  },
  collections: [
    KgCollections.cases,
    KgCollections.timeline,
    KgCollections.housPermits,
    KgCollections.natresPermits,
    'kg_bureau_cases', // the bureaus' case copies (inbox.ts): kept with their entries
  ],
  inbox: KG_PROCESS,
  start: async ({ bus, db, durablePrefix }) => {
    const d = kindergartenReadModelDurables(durablePrefix);
    await ensureIndexes(cases(db), [{ key: { campaignId: 1 }, name: 'campaignId_1' }]);
    await ensureIndexes(timeline(db), [{ key: { caseId: 1, version: 1 }, name: 'caseId_1_version_1' }]);
    await ensureIndexes(bureauCases(db), [{ key: { unitCode: 1 }, name: 'unitCode_1' }]);
    const project = onCaseEvent(db);
    const consumers: RunningConsumer[] = [
      await startConsumer(bus, {
        durable: d.projection,
        ledger: new JetStreamHandledEventLedger(bus),
        handlers: Object.fromEntries(CASE_FACT_TYPES.map((type) => [type, project])),
      }),
      await startHousModule({ bus, db, durable: d.hous }),
      await startNatresModule({ bus, db, durable: d.natres }),
    ];
    for (const { unitCode, durable } of d.inboxes) {
      consumers.push(await startBureauInboxModule({ bus, db, unitCode, durable }));
    }
    return consumers;
  },
};
