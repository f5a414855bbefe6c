import { fileURLToPath } from 'node:url';
import { KindergartenEvents } from '@duban/workflow-kindergarten/client';
import { countByColour, defineProcess } from '@duban/process';
import { cases } from './collections';
import { kindergartenRoutes } from './routes/index';
import { createKindergartenWorker } from '@duban/workflow-kindergarten';
import { kindergartenReadModel } from './rebuild';
import { pendingCaseExtensions } from './reviews';
import { startKindergartenServices } from './service';

/** 城镇小区配套幼儿园治理 (青政办发〔2019〕31号): one case per kindergarten (一园一案). */
export const kindergartenProcess = defineProcess({
  name: 'kindergarten',
  label: '城镇小区配套幼儿园治理',
  source: '青政办发〔2019〕31号',
  events: [KindergartenEvents],
  workers: async (deps) => [await createKindergartenWorker(deps)],
  services: (deps) =>
    startKindergartenServices({
      bus: deps.bus,
      db: deps.db,
      ...(deps.durablePrefix ? { durablePrefix: deps.durablePrefix } : {}),
    }),
  routes: kindergartenRoutes,
  readModels: [kindergartenReadModel],
  overview: async (db) => ({
    counted: '个案（一园一案）',
    ...(await countByColour(cases(db), { phase: { $ne: 'closed' } })),
  }),
  pendingExtensions: pendingCaseExtensions,
  // The console's 幼儿园治理 page: board, ledger (#/kindergarten/ledger), cases.
  console: {
    dir: fileURLToPath(new URL('../console', import.meta.url)),
    pages: [
      {
        key: 'kindergarten',
        title: '幼儿园治理',
        module: 'pages/kindergarten.js',
        render: 'kindergartenPage',
        roles: ['bureau', 'inspector', 'leader', 'admin'],
      },
    ],
  },
  openApiTags: [{ name: 'kindergarten', description: '城镇小区配套幼儿园治理（青政办发〔2019〕31号）' }],
});
