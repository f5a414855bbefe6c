import { fileURLToPath } from 'node:url';
import type { Worker } from '@temporalio/worker';
import { createProcessWorker, type ProcessWorkerDeps } from '@duban/workflow-core/worker';
import { createCultivatedLandActivities } from './activities';
import { CULTIVATED_LAND_TASK_QUEUE } from './definitions';

export type CultivatedLandWorkerDeps = ProcessWorkerDeps;

export const cultivatedLandWorkflowsPath = fileURLToPath(new URL('./workflows.ts', import.meta.url));

export function createCultivatedLandWorker(deps: CultivatedLandWorkerDeps): Promise<Worker> {
  return createProcessWorker({
    ...deps,
    taskQueue: deps.taskQueue ?? CULTIVATED_LAND_TASK_QUEUE,
    workflowsPath: cultivatedLandWorkflowsPath,
    activities: createCultivatedLandActivities(deps),
  });
}
