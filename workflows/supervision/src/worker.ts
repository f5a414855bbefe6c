import { fileURLToPath } from 'node:url';
import type { Worker } from '@temporalio/worker';
import { createProcessWorker, type ProcessWorkerDeps } from '@duban/workflow-core/worker';
import { createSupervisionActivities } from './activities';
import { SUPERVISION_TASK_QUEUE } from './definitions';

export type SupervisionWorkerDeps = ProcessWorkerDeps;

export const supervisionWorkflowsPath = fileURLToPath(new URL('./workflows.ts', import.meta.url));

export function createSupervisionWorker(deps: SupervisionWorkerDeps): Promise<Worker> {
  return createProcessWorker({
    ...deps,
    taskQueue: deps.taskQueue ?? SUPERVISION_TASK_QUEUE,
    workflowsPath: supervisionWorkflowsPath,
    activities: createSupervisionActivities(deps),
  });
}
