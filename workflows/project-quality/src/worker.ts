import { fileURLToPath } from 'node:url';
import type { Worker } from '@temporalio/worker';
import { createProcessWorker, type ProcessWorkerDeps } from '@duban/workflow-core/worker';
import { createProjectQualityActivities } from './activities';
import { PROJECT_QUALITY_TASK_QUEUE } from './definitions';

export const projectQualityWorkflowsPath = fileURLToPath(new URL('./workflows.ts', import.meta.url));

export function createProjectQualityWorker(deps: ProcessWorkerDeps): Promise<Worker> {
  return createProcessWorker({
    ...deps,
    taskQueue: deps.taskQueue ?? PROJECT_QUALITY_TASK_QUEUE,
    workflowsPath: projectQualityWorkflowsPath,
    activities: createProjectQualityActivities(deps),
  });
}
