import { fileURLToPath } from 'node:url';
import { defineProcess } from '@duban/process';
import { createDigestWorker } from '@duban/workflow-digest';
import { loadDeliveryConfig } from './config';
import { deliveryRoutes } from './routes';
import { ensureDigestWorkflow } from './digest-workflow';
import { DELIVERY_DURABLE, startDeliveryService } from './service';

/**
 * Delivery of alerts (issue 19), shaped like a process so that `duban start` runs its consumer
 * and serves its routes and page, but listed beside the gazette's processes, not among them: it
 * tracks nothing of its own (no cockpit line, no inbox, no read model to rebuild).
 */
export const deliveryModule = defineProcess({
  name: 'delivery',
  label: '提醒投递',
  source: '督办提醒（邮件、企业微信、钉钉、短信）',
  events: [],
  // 每日督办提醒: a workflow that sleeps to 08:30 of each working day (not a process timer).
  workers: async (deps) => [await createDigestWorker(deps)],
  onStart: async ({ temporal }) => {
    await ensureDigestWorkflow(temporal);
  },
  services: async (deps) => [
    await startDeliveryService({
      bus: deps.bus,
      db: deps.db,
      config: loadDeliveryConfig(),
      durable: `${deps.durablePrefix ?? ''}${DELIVERY_DURABLE}`,
      // Added to a running city, it owes nothing to alerts raised before it: they were seen live.
      startAt: 'new',
    }),
  ],
  routes: deliveryRoutes,
  console: {
    dir: fileURLToPath(new URL('../console', import.meta.url)),
    pages: [
      {
        key: 'delivery',
        title: '提醒设置',
        module: 'delivery.js',
        render: 'renderDelivery',
        roles: ['bureau', 'inspector', 'leader', 'admin'],
      },
    ],
  },
  openApiTags: [{ name: 'delivery', description: '提醒设置与投递（邮件、企业微信、钉钉群机器人、短信）' }],
});
