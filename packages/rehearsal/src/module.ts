import { fileURLToPath } from 'node:url';
import { defineProcess, type ProcessModule } from '@duban/process';
import type { RehearsalClock } from './control';
import { rehearsalRoutes } from './routes';

/**
 * The rehearsal's clock controls, shaped like a process so the gateway serves its routes and
 * page; only `startRehearsal` adds it, so no production system has them.
 */
export function rehearsalModule(control: RehearsalClock): ProcessModule {
  return defineProcess({
    name: 'rehearsal',
    label: '演练模式',
    source: '演练：在可控时钟上运行真实流程（issue 22）',
    events: [],
    routes: () => rehearsalRoutes(control),
    console: {
      dir: fileURLToPath(new URL('../console', import.meta.url)),
      pages: [
        {
          key: 'rehearsal',
          title: '演练时钟',
          module: 'rehearsal.js',
          render: 'renderRehearsal',
          roles: ['inspector', 'admin'],
        },
      ],
    },
    openApiTags: [{ name: 'rehearsal', description: '演练模式：模拟日期与推进时钟（仅演练时存在）' }],
  });
}
