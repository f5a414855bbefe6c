import { SupervisionEvents } from '@duban/workflow-supervision/client';
import { ReadModels } from '@duban/contracts';
import { countByColour, defineProcess } from '@duban/process';
import type { ItemDoc } from '@duban/workflow-supervision/client';
import { startAlertsService } from './alerts/index';
import { startProjectorService, supervisionReadModel } from './projector/index';
import { createSupervisionWorker } from '@duban/workflow-supervision';
import { pendingItemExtensions } from './reviews';
import { supervisionRoutes } from './routes/index';

/** 督办事项: one item per task of the gazette, from 交办 to 销号 (DESIGN §6). */
export const supervisionProcess = defineProcess({
  name: 'supervision',
  label: '督办事项',
  source: '政府公报各文件的任务分工',
  events: [SupervisionEvents],
  workers: async (deps) => [await createSupervisionWorker(deps)],
  services: async (deps) => [
    await startProjectorService({
      bus: deps.bus,
      db: deps.db,
      ...(deps.durablePrefix ? { durable: `${deps.durablePrefix}projector` } : {}),
    }),
    await startAlertsService({
      bus: deps.bus,
      db: deps.db,
      ...(deps.durablePrefix ? { durable: `${deps.durablePrefix}alerts` } : {}),
    }),
  ],
  routes: supervisionRoutes,
  readModels: [supervisionReadModel()],
  overview: async (db) => ({
    counted: '事项',
    ...(await countByColour(
      db.collection<ItemDoc>(ReadModels.items),
      { state: { $ne: 'closed' } },
      'overallColour',
    )),
  }),
  pendingExtensions: pendingItemExtensions,
  openApiTags: [
    { name: 'items', description: '督办事项' },
    { name: 'actions', description: '办理、复核、延期、批示' },
  ],
});
