// What `duban projections rebuild` replays for the cultivated-land process. The alerts consumer
// (`cultivated-land-alerts`) is left out: it publishes AlertRaised, and an alert is a fact
// announced once, not a read model.
import { startConsumer, type RebuildableReadModel, JetStreamHandledEventLedger } from '@duban/bus';
import { ensureIndexes } from '@duban/store';
import type { Db } from 'mongodb';
import { startAgriLandModule } from './bureaus/agri/index';
import { startNatresLandModule } from './bureaus/natres/index';
import { startOfficeLandModule } from './bureaus/office/index';
import { startStatsLandModule } from './bureaus/stats/index';
import { startTownsLandModule } from './bureaus/towns/index';
import { assessments, ClCollections, rectifications, timeline } from './collections';
import { LAND_FACTS, landEventType } from './facts';
import { onLandEvent } from './handlers/project';

/** The durable names `startCultivatedLandServices` gives its read-model consumers. */
export const cultivatedLandReadModelDurables = (prefix = '') => ({
  projection: `${prefix}cultivated-land-projection`,
  natres: `${prefix}bureau-natres-cultivated-land`,
  agri: `${prefix}bureau-agri-cultivated-land`,
  stats: `${prefix}bureau-stats-cultivated-land`,
  towns: `${prefix}towns-cultivated-land`,
  office: `${prefix}office-cultivated-land`,
});

/**
 * The towns' rectifications and assessments with their timeline, 自然资源局's land-business
 * suspensions (read by the land-use approvals too), and the bureaus' and towns' inbox entries
 * with the versions they follow. Campaigns are not rebuilt: the API writes them.
 */
export const cultivatedLandReadModel: RebuildableReadModel<Db> = {
  name: 'cultivated-land',
  label: '耕地保护（整改、考核、暂停土地业务、我的待办）',
  durables: (prefix) => Object.values(cultivatedLandReadModelDurables(prefix)),
  collections: [
    ClCollections.rectifications,
    ClCollections.assessments,
    ClCollections.timeline,
    ClCollections.suspensions,
    ClCollections.inboxVersions,
  ],
  inbox: 'cultivated-land',
  start: async ({ bus, db, durablePrefix }) => {
    const d = cultivatedLandReadModelDurables(durablePrefix);
    await ensureIndexes(rectifications(db), [{ key: { campaignId: 1 }, name: 'campaignId_1' }]);
    await ensureIndexes(assessments(db), [{ key: { year: 1 }, name: 'year_1' }]);
    await ensureIndexes(timeline(db), [{ key: { itemId: 1, version: 1 }, name: 'itemId_1_version_1' }]);
    const project = onLandEvent(db);
    return [
      await startConsumer(bus, {
        durable: d.projection,
        ledger: new JetStreamHandledEventLedger(bus),
        handlers: Object.fromEntries(LAND_FACTS.map((f) => [landEventType(f), project])) as never,
      }),
      await startNatresLandModule({ bus, db, durable: d.natres }),
      await startAgriLandModule({ bus, db, durable: d.agri }),
      await startStatsLandModule({ bus, db, durable: d.stats }),
      await startTownsLandModule({ bus, db, durable: d.towns }),
      await startOfficeLandModule({ bus, db, durable: d.office }),
    ];
  },
};
