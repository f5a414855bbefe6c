import { fileURLToPath } from 'node:url';
import type { Worker } from '@temporalio/worker';
import { createProcessWorker, type ProcessWorkerDeps } from '@duban/workflow-core/worker';
import { createLandTransferActivities } from './activities';
import { LAND_TRANSFER_TASK_QUEUE } from './definitions';

export const landTransferWorkflowsPath = fileURLToPath(new URL('./workflows.ts', import.meta.url));

export function createLandTransferWorker(deps: ProcessWorkerDeps): Promise<Worker> {
  return createProcessWorker({
    ...deps,
    taskQueue: deps.taskQueue ?? LAND_TRANSFER_TASK_QUEUE,
    workflowsPath: landTransferWorkflowsPath,
    activities: createLandTransferActivities(deps),
  });
}
