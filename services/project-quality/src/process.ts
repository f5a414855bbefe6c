import { fileURLToPath } from 'node:url';
import { ProjectQualityEvents } from '@duban/workflow-project-quality/client';
import { createProjectQualityWorker } from '@duban/workflow-project-quality';
import { countByColour, defineProcess } from '@duban/process';
import { unitYears } from './collections';
import { projectQualityRoutes } from './routes/index';
import { projectQualityReadModel, startProjectQualityServices } from './service';

/** 项目提质增效年 (青政办发〔2019〕40号) and the indicators of every document with numbers. */
export const projectQualityProcess = defineProcess({
  name: 'project-quality',
  label: '项目提质增效年',
  source: '青政办发〔2019〕40号',
  events: [ProjectQualityEvents],
  workers: async (deps) => [await createProjectQualityWorker(deps)],
  services: async (deps) =>
    startProjectQualityServices({
      bus: deps.bus,
      db: deps.db,
      ...(deps.durablePrefix ? { durablePrefix: deps.durablePrefix } : {}),
    }),
  routes: projectQualityRoutes,
  overview: async (db) => ({
    counted: '单位年度报送',
    ...(await countByColour(unitYears(db), { closed: false })),
  }),
  readModels: [projectQualityReadModel],
  console: {
    dir: fileURLToPath(new URL('../console', import.meta.url)),
    pages: [
      {
        key: 'project-quality',
        title: '项目建设',
        module: 'project-quality.js',
        render: 'projectQualityPage',
        roles: ['bureau', 'inspector', 'leader', 'admin'],
      },
      {
        key: 'indicators',
        title: '指标',
        module: 'indicators.js',
        render: 'indicatorsPage',
        roles: ['bureau', 'inspector', 'leader', 'admin'],
      },
    ],
  },
  openApiTags: [{ name: 'project-quality', description: '项目提质增效年（青政办发〔2019〕40号）与指标跟踪' }],
});
