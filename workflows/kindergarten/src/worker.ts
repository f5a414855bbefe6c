import { fileURLToPath } from 'node:url';
import type { Worker } from '@temporalio/worker';
import { createProcessWorker, type ProcessWorkerDeps } from '@duban/workflow-core/worker';
import { createKindergartenActivities } from './activities';
import { KINDERGARTEN_TASK_QUEUE } from './definitions';

export type KindergartenWorkerDeps = ProcessWorkerDeps;

export const kindergartenWorkflowsPath = fileURLToPath(new URL('./workflows.ts', import.meta.url));

export function createKindergartenWorker(deps: KindergartenWorkerDeps): Promise<Worker> {
  return createProcessWorker({
    ...deps,
    taskQueue: deps.taskQueue ?? KINDERGARTEN_TASK_QUEUE,
    workflowsPath: kindergartenWorkflowsPath,
    activities: createKindergartenActivities(deps),
  });
}
