import { LandUseEvents } from '@duban/workflow-land-use/client';
import { countByColour, defineProcess } from '@duban/process';
import { cases } from './collections';
import { landUseRoutes } from './routes/index';
import { createLandUseWorker } from '@duban/workflow-land-use';
import { landUseReadModel } from './rebuild';
import { startLandUseLedgerHold, startLandUseServices } from './service';
import { ensureLandLedger } from './temporal';

/** 占补平衡台账与违法占地案件 (青政办发〔2019〕28号 二(三)、二(七)). */
export const landUseProcess = defineProcess({
  name: 'land-use',
  label: '占补平衡与违法占地',
  source: '青政办发〔2019〕28号 二(三)、二(七)',
  events: [LandUseEvents],
  workers: async (deps) => [await createLandUseWorker(deps)],
  services: async (deps) => {
    const common = {
      bus: deps.bus,
      db: deps.db,
      ...(deps.durablePrefix ? { durablePrefix: deps.durablePrefix } : {}),
    };
    // The ledger workflow is told of suspended towns (三(十)) so that it refuses there itself.
    return [
      ...(await startLandUseServices(common)),
      await startLandUseLedgerHold({ ...common, temporal: deps.temporal }),
    ];
  },
  // The one ledger of the city runs from the first start on (fixed id; later starts find it).
  onStart: async ({ temporal }) => {
    await ensureLandLedger({ temporal });
  },
  routes: landUseRoutes,
  overview: async (db) => ({
    counted: '违法占地案件',
    ...(await countByColour(cases(db), { step: { $ne: 'closed' } })),
  }),
  readModels: [landUseReadModel],
  openApiTags: [
    { name: 'land', description: '耕地保护：占补平衡台账、建设占用、违法占地案件（青政办发〔2019〕28号）' },
  ],
});
