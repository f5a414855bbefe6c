import { fileURLToPath } from 'node:url';
import type { Worker } from '@temporalio/worker';
import { createProcessWorker, type ProcessWorkerDeps } from '@duban/workflow-core/worker';
import { createLandUseActivities } from './activities';
import { LAND_USE_TASK_QUEUE } from './definitions';

export type LandUseWorkerDeps = ProcessWorkerDeps;

export const landUseWorkflowsPath = fileURLToPath(new URL('./workflows.ts', import.meta.url));

export function createLandUseWorker(deps: LandUseWorkerDeps): Promise<Worker> {
  return createProcessWorker({
    ...deps,
    taskQueue: deps.taskQueue ?? LAND_USE_TASK_QUEUE,
    workflowsPath: landUseWorkflowsPath,
    activities: createLandUseActivities(deps),
  });
}
