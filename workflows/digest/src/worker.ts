import { fileURLToPath } from 'node:url';
import type { Worker } from '@temporalio/worker';
import { createProcessWorker, type ProcessWorkerDeps } from '@duban/workflow-core/worker';
import { createDigestActivities } from './activities';
import { DIGEST_TASK_QUEUE } from './definitions';

export const digestWorkflowsPath = fileURLToPath(new URL('./workflows.ts', import.meta.url));

/** The worker of the morning digest workflow. */
export function createDigestWorker(deps: ProcessWorkerDeps): Promise<Worker> {
  return createProcessWorker({
    ...deps,
    taskQueue: deps.taskQueue ?? DIGEST_TASK_QUEUE,
    workflowsPath: digestWorkflowsPath,
    activities: createDigestActivities({ js: deps.js }),
  });
}
