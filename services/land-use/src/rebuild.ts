// What `duban projections rebuild` replays for the land-use process. The alerts consumer is left
// out: it publishes AlertRaised, and an alert is a fact announced once, not a read model; so is
// the one that tells the ledger workflow of suspended towns (an action, not a read model).
import type { RebuildableReadModel } from '@duban/bus';
import type { Db } from 'mongodb';
import {
  natresLandDurables,
  startNatresLandProjection,
  startNatresSuspensionProjection,
} from './bureaus/natres/index';
import { ensureLandUseIndexes, LuCollections } from './collections';

/**
 * The ledger, occupations, cases, their timeline, the suspended towns, and 自然资源局's land-use
 * inbox entries.
 */
export const landUseReadModel: RebuildableReadModel<Db> = {
  name: 'land-use',
  label: '耕地占补平衡台账与违法占地案件（我的待办）',
  durables: (prefix) => {
    const d = natresLandDurables(prefix);
    return [d.projection, d.suspensions];
  },
  collections: [
    LuCollections.ledger,
    LuCollections.occupations,
    LuCollections.cases,
    LuCollections.timeline,
    LuCollections.townSuspensions,
  ],
  inbox: 'land-use',
  start: async ({ bus, db, durablePrefix }) => {
    await ensureLandUseIndexes(db);
    const d = natresLandDurables(durablePrefix);
    return [
      await startNatresLandProjection({ bus, db, durable: d.projection }),
      await startNatresSuspensionProjection({ bus, db, durable: d.suspensions }),
    ];
  },
};
