import { fileURLToPath } from 'node:url';
import { SocialAssistanceEvents } from '@duban/workflow-social-assistance/client';
import { createSocialAssistanceWorker } from '@duban/workflow-social-assistance';
import { countByColour, defineProcess } from '@duban/process';
import { cases } from './collections';
import { socialAssistanceReadModel } from './rebuild';
import { socialAssistanceRoutes } from './routes/index';
import { startSocialAssistanceServices } from './service';

/** 购买社会救助服务 (青政办发〔2019〕39号). */
export const socialAssistanceProcess = defineProcess({
  name: 'social-assistance',
  label: '购买社会救助服务',
  source: '青政办发〔2019〕39号',
  events: [SocialAssistanceEvents],
  workers: async (deps) => [await createSocialAssistanceWorker(deps)],
  services: async (deps) =>
    startSocialAssistanceServices({
      bus: deps.bus,
      db: deps.db,
      ...(deps.durablePrefix ? { durablePrefix: deps.durablePrefix } : {}),
    }),
  routes: socialAssistanceRoutes,
  overview: async (db) => ({
    counted: '社会救助申请',
    ...(await countByColour(cases(db), { step: { $ne: null } })),
  }),
  readModels: [socialAssistanceReadModel],
  console: {
    dir: fileURLToPath(new URL('../console', import.meta.url)),
    pages: [
      {
        key: 'social-assistance',
        title: '社会救助',
        module: 'social-assistance.js',
        render: 'socialAssistancePage',
        roles: ['bureau', 'inspector', 'leader', 'admin'],
      },
    ],
  },
  openApiTags: [{ name: 'social-assistance', description: '购买社会救助服务（青政办发〔2019〕39号）' }],
});
