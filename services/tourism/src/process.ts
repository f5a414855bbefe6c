import { fileURLToPath } from 'node:url';
import { TourismEvents } from '@duban/workflow-tourism/client';
import { createTourismWorker } from '@duban/workflow-tourism';
import { countByColour, defineProcess } from '@duban/process';
import { ensureTourismIndexes, trips } from './collections';
import { startTourismProjection, tourismDurables } from './projector/index';
import { tourismReadModel } from './rebuild';
import { tourismRoutes } from './routes/index';

/** 引客入青奖励 (青政办发〔2019〕34号): trip filing, claims in their windows, year-end settlement. */
export const tourismProcess = defineProcess({
  name: 'tourism',
  label: '引客入青奖励',
  source: '青政办发〔2019〕34号',
  events: [TourismEvents],
  workers: async (deps) => [await createTourismWorker(deps)],
  services: async (deps) => {
    await ensureTourismIndexes(deps.db);
    return [
      await startTourismProjection({
        bus: deps.bus,
        db: deps.db,
        durable: tourismDurables(deps.durablePrefix).projection,
      }),
    ];
  },
  routes: tourismRoutes,
  overview: async (db) => ({
    counted: '待申请的引客入青行程',
    ...(await countByColour(trips(db), { status: 'filed' })),
  }),
  readModels: [tourismReadModel],
  console: {
    dir: fileURLToPath(new URL('../console', import.meta.url)),
    pages: [
      {
        key: 'tourism',
        title: '引客入青',
        module: 'tourism.js',
        render: 'renderTourism',
        roles: ['bureau', 'inspector', 'leader'],
        // Travel agencies, self-drive clubs, scenic spots and hotels (一、奖励范围).
        outside: ['business'],
      },
    ],
  },
  openApiTags: [
    { name: 'tourism', description: '引客入青奖励：行程备案、申请、年度结算（青政办发〔2019〕34号）' },
  ],
});
