import { fileURLToPath } from 'node:url';
import { defineProcess } from '@duban/process';
import { forecastRoutes } from './routes';

/**
 * 预测 (issue 22 point 2), shaped like a process so `duban start` serves its route and page;
 * listed beside the gazette's processes like delivery: it tracks nothing and writes nothing.
 */
export const forecastModule = defineProcess({
  name: 'forecast',
  label: '逾期预测',
  source: '按单位步速预测文件各节点的颜色（issue 22）',
  events: [],
  routes: forecastRoutes,
  console: {
    dir: fileURLToPath(new URL('../console', import.meta.url)),
    pages: [
      {
        key: 'forecast',
        title: '逾期预测',
        module: 'forecast.js',
        render: 'renderForecast',
        roles: ['inspector', 'leader', 'admin'],
      },
    ],
  },
  openApiTags: [{ name: 'forecast', description: '逾期预测：按单位步速试算文件各节点何时临期、逾期' }],
});
