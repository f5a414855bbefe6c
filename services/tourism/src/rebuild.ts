// What `duban projections rebuild` replays for 引客入青.
import type { RebuildableReadModel } from '@duban/bus';
import type { Db } from 'mongodb';
import { ensureTourismIndexes, TourismCollections } from './collections';
import { startTourismProjection, tourismDurables } from './projector/index';

export const tourismReadModel: RebuildableReadModel<Db> = {
  name: 'tourism',
  label: '引客入青行程、申请与年度结算（我的待办）',
  durables: (prefix) => [tourismDurables(prefix).projection],
  collections: [TourismCollections.trips, TourismCollections.settlements, TourismCollections.timeline],
  inbox: 'tourism',
  start: async ({ bus, db, durablePrefix }) => {
    await ensureTourismIndexes(db);
    return [await startTourismProjection({ bus, db, durable: tourismDurables(durablePrefix).projection })];
  },
};
