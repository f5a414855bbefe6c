// What `duban projections rebuild` replays for the social-assistance process (alerts left out:
// an alert is a fact announced once, not a read model).
import type { RebuildableReadModel } from '@duban/bus';
import type { Db } from 'mongodb';
import { SaCollections, ensureSocialAssistanceIndexes } from './collections';
import { socialAssistanceDurables, startSocialAssistanceProjection } from './projector/index';

export const socialAssistanceReadModel: RebuildableReadModel<Db> = {
  name: 'social-assistance',
  label: '购买社会救助服务、救助申请、时间线（我的待办）',
  durables: (prefix) => [socialAssistanceDurables(prefix).projection],
  collections: [SaCollections.purchases, SaCollections.cases, SaCollections.timeline],
  inbox: 'social-assistance',
  start: async ({ bus, db, durablePrefix }) => {
    await ensureSocialAssistanceIndexes(db);
    return [
      await startSocialAssistanceProjection({
        bus,
        db,
        durable: socialAssistanceDurables(durablePrefix).projection,
      }),
    ];
  },
};
