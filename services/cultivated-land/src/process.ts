import { fileURLToPath } from 'node:url';
import { CultivatedEvents } from '@duban/workflow-cultivated-land/client';
import { addOverviews, countByColour, defineProcess } from '@duban/process';
import { assessments, rectifications } from './collections';
import { cultivatedLandRoutes } from './routes/index';
import { createCultivatedLandWorker } from '@duban/workflow-cultivated-land';
import { cultivatedLandReadModel } from './rebuild';
import { pendingRectificationExtensions } from './reviews';
import { startCultivatedLandServices } from './service';

/** 耕地保护 (青政办发〔2019〕28号): town rectifications and the yearly assessment. */
export const cultivatedLandProcess = defineProcess({
  name: 'cultivated-land',
  label: '耕地保护',
  source: '青政办发〔2019〕28号',
  events: [CultivatedEvents],
  workers: async (deps) => [await createCultivatedLandWorker(deps)],
  services: (deps) =>
    startCultivatedLandServices({
      bus: deps.bus,
      db: deps.db,
      ...(deps.durablePrefix ? { durablePrefix: deps.durablePrefix } : {}),
    }),
  routes: cultivatedLandRoutes,
  readModels: [cultivatedLandReadModel],
  overview: async (db) => ({
    counted: '镇(场)整改与年度考核',
    ...addOverviews(
      await countByColour(rectifications(db), { phase: { $ne: 'closed' } }),
      await countByColour(assessments(db), { phase: { $ne: 'closed' } }),
    ),
  }),
  pendingExtensions: pendingRectificationExtensions,
  // The console's 耕地保护 page: towns, 占补平衡 ledger, occupations, illegal-occupation cases.
  console: {
    dir: fileURLToPath(new URL('../console', import.meta.url)),
    pages: [
      {
        key: 'land',
        title: '耕地保护',
        module: 'pages/land.js',
        render: 'landPage',
        roles: ['bureau', 'inspector', 'leader', 'admin'],
      },
    ],
  },
  openApiTags: [
    {
      name: 'land',
      description: '耕地保护：永久基本农田整改、年度责任目标考核、土地业务暂停（青政办发〔2019〕28号）',
    },
  ],
});
