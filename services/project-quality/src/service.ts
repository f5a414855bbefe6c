import type { Bus, RebuildableReadModel, RunningConsumer } from '@duban/bus';
import type { Db } from 'mongodb';
import { PqCollections, ensureProjectQualityIndexes } from './collections';
import {
  projectQualityDurables,
  startProjectQualityAlerts,
  startProjectQualityProjection,
} from './projector/index';

export interface ProjectQualityServiceDeps {
  bus: Bus;
  db: Db;
  durablePrefix?: string;
  startAt?: 'first' | 'new';
}

/** The project-quality read model and alerts in one process (embedded default). */
export async function startProjectQualityServices(
  deps: ProjectQualityServiceDeps,
): Promise<RunningConsumer[]> {
  await ensureProjectQualityIndexes(deps.db);
  const d = projectQualityDurables(deps.durablePrefix);
  const common = { bus: deps.bus, db: deps.db, ...(deps.startAt ? { startAt: deps.startAt } : {}) };
  return [
    await startProjectQualityProjection({ ...common, durable: d.projection }),
    await startProjectQualityAlerts({ ...common, durable: d.alerts }),
  ];
}

/** What `duban projections rebuild` replays (alerts left out: announced once, not a read model). */
export const projectQualityReadModel: RebuildableReadModel<Db> = {
  name: 'project-quality',
  label: '项目建设：销号台账、统计局增速、各单位月度报送（含约谈的督查室待办）与指标报送',
  durables: (prefix) => [projectQualityDurables(prefix).projection],
  collections: [
    PqCollections.projects,
    PqCollections.figures,
    PqCollections.unitYears,
    PqCollections.indicatorYears,
    PqCollections.indicatorReports,
  ],
  inbox: 'project-quality',
  start: async ({ bus, db, durablePrefix }) => {
    await ensureProjectQualityIndexes(db);
    return [
      await startProjectQualityProjection({
        bus,
        db,
        durable: projectQualityDurables(durablePrefix).projection,
      }),
    ];
  },
};
