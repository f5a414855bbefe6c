// What `duban projections rebuild` replays for the land-use process. The alerts consumer is left
// out: it publishes AlertRaised, and an alert is a fact announced once, not a read model.
import type { RebuildableReadModel } from '@duban/bus';
import type { Db } from 'mongodb';
import { natresLandDurables, startNatresLandProjection } from './bureaus/natres/index';
import { ensureLandUseIndexes, LuCollections } from './collections';

/** The ledger, occupations, cases, their timeline, and 自然资源局's land-use inbox entries. */
export const landUseReadModel: RebuildableReadModel<Db> = {
  name: 'land-use',
  label: '耕地占补平衡台账与违法占地案件（我的待办）',
  durables: (prefix) => [natresLandDurables(prefix).projection],
  collections: [LuCollections.ledger, LuCollections.occupations, LuCollections.cases, LuCollections.timeline],
  inbox: 'land-use',
  start: async ({ bus, db, durablePrefix }) => {
    await ensureLandUseIndexes(db);
    return [
      await startNatresLandProjection({ bus, db, durable: natresLandDurables(durablePrefix).projection }),
    ];
  },
};
