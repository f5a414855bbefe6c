// What `duban projections rebuild` replays for the land-transfer process. The alerts consumer is
// left out: an alert is a fact announced once, not a read model.
import type { RebuildableReadModel } from '@duban/bus';
import type { Db } from 'mongodb';
import { ensureLandTransferIndexes, LtCollections } from './collections';
import { landTransferDurables, startApplicationProjection } from './projector/index';

export const landTransferReadModel: RebuildableReadModel<Db> = {
  name: 'land-transfer',
  label: '土地流转申请、时间线（我的待办）',
  durables: (prefix) => [landTransferDurables(prefix).projection],
  collections: [LtCollections.applications, LtCollections.timeline],
  inbox: 'land-transfer',
  start: async ({ bus, db, durablePrefix }) => {
    await ensureLandTransferIndexes(db);
    return [
      await startApplicationProjection({ bus, db, durable: landTransferDurables(durablePrefix).projection }),
    ];
  },
};
