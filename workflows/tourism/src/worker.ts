import { fileURLToPath } from 'node:url';
import type { Worker } from '@temporalio/worker';
import { createProcessWorker, type ProcessWorkerDeps } from '@duban/workflow-core/worker';
import { createTourismActivities } from './activities';
import { TOURISM_TASK_QUEUE } from './definitions';

export const tourismWorkflowsPath = fileURLToPath(new URL('./workflows.ts', import.meta.url));

/** The worker of the trip and settlement workflows of 引客入青. */
export function createTourismWorker(deps: ProcessWorkerDeps): Promise<Worker> {
  return createProcessWorker({
    ...deps,
    taskQueue: deps.taskQueue ?? TOURISM_TASK_QUEUE,
    workflowsPath: tourismWorkflowsPath,
    activities: createTourismActivities(deps),
  });
}
