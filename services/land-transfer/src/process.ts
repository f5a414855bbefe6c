import { fileURLToPath } from 'node:url';
import { LandTransferEvents } from '@duban/workflow-land-transfer/client';
import { createLandTransferWorker } from '@duban/workflow-land-transfer';
import { countByColour, defineProcess } from '@duban/process';
import { applications } from './collections';
import { landTransferReadModel } from './rebuild';
import { landTransferRoutes } from './routes/index';
import { startLandTransferServices } from './service';

/** 农村土地承包经营权流转风险防控 (青政发〔2019〕34号). */
export const landTransferProcess = defineProcess({
  name: 'land-transfer',
  label: '土地流转风险防控',
  source: '青政发〔2019〕34号',
  events: [LandTransferEvents],
  workers: async (deps) => [await createLandTransferWorker(deps)],
  services: async (deps) =>
    startLandTransferServices({
      bus: deps.bus,
      db: deps.db,
      ...(deps.durablePrefix ? { durablePrefix: deps.durablePrefix } : {}),
    }),
  routes: landTransferRoutes,
  overview: async (db) => ({
    counted: '土地流转申请',
    ...(await countByColour(applications(db), { stage: { $ne: 'closed' } })),
  }),
  readModels: [landTransferReadModel],
  console: {
    dir: fileURLToPath(new URL('../console', import.meta.url)),
    pages: [
      {
        key: 'land-transfer',
        title: '土地流转',
        module: 'land-transfer.js',
        render: 'landTransferPage',
        roles: ['bureau', 'inspector', 'leader', 'admin'],
        outside: ['village', 'operator'],
      },
    ],
  },
  openApiTags: [
    { name: 'land-transfer', description: '农村土地承包经营权流转风险防控（青政发〔2019〕34号）' },
  ],
});
